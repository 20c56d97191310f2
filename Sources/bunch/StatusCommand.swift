import ArgumentParser
import BunchKit
import BunchRunner
import Foundation

/// `bunch status`: what is done, failed and pending, and what it cost.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Per stage: done, refused, blocked, failed (by reason), pending, approved, spent.",
        discussion: """
            Built from the journal, the current plan and the approvals. --rebuild rewrites manifest.json \
            from them (it is also rewritten when missing or unreadable).

            Examples:
              bunch status spring-launch
              bunch status spring-launch --format json
              bunch status spring-launch --rebuild
            """)

    @OptionGroup var projectOptions: ProjectOptions

    @Argument(help: "The campaign: a path, or a name under campaigns/.")
    var campaign: String

    @Option(help: "text or json.")
    var format: StatusFormat = .text

    @Flag(help: "Rewrite manifest.json from the journal and the files.")
    var rebuild = false

    func run() async throws {
        let campaign = try LoadedCampaign.load(self.campaign, options: projectOptions)
        let store = campaign.store
        let approvals = (try? Approvals.load(from: store)) ?? Approvals()
        let (records, unreadable) = Journal.read(store.journalURL)
        let manifest = RunManifest.build(version: BunchVersion.current, plan: campaign.plan, journal: records,
                                         approvals: approvals)
        let existing = try? JSONDecoder().decode(RunManifest.self, from: Data(contentsOf: store.manifestURL))
        if rebuild || (existing == nil && FileManager.default.fileExists(atPath: store.root.path)) {
            do {
                try manifest.write(to: store)
                Terminal.standardError("rewrote \(campaign.loaded.project.displayPath(of: store.manifestURL))\n")
            } catch {
                throw Terminal.fail("cannot write \(store.manifestURL.path)")
            }
        }
        if unreadable > 0 {
            Terminal.standardError("warning: \(Count.format(unreadable, "journal line")) could not be read (a crash mid-write); those requests count as pending\n")
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let totals = campaign.plan.campaign.stages.map(\.stage.rawValue).reduce(into: [String: RunManifest.StageTotals]()) {
                $0[$1] = manifest.totals[$1]
            }
            try Terminal.standardOutput(String(decoding: try encoder.encode(totals), as: UTF8.self) + "\n")
        case .text:
            var out = ""
            for stage in campaign.plan.campaign.stages.map(\.stage) {
                let totals = manifest.totals[stage.rawValue] ?? RunManifest.StageTotals()
                out += "\(stage.rawValue): \(totals.requests) requests — \(totals.succeeded) succeeded, \(totals.refused) refused, "
                    + "\(totals.blocked) blocked, \(totals.failed) failed, \(totals.pending) pending"
                if stage == .draft { out += ", \(totals.approved) approved" }
                out += "; \(totals.images) images; spent \(USD.format(totals.costUSD))\n"
                for (reason, count) in totals.failedByReason.sorted(by: { $0.value > $1.value }) {
                    out += "  failed: \(count) × \(reason)\n"
                }
            }
            let superseded = manifest.requests.filter(\.superseded).count
            if superseded > 0 { out += "\(Count.format(superseded, "superseded output")) kept (their requests changed)\n" }
            try Terminal.standardOutput(out)
        }
    }
}

/// `--format` of `bunch status`.
enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
