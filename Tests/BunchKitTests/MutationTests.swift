import BunchKit
import BunchTestSupport
import Foundation
import Testing

/// Thousands of random byte and line mutations of the example files: the parser and the linter
/// must answer every one with diagnostics, never crash (which would end this process) or hang.
@Suite("Mutation fuzzing")
struct MutationTests {
    static let root = ExampleProjectTests.root
    static let fragments = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "\t", "\"", "'", "{{", "}}", "{{x.y}}", "<<: ",
                            "---\n", "#", "|\n", ">\n", "? ", "!!int ", "%YAML 1.2\n", "🍌", "\u{0}", "\r", "9:16", "1k",
                            "limit: 0\n", "variants: 100\n", "sample: {count: 1}\n", "extends: studio-product\n"]

    @Test func randomMutationsNeverCrashTheParserOrTheLinter() throws {
        var random = SeededRandom(seed: 20_261_121)
        var files: [String: String] = [:]
        for url in Project(root: Self.root).templateFiles() + Project(root: Self.root).campaignFiles() {
            files[Project(root: Self.root).displayPath(of: url)] = try String(contentsOf: url, encoding: .utf8)
        }
        let project = try TemporaryProject(files: files)
        let paths = files.keys.sorted()
        var diagnosed = 0
        let rounds = 3_000
        for _ in 0..<rounds {
            let path = paths[Int(random.below(UInt64(paths.count)))]
            let mutated = mutate(files[path]!, random: &random)
            try project.write(path, bytes: mutated)
            let report = Linter(loaded: project.load(), today: "2026-11-21")
                .lint([project.root.appendingPathComponent(path)])
            if !(report.diagnostics + report.readFailures).isEmpty { diagnosed += 1 }
            try project.write(path, files[path]!)
        }
        // Most mutations break something; a linter that reported nothing would be suspect.
        #expect(diagnosed > rounds / 3)
    }

    private func mutate(_ text: String, random: inout SeededRandom) -> [UInt8] {
        var bytes = Array(text.utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch random.below(6) {
        case 0:
            for _ in 0..<(1 + random.below(4)) where !bytes.isEmpty {
                bytes[Int(random.below(UInt64(bytes.count)))] = UInt8(truncatingIfNeeded: random.next())
            }
            return bytes
        case 1:
            if !lines.isEmpty { lines.remove(at: Int(random.below(UInt64(lines.count)))) }
        case 2:
            if !lines.isEmpty {
                let index = Int(random.below(UInt64(lines.count)))
                lines.insert(lines[index], at: index)
            }
        case 3:
            if !lines.isEmpty {
                let index = Int(random.below(UInt64(lines.count)))
                var line = Array(lines[index].unicodeScalars)
                let at = Int(random.below(UInt64(line.count + 1)))
                line.insert(contentsOf: Self.fragments[Int(random.below(UInt64(Self.fragments.count)))].unicodeScalars, at: at)
                lines[index] = String(String.UnicodeScalarView(line))
            }
        case 4:
            if lines.count > 1 {
                let a = Int(random.below(UInt64(lines.count)))
                let b = Int(random.below(UInt64(lines.count)))
                lines.swapAt(a, b)
            }
        default:
            let cut = Int(random.below(UInt64(bytes.count + 1)))
            return Array(bytes[..<cut])
        }
        return Array(lines.joined(separator: "\n").utf8)
    }
}
