import Foundation

/// Directions that pull against each other ("night" with "bright daylight", "no text" with a
/// requested headline): the model follows one at random.
public struct ContradictoryDirectionsRule: LintRule {
    public static let id = "contradictory-directions"
    public static let summary = "Directions that contradict each other, such as night with bright daylight"
    public static let severity = Severity.warning
    public static let examples: [RuleExample] = [
        .triggering(["templates/t.yaml": "sections:\n  scene: [A city street at night]\n  lighting: ↓Bright daylight from the left\n"]),
        .triggering(["templates/t.yaml": "variables: {headline: {}}\nsections:\n  subject: \"Headline reading {{headline}}\"\n  constraints: [↓No text anywhere]\n"]),
        .triggering(["campaigns/c.yaml": "template: basic\nmatrix:\n  product: [{name: a}]\n  surface: [white paper, ↓black and white marble]\nstages:\n  draft: {model: nano-banana-2}\n", "templates/basic.yaml": "variables:\n  product: {required: true}\n  surface: {}\nsections:\n  subject: \"{{product.name}} on {{surface}}\"\n  style: Vibrant full colour\n"]),
        .nonTriggering(["templates/t.yaml": "sections:\n  scene: [A city street at night]\n  lighting: Neon signs and wet reflections\n"]),
    ]

    /// Pairs of direction families that cannot both hold.
    static let conflicts: [(String, [String], String, [String])] = [
        ("night", ["night", "midnight", "moonlit", "after dark"], "daylight", ["bright daylight", "midday sun", "noon sun", "broad daylight"]),
        ("no text", ["no text", "without text", "text-free"], "requested text", ["headline", "tagline", "caption", "text reading", "the words", "{{"]),
        ("black and white", ["black and white", "monochrome", "grayscale", "greyscale"], "full colour", ["full colour", "full color", "vibrant colour", "vibrant color", "colorful", "colourful"]),
        ("minimal", ["minimal background", "minimalist", "clean and minimal"], "cluttered", ["cluttered", "busy background", "crowded"]),
        ("close-up", ["extreme close-up", "macro shot"], "wide shot", ["wide shot", "wide-angle establishing", "aerial view"]),
    ]

    public init() {}

    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] {
        switch subject {
        case .template(_, let composed):
            let lines = composed.allLines.filter { !$0.isFromBrand }.map {
                (text: $0.text.value, location: TextOrigin(text: $0.text, file: $0.file).location(ofOffset: 0))
            }
            return findConflicts(lines)
        case .campaign(let campaign):
            guard let composed = campaign.composed else { return [] }
            let templateText = composed.allLines.map { $0.compiled.literalText }.joined(separator: "\n")
            var found: [Diagnostic] = []
            for variable in campaign.usedVariables.sorted() {
                for (value, location) in campaign.values(of: variable) {
                    guard let location else { continue }
                    let text = value.text(field: nil) ?? ""
                    for (name, first, otherName, second) in Self.conflicts {
                        if matches(text, second), !matches(text, first), matches(templateText, first) {
                            found.append(diagnostic(text, otherName, name, at: location))
                        } else if matches(text, first), !matches(text, second), matches(templateText, second) {
                            found.append(diagnostic(text, name, otherName, at: location))
                        }
                    }
                }
            }
            return found
        case .brand:
            return []
        }
    }

    private func findConflicts(_ lines: [(text: String, location: SourceLocation)]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (name, first, otherName, second) in Self.conflicts {
            guard let firstLine = lines.first(where: { matches($0.text, first) }),
                  let secondLine = lines.first(where: { matches($0.text, second) && !matches($0.text, first) })
            else { continue }
            let later = firstLine.location < secondLine.location ? secondLine : firstLine
            let earlier = firstLine.location < secondLine.location ? firstLine : secondLine
            found.append(Diagnostic(
                .warning, code: Self.id, "'\(later.text)' contradicts '\(earlier.text)' (\(name) vs \(otherName))",
                at: later.location, notes: [Diagnostic.Note("the other direction", at: earlier.location)]))
        }
        return found
    }

    private func diagnostic(_ text: String, _ mine: String, _ theirs: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code: Self.id, "'\(text)' asks for \(mine), but the template asks for \(theirs)", at: location)
    }

    private func matches(_ text: String, _ phrases: [String]) -> Bool {
        let lower = text.lowercased()
        return phrases.contains { phrase in
            guard let range = lower.range(of: phrase) else { return false }
            let before = range.lowerBound == lower.startIndex ? " " : lower[lower.index(before: range.lowerBound)]
            return !before.isLetter
        }
    }
}
