import ArgumentParser
import BunchKit
import Foundation

/// `bunch init`: lays out a project with a working example.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Lay out templates/, campaigns/ and one working example.",
        discussion: """
            Writes a template, a brand kit with its reference image, and a campaign. Existing files are \
            never overwritten.

            Examples:
              bunch init
              bunch init my-brand-project && cd my-brand-project && bunch plan first-campaign
            """)

    @Argument(help: "The folder to lay out (default: the current folder).")
    var folder = "."

    func run() async throws {
        let root = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        var written: [String] = []
        var kept: [String] = []
        for file in ProjectScaffold.files {
            let url = root.appendingPathComponent(file.path)
            if FileManager.default.fileExists(atPath: url.path) {
                kept.append(file.path)
                continue
            }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url, options: .atomic)
            } catch {
                throw Terminal.fail("cannot write \(url.path)")
            }
            written.append(file.path)
        }
        var out = ""
        for path in written { out += "wrote \(path)\n" }
        for path in kept { out += "kept  \(path) (already there)\n" }
        out += "\nnext: bunch lint && bunch plan \(ProjectScaffold.campaignName)\n"
        try Terminal.standardOutput(out)
    }
}
