import BunchKit

/// The running totals of one run, shared by its workers: outcomes, spend, the budget
/// reservations of requests in flight, and why launching stopped.
actor RunLedger {
    private(set) var summary: RunSummary
    private let cap: Double?
    private var reserved = 0.0
    private(set) var stopLaunching: RunEnd?

    init(pending: Int, campaignSpent: Double, cap: Double?, estimate: Double) {
        summary = RunSummary(end: .completed, pending: pending, campaignSpentUSD: campaignSpent)
        summary.estimateUSD = estimate
        self.cap = cap
    }

    /// Reserves a request's estimate if spend, reservations and it stay within the cap.
    func reserve(_ estimate: Double) -> Bool {
        guard stopLaunching == nil else { return false }
        if let cap, summary.campaignSpentUSD + reserved + estimate > cap + 1e-9 {
            stop(.budget, reason: "spending reached max_usd \(USD.format(cap)): \(USD.format(summary.campaignSpentUSD)) spent")
            return false
        }
        reserved += estimate
        return true
    }

    func sent(retry: Bool) {
        summary.sends += 1
        if retry { summary.retries += 1 }
    }

    /// Records an outcome and replaces the reservation with the real cost.
    func finished(_ record: RequestRecord, estimate: Double) {
        reserved -= estimate
        summary.spentUSD += record.costUSD
        summary.campaignSpentUSD += record.costUSD
        switch record.status {
        case "succeeded": summary.succeeded += 1
        case "refused": summary.refused += 1
        case "blocked": summary.blocked += 1
        default: summary.failed += 1
        }
        if let cap, summary.campaignSpentUSD >= cap - 1e-9 {
            stop(.budget, reason: "spending reached max_usd \(USD.format(cap)): \(USD.format(summary.campaignSpentUSD)) spent")
        }
    }

    /// A request in flight was abandoned: its reservation is released.
    func abandoned(estimate: Double) {
        reserved -= estimate
    }

    /// Stops launching, keeping the first reason.
    func stop(_ end: RunEnd, reason: String?) {
        guard stopLaunching == nil else { return }
        stopLaunching = end
        summary.stopReason = reason
    }

    func finish(end: RunEnd, peakInFlight: Int, unapproved: Int) -> RunSummary {
        summary.end = end
        summary.peakInFlight = peakInFlight
        summary.unapproved = unapproved
        return summary
    }
}
