import Foundation

/// The text of one YAML file, with the path it is shown under.
public struct SourceFile: Sendable {
    /// The path shown in diagnostics, relative to the project root where possible.
    public let path: String
    /// The file's text, decoded as UTF-8 with any byte-order mark removed.
    public let text: String

    /// Creates a source file from text already in memory.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The location of a position in this file.
    public func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(path: path, position: position)
    }

    /// The text of a 1-based line without its line break, or nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                return String(line.hasSuffix("\r") ? line.dropLast() : line)
            }
            current += 1
        }
        return nil
    }

    /// The position of the Unicode scalar at a UTF-8 byte offset.
    public func position(ofUTF8Offset offset: Int) -> SourcePosition {
        var line = 1
        var column = 1
        var consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }
}

/// Why a file could not be read as text. Reported with exit code 2.
public struct SourceReadError: Error, Sendable, CustomStringConvertible {
    /// The diagnostic describing the failure.
    public let diagnostic: Diagnostic
    public var description: String { diagnostic.message }
}

extension SourceFile {
    /// Files larger than this are refused before parsing: no real template or campaign comes close.
    public static let maximumBytes = 4 * 1024 * 1024

    /// Reads a file as UTF-8 text, refusing unreadable, oversized and non-UTF-8 files with a
    /// positioned diagnostic.
    public static func read(_ url: URL, displayPath: String) throws(SourceReadError) -> SourceFile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SourceReadError(diagnostic: Diagnostic(
                .error, code: "unreadable-file",
                "cannot read \(displayPath): \(Self.describe(error))",
                at: SourceLocation(path: displayPath, position: .start)))
        }
        return try decode(data, displayPath: displayPath)
    }

    /// Decodes bytes as UTF-8 text, pointing at the first invalid byte when they are not.
    public static func decode(_ data: Data, displayPath: String) throws(SourceReadError) -> SourceFile {
        guard data.count <= maximumBytes else {
            throw SourceReadError(diagnostic: Diagnostic(
                .error, code: "unreadable-file",
                "file is \(data.count) bytes; templates and campaigns are limited to \(maximumBytes) bytes",
                at: SourceLocation(path: displayPath, position: .start)))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return SourceFile(path: displayPath, text: text)
        }
        let validPrefix = Self.validUTF8PrefixLength(bytes)
        let prefixText = String(decoding: bytes[..<validPrefix], as: UTF8.self)
        let partial = SourceFile(path: displayPath, text: prefixText)
        throw SourceReadError(diagnostic: Diagnostic(
            .error, code: "unreadable-file",
            "file is not valid UTF-8 (byte 0x\(String(bytes[validPrefix], radix: 16, uppercase: true)) at offset \(validPrefix))",
            at: partial.location(partial.position(ofUTF8Offset: validPrefix))))
    }

    private static func validUTF8PrefixLength(_ bytes: [UInt8]) -> Int {
        var low = 0
        var high = bytes.count
        // The longest valid prefix: binary search on "prefix decodes", allowing for a cut scalar.
        while low < high {
            let middle = (low + high + 1) / 2
            var ok = false
            for trim in 0...min(3, middle) where String(validating: bytes[..<(middle - trim)], as: UTF8.self) != nil {
                ok = trim == 0
                break
            }
            if ok { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError {
            return "no such file"
        }
        return "the file could not be opened"
    }
}
