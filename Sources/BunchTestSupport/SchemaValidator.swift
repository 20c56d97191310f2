import Foundation

/// A parsed JSON value that keeps booleans and numbers apart (JSONSerialization does not on
/// every platform).
public indirect enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public var description: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string(let text): "'\(text.prefix(60))'"
        case .number(let number): "\(number)"
        case .bool(let flag): "\(flag)"
        case .null: "null"
        }
    }
}

/// Checks JSON against the subset of JSON Schema (2020-12) Bunch's schemas use: `type`,
/// `required`, `properties`, `additionalProperties`, `items`, `enum`, `const`, `minimum`,
/// `minLength`, `pattern` and local `$ref`s into `$defs`.
public struct SchemaValidator {
    let root: [String: JSONValue]

    /// Creates a validator from a schema document.
    public init(schema: Data) throws {
        guard case .object(let root) = try JSONDecoder().decode(JSONValue.self, from: schema) else {
            throw CocoaError(.propertyListReadCorrupt)
        }
        self.root = root
    }

    /// Every violation, as "path: problem"; empty when the instance is valid.
    public func violations(of instance: Data) throws -> [String] {
        var found: [String] = []
        check(try JSONDecoder().decode(JSONValue.self, from: instance), against: root, at: "$", into: &found)
        return found
    }

    private func check(_ value: JSONValue, against schema: [String: JSONValue], at path: String, into found: inout [String]) {
        if case .string(let reference)? = schema["$ref"] {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard case .object(let definitions)? = root["$defs"], case .object(let target)? = definitions[name] else {
                found.append("\(path): unresolvable $ref \(reference)")
                return
            }
            check(value, against: target, at: path, into: &found)
            return
        }
        if let constant = schema["const"], value != constant { found.append("\(path): must be \(constant)") }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            found.append("\(path): \(value) is not one of the allowed values")
        }
        if case .string(let type)? = schema["type"], !matches(value, type: type) {
            found.append("\(path): expected \(type), found \(value)")
            return
        }
        switch value {
        case .string(let string):
            if case .number(let minimum)? = schema["minLength"], Double(string.count) < minimum {
                found.append("\(path): too short")
            }
            if case .string(let pattern)? = schema["pattern"], string.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): \(value) does not match \(pattern)")
            }
        case .number(let number):
            if case .number(let minimum)? = schema["minimum"], number < minimum { found.append("\(path): \(number) < \(minimum)") }
        case .object(let object):
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where object[key] == nil { found.append("\(path): missing \(key)") }
            }
            let properties: [String: JSONValue] = if case .object(let properties)? = schema["properties"] { properties } else { [:] }
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                if case .object(let property)? = properties[key] {
                    check(child, against: property, at: "\(path).\(key)", into: &found)
                } else if case .object(let additional)? = schema["additionalProperties"] {
                    check(child, against: additional, at: "\(path).\(key)", into: &found)
                } else if schema["additionalProperties"] == .bool(false) {
                    found.append("\(path): unexpected key \(key)")
                }
            }
        case .array(let array):
            if case .object(let items)? = schema["items"] {
                for (index, item) in array.enumerated() { check(item, against: items, at: "\(path)[\(index)]", into: &found) }
            }
        case .bool, .null:
            break
        }
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
             ("number", .number): true
        case ("integer", .number(let number)): number == number.rounded()
        default: false
        }
    }
}
