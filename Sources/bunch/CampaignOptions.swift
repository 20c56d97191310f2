import ArgumentParser
import BunchKit
import BunchRunner
import Foundation

/// A campaign named on the command line, found, linted and planned: what plan, run, approve and
/// status start from.
struct LoadedCampaign {
    let loaded: LoadedProject
    let plan: CampaignPlan
    let store: OutputStore

    /// Finds the campaign, lints it (printing problems; errors exit 1, unreadable input 2) and
    /// plans it.
    static func load(_ name: String, options: ProjectOptions) throws -> LoadedCampaign {
        let loaded = try options.load()
        let url: URL
        do {
            url = try loaded.project.campaignFile(name, workingDirectory: options.workingDirectory)
        } catch {
            throw Terminal.fail(error.message)
        }
        let report = Linter(loaded: loaded, today: Terminal.today).lint([url])
        let problems = (report.readFailures + report.diagnostics).sortedByLocation()
        if !problems.isEmpty { try DiagnosticFormatter.print(problems, format: .text, project: loaded.project) }
        if !report.readFailures.isEmpty { throw ExitCode(2) }
        if report.errorCount > 0 {
            throw Terminal.fail("the campaign has \(Count.format(report.errorCount, "error")); fix them first", code: 1)
        }
        do {
            guard let campaign = try loaded.campaign(at: url).campaign else {
                throw Terminal.fail("the campaign could not be read", code: 1)
            }
            let plan = try Planner.plan(campaign, references: loaded.references)
            let output = loaded.project.root.appendingPathComponent(campaign.spec.output?.value ?? "out")
            return LoadedCampaign(loaded: loaded, plan: plan, store: OutputStore(outputRoot: output, campaign: campaign.spec.name.value))
        } catch let error as SourceReadError {
            throw Terminal.fail(error.diagnostic.message)
        } catch let error as PlanError {
            throw Terminal.fail(error.description, code: 1)
        }
    }
}
