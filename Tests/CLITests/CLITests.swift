import BunchKit
import BunchTestSupport
import Foundation
import Testing

/// The built binary, run as a user would: exit codes, where output goes, what it says.
@Suite("bunch, end to end")
struct CLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func lintingTheExamplesIsCleanAndSaysSo() throws {
        let result = try BunchBinary.run(["lint"], in: Self.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("checked 8 files: 0 errors, 0 warnings\n"))
        #expect(result.stdout.isEmpty)
    }

    @Test func theProjectIsFoundFromASubfolder() throws {
        let result = try BunchBinary.run(["lint"], in: Self.repository.appendingPathComponent("campaigns"))
        #expect(result.status == 0)
    }

    static let badCases: [(name: String, files: [String: String], expected: String)] = [
        ("typo'd key", ["templates/t.yaml": "name: t\nsectons: {subject: x}\n"],
         "templates/t.yaml:2:1: error: unknown key 'sectons' in a template; did you mean 'sections'? [unknown-key]"),
        ("placeholder with no variable", ["templates/t.yaml": "sections:\n  subject: \"A {{produt}}\"\n"],
         "templates/t.yaml:2:15: error: {{produt}} names no declared variable"),
        ("lowercase 1k", ["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  draft: {model: nano-banana-2, image_size: 1k}\n"],
         "campaigns/c.yaml:4:45: error: image size '1k' must use an uppercase K: '1K' [lowercase-image-size]"),
        ("4K on a single-size model", ["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  draft: {model: gemini-2.5-flash-image, image_size: 4K}\n"],
         "campaigns/c.yaml:4:54: error: gemini-2.5-flash-image has a single image size"),
        ("rejected ratio", ["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nstages:\n  final: {model: nano-banana-pro, aspect_ratio: \"8:1\"}\n"],
         "campaigns/c.yaml:4:49: error: aspect ratio '8:1' is not accepted by gemini-3-pro-image"),
        ("missing reference", ["templates/t.yaml": "sections: {subject: x}\nreferences: [{path: refs/gone.png}]\n"],
         "templates/t.yaml:2:21: error: reference image templates/refs/gone.png does not exist [missing-reference]"),
        ("unequal linked axes", ["campaigns/c.yaml": "template: basic\nvars: {product: {name: a}}\nlinked:\n  - {surface: [white paper, wet basalt], locale: [en]}\nstages:\n  draft: {model: nano-banana-2}\n"],
         "campaigns/c.yaml:4:5: error: linked axes must have the same number of values: surface has 2, locale has 1"),
        ("duplicate key", ["templates/t.yaml": "sections:\n  subject: a\n  subject: b\n"],
         "templates/t.yaml:3:3: error: duplicate key 'subject' in this mapping"),
        ("tab", ["templates/t.yaml": "sections:\n\tsubject: a\n"],
         "templates/t.yaml:2:1: error: tab character where YAML expects indentation or a value; indent with spaces [yaml-syntax]"),
        ("alias bomb", ["templates/t.yaml": MarkedText(AliasLimitRule.examples[0].files["templates/t.yaml"]!).text],
         "templates/t.yaml:6:4: error: aliases expand this value beyond 200000 nodes; refusing to expand it [alias-limit]"),
    ]

    @Test(arguments: badCases.indices)
    func eachBadInputGetsAPositionedMessageAndExitOne(_ index: Int) throws {
        let bad = Self.badCases[index]
        let project = try TemporaryProject(files: RuleExample.baseFiles.merging(bad.files) { $1 })
        let result = try BunchBinary.run(["lint"], in: project.root)
        #expect(result.status == 1, "\(bad.name): \(result.stderr)")
        #expect(result.stderr.contains(bad.expected), "\(bad.name): \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
        let sourceLine = bad.files.values.first!.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(sourceLine.count > 0)
        #expect(result.stderr.contains("    ^") || result.stderr.contains(" ^"), "a caret marks the column")
    }

    @Test func unreadableInputExitsTwo() throws {
        let project = try TemporaryProject(files: [:])
        try project.write("templates/t.yaml", bytes: Array("name: caf".utf8) + [0xFF, 0x0A])
        let result = try BunchBinary.run(["lint"], in: project.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("templates/t.yaml:1:10: error: file is not valid UTF-8"))
        let missing = try BunchBinary.run(["lint", "campaigns/nothing.yaml"], in: project.root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("error: no such file: campaigns/nothing.yaml"))
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try BunchBinary.run(["lint", "--format", "xml"], in: Self.repository)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--format"))
        let unknown = try BunchBinary.run(["frobnicate"], in: Self.repository)
        #expect(unknown.status == 2)
    }

    @Test func outsideAProjectTheMessageSaysWhatToDo() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("bunch-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try BunchBinary.run(["lint"], in: empty)
        #expect(result.status == 2)
        #expect(result.stderr.contains("run `bunch init` or pass --project DIR"))
    }

    @Test func machineFormatsGoToStandardOutput() throws {
        let project = try TemporaryProject(files: ["templates/t.yaml": "name: t\nsectons: {subject: x}\n"])
        let json = try BunchBinary.run(["lint", "--format", "json"], in: project.root)
        #expect(json.status == 1)
        let entries = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.first?["code"] as? String == "unknown-key")
        #expect(entries?.first?["line"] as? Int == 2)
        let github = try BunchBinary.run(["lint", "--format", "github"], in: project.root)
        #expect(github.stdout.hasPrefix("::error file=templates/t.yaml,line=2,col=1,title=unknown-key::unknown key 'sectons'"))
    }

    @Test func strictFailsOnWarnings() throws {
        let project = try TemporaryProject(files: ["templates/t.yaml": "sections:\n  subject: x\n  scene: []\n"])
        #expect(try BunchBinary.run(["lint"], in: project.root).status == 0)
        #expect(try BunchBinary.run(["lint", "--strict"], in: project.root).status == 1)
    }

    @Test func planShowsCountsCostsRowsAndAPrompt() throws {
        let result = try BunchBinary.run(["plan", "spring-launch"], in: Self.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("combinations  16 (18 in the product − 3 excluded + 1 included)"))
        #expect(result.stdout.contains("draft  gemini-3.1-flash-image        32"))
        #expect(result.stdout.contains("[SUBJECT]\n  - Main subject: perfume bottle"))
        #expect(result.stderr.isEmpty)
    }

    @Test func planJSONLinesStreamsEveryRequest() throws {
        let result = try BunchBinary.run(["plan", "campaigns/spring-launch.yaml", "--format", "jsonl", "--stage", "final"],
                                         in: Self.repository)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 32)
        let requests = try lines.map { try JSONDecoder().decode(PlannedRequest.self, from: Data($0.utf8)) }
        #expect(Set(requests.map(\.id)).count == 32)
        #expect(requests.allSatisfy { $0.stage == .final && $0.imageSize == "2K" && $0.draftID != nil })
    }

    @Test func aTrillionCombinationsAreRefusedAtOnceWithTheCount() throws {
        let axes = (1...12).map { "  a\($0): [" + (1...10).map(String.init).joined(separator: ", ") + "]" }
        let project = try TemporaryProject(files: RuleExample.baseFiles.merging([
            "campaigns/huge.yaml": "template: basic\nname: \"{{a1}}\"\nvars: {product: {name: p}}\nmatrix:\n"
                + axes.joined(separator: "\n") + "\nstages:\n  draft: {model: nano-banana-2}\n",
        ]) { $1 })
        let result = try BunchBinary.run(["plan", "huge"], in: project.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("expands to 1,000,000,000,000 requests"))
        #expect(result.stderr.contains("beyond its limit of 10,000 [expansion-limit]"))
    }

    @Test func initLaysOutAProjectThatLintsAndPlans() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bunch-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try BunchBinary.run(["init"], in: folder)
        #expect(first.status == 0)
        #expect(first.stdout.contains("wrote campaigns/first-campaign.yaml"))
        #expect(try BunchBinary.run(["lint", "--strict"], in: folder).status == 0)
        let plan = try BunchBinary.run(["plan", "first-campaign"], in: folder)
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("requests      8 per stage"))
        let again = try BunchBinary.run(["init"], in: folder)
        #expect(again.stdout.contains("kept  campaigns/first-campaign.yaml (already there)"))
    }

    @Test func helpHasExamplesAndExitsZero() throws {
        let result = try BunchBinary.run(["plan", "--help"], in: Self.repository)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
    }
}
