/// A reference image that does not exist, cannot be read, or lies outside the project.
public struct MissingReferenceRule: LintRule {
    public static let id = "missing-reference"
    public static let summary = "A reference image that is missing, unreadable, or outside the project folder"
    public static let severity = Severity.error
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": "sections: {subject: x}\nreferences:\n  - path: ↓refs/nowhere.png\n"]),
        .triggering(["templates/t.yaml": "sections: {subject: x}\nreferences:\n  - ↓../../etc/passwd\n"]),
        .nonTriggering(["templates/t.yaml": "sections: {subject: x}\nreferences:\n  - url: https://example.com/board.png\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard let spec = subject.templateFile else { return [] }
        return spec.references.compactMap { reference in
            guard case .failure(let error) = context.references.digest(reference) else { return nil }
            return Diagnostic(.error, code: Self.id, error.message, at: spec.file.location(reference.location.position))
        }
    }
}
