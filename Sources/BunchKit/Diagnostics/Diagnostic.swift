/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem found in a file: a value, never printed by the stage that found it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// A secondary location that explains the main one ("first defined here").
    public struct Note: Sendable, Hashable {
        /// What the note says, lower-case, no trailing period.
        public var message: String
        /// Where it points, if anywhere.
        public var location: SourceLocation?

        /// Creates a note.
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// Error or warning.
    public var severity: Severity
    /// The stable kebab-case id of the rule that produced it.
    public var code: String
    /// What is wrong, lower-case start, no trailing period.
    public var message: String
    /// Where it is.
    public var location: SourceLocation
    /// Further locations and hints.
    public var notes: [Note]

    /// Creates a diagnostic.
    public init(_ severity: Severity, code: String, _ message: String, at location: SourceLocation, notes: [Note] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(code)]"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, then code, for stable output.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.location, $0.code, $0.message) < ($1.location, $1.code, $1.message) }
    }
}
