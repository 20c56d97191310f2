/// A 1-based line and column in a source file.
///
/// Columns count Unicode scalars, as libyaml does, so a position is the same whether a line
/// holds ASCII or emoji.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The line, starting at 1.
    public var line: Int
    /// The column in Unicode scalars, starting at 1.
    public var column: Int

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The first character of a file.
    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A position in a named file.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path as shown to the user (relative to the project root where possible).
    public var path: String
    /// The line and column in that file.
    public var position: SourcePosition

    /// Creates a location.
    public init(path: String, position: SourcePosition) {
        self.path = path
        self.position = position
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.position) < (rhs.path, rhs.position)
    }

    public var description: String { "\(path):\(position)" }
}
