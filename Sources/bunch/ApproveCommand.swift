import ArgumentParser
import BunchKit
import BunchRunner
import Foundation

/// `bunch approve`: marks drafts approved for finals.
struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve drafts for finals (or revoke approvals); approvals live in out/<campaign>/approvals.json.",
        discussion: """
            Drafts are named by id (8 or more leading hex digits are enough), by axis value, or all at once. \
            Only drafts that succeeded can be approved.

            Examples:
              bunch approve spring-launch 951cd377 15b37d1c
              bunch approve spring-launch --where product=lipstick --where surface="pink marble"
              bunch approve spring-launch --all
              bunch approve spring-launch 951cd377 --revoke
            """)

    @OptionGroup var projectOptions: ProjectOptions

    @Argument(help: "The campaign: a path, or a name under campaigns/.")
    var campaign: String

    @Argument(help: "Draft ids or unique id prefixes (8 hex digits or more).")
    var ids: [String] = []

    @Option(name: .customLong("where"), help: "axis=value: drafts whose axis has that value (repeat to narrow).")
    var conditions: [String] = []

    @Flag(help: "Every succeeded draft.")
    var all = false

    @Flag(help: "Remove the approvals instead of adding them.")
    var revoke = false

    func validate() throws {
        if ids.isEmpty && conditions.isEmpty && !all {
            throw ValidationError("name drafts by id, --where axis=value or --all")
        }
        for id in ids where id.count < 8 || !id.allSatisfy(\.isHexDigit) {
            throw ValidationError("'\(id)' is not a draft id: give 8 or more hex digits")
        }
        for condition in conditions where !condition.contains("=") {
            throw ValidationError("--where takes axis=value, not '\(condition)'")
        }
    }

    func run() async throws {
        let campaign = try LoadedCampaign.load(self.campaign, options: projectOptions)
        let drafts: [PlannedRequest]
        do {
            drafts = try campaign.plan.allRequests(stage: .draft)
        } catch {
            throw Terminal.fail(error.description, code: 1)
        }
        let records = Journal.read(campaign.store.journalURL).records
        let outcomes = Journal.outcomes(records)
        var chosen: [PlannedRequest] = []
        for id in ids {
            let matches = drafts.filter { $0.id.hasPrefix(id.lowercased()) }
            guard matches.count == 1 else {
                throw Terminal.fail(matches.isEmpty ? "no draft of this campaign has id \(id)"
                    : "\(id) matches \(matches.count) drafts; give more digits")
            }
            chosen += matches
        }
        if !conditions.isEmpty || all {
            let axes = Set(drafts.first?.variables.map(\.name) ?? [])
            var selected = drafts
            for condition in conditions {
                let parts = condition.split(separator: "=", maxSplits: 1).map(String.init)
                let axis = parts[0]
                let value = parts.count > 1 ? parts[1] : ""
                guard axes.contains(axis) else {
                    let suggestion = KeySuggester.suggestion(for: axis, among: Array(axes)).map { "; did you mean '\($0)'?" } ?? ""
                    throw Terminal.fail("--where names '\(axis)', which is not an axis of this campaign\(suggestion)")
                }
                selected = selected.filter { $0.variables.contains { $0.name == axis && $0.label == value } }
            }
            if !revoke { selected = selected.filter { outcomes[$0.id]?.status == "succeeded" } }
            chosen += selected
        }
        if !revoke {
            for draft in chosen where outcomes[draft.id]?.status != "succeeded" {
                throw Terminal.fail("draft \(draft.id.prefix(8)) (\(draft.slug)) has not succeeded (\(outcomes[draft.id]?.status ?? "pending")); only rendered drafts can be approved")
            }
        }
        var approvals: Approvals
        do {
            approvals = try Approvals.load(from: campaign.store)
        } catch {
            throw Terminal.fail("\(campaign.store.approvalsURL.path) is not valid JSON; fix or delete it")
        }
        let before = approvals.approved.count
        if revoke { approvals.revoke(chosen.map(\.id)) } else { approvals.approve(chosen.map(\.id)) }
        do {
            try approvals.save(to: campaign.store)
            try RunManifest.build(version: BunchVersion.current, plan: campaign.plan, journal: records, approvals: approvals)
                .write(to: campaign.store)
        } catch {
            throw Terminal.fail("cannot write \(campaign.store.approvalsURL.path)")
        }
        let changed = abs(approvals.approved.count - before)
        try Terminal.standardOutput("\(revoke ? "revoked" : "approved") \(Count.format(changed, "draft")) "
            + "(\(Count.format(approvals.approved.count, "draft")) approved in all)\n")
        if chosen.isEmpty { throw Terminal.fail("no draft matched", code: 1) }
    }
}
