import ArgumentParser
import BunchKit
import Foundation

/// `bunch lint`: checks templates and campaigns.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check templates and campaigns; print file:line:col diagnostics.",
        discussion: """
            With no paths, checks every file under templates/ and campaigns/. A named campaign brings \
            the templates and brand kit it uses along. Exit 1 on any error (with --strict, on warnings \
            too); exit 2 when a file cannot be read.

            Examples:
              bunch lint
              bunch lint campaigns/spring-launch.yaml --strict
              bunch lint --format github        # annotations in GitHub Actions
              bunch lint --format json | jq '.[] | select(.severity == "error")'
            """)

    @OptionGroup var projectOptions: ProjectOptions

    @Argument(help: "Template or campaign files to check (default: all).")
    var paths: [String] = []

    @Option(help: "Output format: text (to stderr), json or github (to stdout).")
    var format: LintFormat = .text

    @Flag(help: "Fail on warnings as well as errors.")
    var strict = false

    @Flag(name: .long, help: "List the lint rules and exit.")
    var rules = false

    func run() async throws {
        if rules {
            for rule in LintCatalog.rules {
                try Terminal.standardOutput("\(rule.id.padding(toLength: 26, withPad: " ", startingAt: 0)) \(rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.summary)\n")
            }
            return
        }
        let loaded = try projectOptions.load()
        var urls: [URL]?
        if !paths.isEmpty {
            urls = try paths.map { path in
                let url = URL(fileURLWithPath: path, relativeTo: projectOptions.workingDirectory).standardizedFileURL
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                    throw Terminal.fail("no such file: \(path)")
                }
                if isDirectory.boolValue {
                    throw Terminal.fail("\(path) is a folder; name template or campaign files, or give no path to check all")
                }
                return url
            }
        }
        let report = Linter(loaded: loaded, today: Terminal.today).lint(urls)
        let all = (report.readFailures + report.diagnostics).sortedByLocation()
        try DiagnosticFormatter.print(all, format: format.kitFormat, project: loaded.project)
        let errors = report.errorCount + report.readFailures.count
        if format == .text {
            Terminal.standardError("checked \(report.filesChecked) file\(report.filesChecked == 1 ? "" : "s"): "
                + "\(errors) error\(errors == 1 ? "" : "s"), \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")\n")
        }
        if !report.readFailures.isEmpty { throw ExitCode(2) }
        if errors > 0 || (strict && report.warningCount > 0) { throw ExitCode(1) }
    }
}

/// `--format` of `bunch lint`.
enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github

    var kitFormat: DiagnosticFormatter.Format {
        DiagnosticFormatter.Format(rawValue: rawValue)!
    }
}
