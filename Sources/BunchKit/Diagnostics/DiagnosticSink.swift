/// Collects diagnostics for one file while a stage works through it.
public struct DiagnosticSink: Sendable {
    /// The file the positions refer to.
    public let file: SourceFile
    /// What was collected so far, in the order found.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates an empty sink for a file.
    public init(file: SourceFile) {
        self.file = file
    }

    /// Records an error at a position of this file.
    public mutating func error(_ code: String, _ message: String, at position: SourcePosition, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(.error, code: code, message, at: file.location(position), notes: notes))
    }

    /// Records a warning at a position of this file.
    public mutating func warning(_ code: String, _ message: String, at position: SourcePosition, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(.warning, code: code, message, at: file.location(position), notes: notes))
    }

    /// Records a ready-made diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// A note pointing into this file.
    public func note(_ message: String, at position: SourcePosition) -> Diagnostic.Note {
        Diagnostic.Note(message, at: file.location(position))
    }
}
