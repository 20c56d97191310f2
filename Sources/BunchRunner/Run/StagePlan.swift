import BunchKit

/// The requests of a stage after gating: for finals, only those whose draft is approved (unless
/// `gate: all`), each paired with its draft.
public struct StagePlan: Sendable {
    /// The requests to render, in plan order.
    public var requests: [PlannedRequest]
    /// For finals: each request's draft, by final id.
    public var drafts: [String: PlannedRequest]
    /// Finals left out because their draft is not approved.
    public var unapproved: Int

    /// Gates a stage of a plan.
    public static func make(_ plan: CampaignPlan, stage: Stage, approvals: Approvals) throws(PlanError) -> StagePlan {
        let requests = try plan.allRequests(stage: stage)
        guard stage == .final else { return StagePlan(requests: requests, drafts: [:], unapproved: 0) }
        let gate = plan.campaign.stage(.final)?.spec.gate ?? .approved
        guard plan.campaign.stage(.draft) != nil else { return StagePlan(requests: requests, drafts: [:], unapproved: 0) }
        let drafts = try plan.allRequests(stage: .draft)
        var kept: [PlannedRequest] = []
        var pairs: [String: PlannedRequest] = [:]
        for (final, draft) in zip(requests, drafts) where gate == .all || approvals.contains(draft.id) {
            kept.append(final)
            pairs[final.id] = draft
        }
        return StagePlan(requests: kept, drafts: pairs, unapproved: requests.count - kept.count)
    }

    /// What the manifest lists as planned: every draft, and the finals gating lets through.
    public static func manifestRequests(_ plan: CampaignPlan, approvals: Approvals) -> [PlannedRequest] {
        var all: [PlannedRequest] = []
        for stage in plan.campaign.stages.map(\.stage) {
            if let gated = try? make(plan, stage: stage, approvals: approvals) { all += gated.requests }
        }
        return all
    }
}
