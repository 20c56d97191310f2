import ArgumentParser
import Foundation

/// The `bunch` command line: a thin layer that maps flags onto BunchKit and prints what it returns.
@main
struct Bunch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bunch",
        abstract: "Prompt templates and campaigns for Gemini image models (Nano Banana): lint, plan, render.",
        discussion: """
            Describe brand kits, structured prompt templates and campaigns with variable matrices in YAML; \
            Bunch checks them and expands them into concrete, costed requests.

            Examples:
              bunch init                                   lay out templates/, campaigns/ and a working example
              bunch lint                                   check every template and campaign
              bunch lint campaigns/spring-launch.yaml --format github
              bunch plan spring-launch                     counts, cost per stage, first requests, one prompt
              bunch plan spring-launch --format jsonl      every request, one JSON object per line

            Exit codes: 0 good; 1 lint errors; 2 usage or unreadable input; 3 over budget; 130 interrupted.
            """,
        version: BunchVersion.current,
        subcommands: [LintCommand.self, PlanCommand.self, RunCommand.self, ApproveCommand.self, StatusCommand.self, InitCommand.self])

    /// Runs the command; usage errors exit 2 (not ArgumentParser's 64), as SPEC §3 says.
    static func main() async {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Terminal.standardError(message + "\n") }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// The tool's version, printed by `--version` and written into manifests.
enum BunchVersion {
    static let current = "0.1.0"
}
