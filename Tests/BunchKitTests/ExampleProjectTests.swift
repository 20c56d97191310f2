import BunchKit
import BunchTestSupport
import Foundation
import Testing

/// The repository's own templates and campaigns: every one lints clean and plans, and their
/// plans and prompts are pinned as golden files.
@Suite("The example project")
struct ExampleProjectTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let loaded = LoadedProject.load(Project(root: root), catalog: .builtIn)
    static let campaigns = Project(root: root).campaignFiles().map { $0.deletingPathExtension().lastPathComponent }

    @Test func thereAreAtLeastThreeTemplatesABrandKitAndThreeCampaigns() {
        #expect(Self.loaded.library.templates.count >= 3)
        #expect(Self.loaded.library.brands.count >= 1)
        #expect(Self.campaigns.count >= 3)
    }

    @Test func everyFileLintsWithoutErrorsOrWarnings() {
        let report = Linter(loaded: Self.loaded, today: "2026-11-21").lint()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
        #expect(report.readFailures.isEmpty)
        #expect(report.filesChecked == Project(root: Self.root).templateFiles().count + Self.campaigns.count)
    }

    @Test(arguments: campaigns)
    func everyCampaignPlansToItsGolden(_ name: String) throws {
        let url = Self.root.appendingPathComponent("campaigns/\(name).yaml")
        let campaign = try #require(try Self.loaded.campaign(at: url).campaign)
        let plan = try Planner.plan(campaign, references: Self.loaded.references)
        let report = try PlanReport(plan: plan, firstRows: 5)
        if let difference = Golden.check(report.table(), named: "\(name).plan.txt") { Issue.record("\(difference)") }
        if let difference = Golden.check(report.json(), named: "\(name).plan.json") { Issue.record("\(difference)") }
        for stage in campaign.stages {
            let prompt = try plan.firstRequests(1, stage: stage.stage)[0].prompt
            if let difference = Golden.check(prompt + "\n", named: "\(name).\(stage.stage.rawValue).prompt.txt") {
                Issue.record("\(difference)")
            }
        }
    }

    @Test func theInitScaffoldLintsCleanAndPlans() throws {
        var files: [String: String] = [:]
        let project = try TemporaryProject(files: files)
        for file in ProjectScaffold.files {
            try project.write(file.path, bytes: [UInt8](file.contents))
        }
        files = [:]
        let report = project.lint()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
        let loaded = project.load()
        let campaign = try #require(try loaded.campaign(
            at: project.root.appendingPathComponent("campaigns/\(ProjectScaffold.campaignName).yaml")).campaign)
        let plan = try Planner.plan(campaign, references: loaded.references)
        #expect(plan.counts.requests == 8)
        #expect(plan.references.count == 1, "the brand kit's reference image is found and hashed")
    }
}
