import BunchKit
import Crypto
import Foundation

/// `bunch-bench`: the speed and memory targets of the core, as ratios against baselines measured
/// in the same run. Build with `-c release`; it runs the `bunch` binary beside it for the
/// end-to-end figures.
@main
struct BunchBench {
    static func main() async throws {
        let arguments = CommandLine.arguments
        let requests = value(after: "--requests", in: arguments) ?? 1_000_000
        let lintFiles = value(after: "--lint-files", in: arguments) ?? 1_000
        let project = try BenchProject()
        defer { project.remove() }
        let only = arguments.firstIndex(of: "--only").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        if only == nil || only == "core" {
            print("bunch-bench: \(Count.format(requests, "request")), \(Count.format(lintFiles, "lint file"))\n")
            try planning(project, requests: requests)
            try linting(project, files: lintFiles)
        }
        if only == nil || only == "run" {
            try await RunBench.all(project)
        }
    }

    static func value(after flag: String, in arguments: [String]) -> Int? {
        arguments.firstIndex(of: flag).flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil }
    }

    /// Renders and hashes every request of a campaign into JSON lines, against a baseline of the
    /// SHA-256 alone over prompts of the same size.
    static func planning(_ project: BenchProject, requests: Int) throws {
        let products = 1_000
        let variants = 10
        let surfaces = max(1, requests / (products * variants))
        try project.writeCampaign(name: "big", products: products, surfaces: surfaces, variants: variants)
        try project.writeCampaign(name: "small", products: products, surfaces: max(1, surfaces / 10), variants: variants)
        let loaded = LoadedProject.load(Project(root: project.root), catalog: .builtIn)
        guard let campaign = try loaded.campaign(at: project.root.appendingPathComponent("campaigns/big.yaml")).campaign
        else { throw CocoaError(.fileReadCorruptFile) }
        let plan = try Planner.plan(campaign, references: loaded.references)
        let total = plan.counts.requests
        let samplePrompt = try plan.firstRequests(1, stage: .draft)[0].prompt
        let promptBytes = [UInt8](samplePrompt.utf8)

        var sink: UInt8 = 0
        let baseline = Measure.seconds {
            for index in 0..<total {
                var hasher = SHA256()
                hasher.update(data: promptBytes)
                withUnsafeBytes(of: index) { hasher.update(bufferPointer: $0) }
                sink ^= hasher.finalize().withUnsafeBytes { $0[0] }
            }
        }
        var bytes = 0
        let rendering = try Measure.seconds {
            try plan.streamJSONLines(stage: .draft) { chunk in
                bytes += chunk.count
                sink ^= chunk[chunk.count / 2]
            }
        }
        print("planning \(Count.format(total)) requests (prompt \(promptBytes.count) bytes, \(bytes / total) bytes a JSON line)")
        print(row("baseline: SHA-256 of the prompt alone", total, baseline))
        print(row("render + hash + JSON line, in process", total, rendering)
            + String(format: "   %.2f× the baseline's time", rendering / baseline))

        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bunch")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            print("(no bunch binary beside bunch-bench: end-to-end figures skipped)\n")
            return
        }
        let small = try Measure.child(binary, ["plan", "small", "--format", "jsonl"], in: project.root)
        let big = try Measure.child(binary, ["plan", "big", "--format", "jsonl"], in: project.root)
        let smallCount = total / 10
        print(row("bunch plan --format jsonl > /dev/null", total, big.seconds)
            + String(format: "   %.2f× the baseline's time, exit %d", big.seconds / baseline, big.status))
        print(String(format: "peak RSS: %.1f MiB at %@ requests, %.1f MiB at %@ (ratio %.2f for 10× the requests)",
                     small.peakMiB, Count.format(smallCount), big.peakMiB, Count.format(total), big.peakMiB / small.peakMiB))
        print(String(format: "targets: ≥ 500,000 requests/s planned with jsonl (%@), peak RSS < 64 MiB (%@)\n",
                     Double(total) / big.seconds >= 500_000 ? "met" : "NOT met", big.peakMiB < 64 ? "met" : "NOT met"))
        if sink == 42 { print("") }
    }

    /// Lints a corpus of generated files, against a baseline of parsing them alone.
    static func linting(_ project: BenchProject, files: Int) throws {
        try project.writeLintCorpus(count: files)
        let loaded = LoadedProject.load(Project(root: project.root), catalog: .builtIn)
        let urls = Project(root: project.root).templateFiles() + Project(root: project.root).campaignFiles()
        var parsed = 0
        let baseline = Measure.seconds {
            for url in urls {
                if let file = try? SourceFile.read(url, displayPath: url.lastPathComponent) {
                    parsed += parseYAML(file).root == nil ? 0 : 1
                }
            }
        }
        var report: LintReport?
        let linting = Measure.seconds {
            report = Linter(loaded: LoadedProject.load(loaded.project, catalog: .builtIn), today: "2026-11-21").lint()
        }
        print("linting \(Count.format(urls.count, "file")) (\(report?.errorCount ?? 0) errors, \(report?.warningCount ?? 0) warnings found)")
        print(String(format: "  %-44@ %8.3f s", "baseline: read and parse YAML only" as NSString, baseline))
        print(String(format: "  %-44@ %8.3f s   %.2f× the baseline's time", "load + decode + resolve + every rule" as NSString,
                     linting, linting / baseline))
    }

    static func row(_ label: String, _ count: Int, _ seconds: Double) -> String {
        String(format: "  %-44@ %8.3f s  %@ requests/s", label as NSString, seconds,
               Count.format(Int(Double(count) / seconds)))
    }
}
