import Foundation

/// A section written with an empty list or empty text. (A section with no value at all is a
/// slot that keeps its place for a child template, and renders nothing until filled.)
public struct EmptySectionRule: LintRule {
    public static let id = "empty-section"
    public static let summary = "A prompt section with no text"
    public static let severity = Severity.warning
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": "sections:\n  subject: x\n  ↓scene: []\n"]),
        .triggering(["templates/t.yaml": "sections:\n  subject: x\n  ↓lighting: \"\"\n"]),
        .nonTriggering(["templates/t.yaml": "sections:\n  subject: x\n  scene: [y]\n  lighting:\n"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        guard let spec = subject.templateFile else { return [] }
        return spec.sections.compactMap { section in
            guard !section.isSlot, section.lines.allSatisfy({ $0.value.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
            return Diagnostic(.warning, code: Self.id, "section '\(section.name.value)' has no text",
                              at: spec.file.location(section.name.position))
        }
    }
}
