import BunchKit
import BunchTestSupport
import Foundation
import Testing

@Suite("Every lint rule's examples are its tests")
struct RuleExampleTests {
    static let rules: [String] = LintCatalog.rules.map { $0.id }

    @Test(arguments: rules)
    func triggeringExamplesReportExactlyAtTheMarkers(_ id: String) throws {
        let rule = try #require(LintCatalog.rule(id: id))
        for (index, example) in rule.examples.enumerated() where example.triggers {
            for emoji in [false, true] {
                let (actual, expected) = try run(example, rule: id, emoji: emoji)
                #expect(actual == expected, "\(id) example \(index + 1)\(emoji ? " with emoji line" : "")")
            }
        }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesStayQuiet(_ id: String) throws {
        let rule = try #require(LintCatalog.rule(id: id))
        for (index, example) in rule.examples.enumerated() where !example.triggers {
            let (actual, _) = try run(example, rule: id, emoji: false)
            #expect(actual.isEmpty, "\(id) example \(index + 1) should not trigger")
        }
    }

    @Test func catalogIdsAreUniqueKebabCaseAndDocumented() {
        #expect(Set(Self.rules).count == Self.rules.count)
        for rule in LintCatalog.rules {
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id)")
            #expect(!rule.summary.isEmpty && !rule.summary.hasSuffix("."), "\(rule.id)")
            #expect(rule.examples.contains { !$0.triggers }, "\(rule.id) needs a non-triggering example")
            if rule.id != UnreadableFileRule.id {
                #expect(rule.examples.contains { $0.triggers }, "\(rule.id) needs a triggering example")
            }
        }
    }

    /// Lints an example (with the base files it may rely on) and returns the rule's diagnostics
    /// and the marked positions, both as "path:line:col".
    private func run(_ example: RuleExample, rule: String, emoji: Bool) throws -> (actual: [String], expected: [String]) {
        var files = RuleExample.baseFiles
        var expected: [String] = []
        for (path, text) in example.files {
            var marked = MarkedText(text)
            if emoji { marked = marked.withEmojiLine() }
            files[path] = marked.text
            expected += marked.markers.map { "\(path):\($0)" }
        }
        let project = try TemporaryProject(files: files)
        let report = project.lint()
        let actual = (report.diagnostics + report.readFailures).filter { $0.code == rule }
            .map { "\($0.location.path):\($0.location.position)" }
        return (actual.sorted(), expected.sorted())
    }
}

@Suite("Documentation of the rules")
struct RuleDocumentationTests {
    @Test func docsLintRulesListsEveryRuleWithItsSeverityAndSummary() throws {
        let url = ExampleProjectTests.root.appendingPathComponent("docs/lint-rules.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        for rule in LintCatalog.rules {
            let escaped = rule.summary.replacingOccurrences(of: "|", with: "\\|")
            #expect(text.contains("| `\(rule.id)` | \(rule.severity.rawValue)"), "\(rule.id) missing from docs/lint-rules.md")
            #expect(text.contains(escaped), "\(rule.id)'s summary differs in docs/lint-rules.md")
        }
        #expect(text.components(separatedBy: "\n| `").count - 1 == LintCatalog.rules.count)
    }
}
