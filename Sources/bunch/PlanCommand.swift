import ArgumentParser
import BunchKit
import Foundation

/// `bunch plan`: expands a campaign without generating anything.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Expand a campaign without generating: counts, cost per stage, first requests, one prompt.",
        discussion: """
            The campaign is linted first; errors stop the plan (exit 1). Counting is arithmetic, so a \
            matrix beyond `limit` is refused at once with its count. `--format jsonl` streams every \
            request of one stage, one JSON object per line, in constant memory.

            Examples:
              bunch plan spring-launch
              bunch plan campaigns/spring-launch.yaml --format json
              bunch plan spring-launch --format jsonl --stage final > finals.jsonl
            """)

    @OptionGroup var projectOptions: ProjectOptions

    @Argument(help: "The campaign: a path, or a name under campaigns/.")
    var campaign: String

    @Option(help: "Output format: table, json or jsonl.")
    var format: PlanFormat = .table

    @Option(help: "The stage whose requests are listed (jsonl and the table's first rows).")
    var stage: Stage?

    @Option(help: "How many requests the table and json show.")
    var rows = 10

    func validate() throws {
        guard rows >= 0 else { throw ValidationError("--rows must be zero or more") }
    }

    func run() async throws {
        let campaign = try LoadedCampaign.load(self.campaign, options: projectOptions)
        let plan = campaign.plan
        do {
            switch format {
            case .table, .json:
                var report = try PlanReport(plan: plan, firstRows: rows)
                if let stage {
                    report.requests = try plan.firstRequests(rows, stage: stage)
                }
                try Terminal.standardOutput(format == .table ? report.table() : report.json())
            case .jsonl:
                try plan.streamJSONLines(stage: stage ?? plan.campaign.stages.first?.stage ?? .draft) { chunk in
                    try Terminal.standardOutput(bytes: chunk)
                }
            }
        } catch let error as PlanError {
            throw Terminal.fail(error.description, code: 1)
        }
    }
}

/// `--format` of `bunch plan`.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl
}

extension Stage: ExpressibleByArgument {}
