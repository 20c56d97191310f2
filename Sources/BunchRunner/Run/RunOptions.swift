import BunchKit

/// How a run behaves: the flags of `bunch run`.
public struct RunOptions: Sendable {
    /// The stage rendered.
    public var stage: Stage = .draft
    /// The most requests in flight (`--concurrency`).
    public var concurrency = 4
    /// The most requests sent a minute, across all workers (`--rpm`).
    public var requestsPerMinute: Int?
    /// The spending cap for the whole campaign (`--max-usd`, else `budget.max_usd`).
    public var maximumUSD: Double?
    /// Re-send requests whose last outcome was `failed` (`--retry-failed`).
    public var retryFailed = false
    /// Re-send these final outcomes on purpose (`--retry refused,blocked`).
    public var retryOutcomes: Set<String> = []
    /// Backoff and attempts.
    public var retry = RetryPolicy()
    /// Work out what would be sent and what it would cost, and send nothing (`--dry-run`).
    public var dryRun = false
    /// How often the manifest is rewritten during a run (and always at the end).
    public var manifestInterval: Duration = .seconds(2)

    /// The defaults.
    public init() {}
}

/// How a run ended.
public enum RunEnd: String, Sendable, Codable {
    /// Every pending request reached an outcome.
    case completed
    /// Interrupted: launching stopped and in-flight requests finished (first Ctrl-C).
    case interrupted
    /// Interrupted twice: in-flight requests were abandoned and stay pending.
    case abandoned
    /// Nothing was sent: `--dry-run`.
    case dryRun = "dry_run"
    /// Spending reached the cap.
    case budget
    /// The service said there is no quota at all.
    case quota
}

/// What a run did.
public struct RunSummary: Sendable {
    /// How it ended.
    public var end: RunEnd
    /// Requests this run had to do.
    public var pending: Int
    /// Outcomes this run recorded.
    public var succeeded = 0, refused = 0, blocked = 0, failed = 0
    /// Sends, retries included.
    public var sends = 0
    /// Retries after retryable failures.
    public var retries = 0
    /// Dollars this run spent.
    public var spentUSD = 0.0
    /// Dollars the campaign has spent in all, this run included.
    public var campaignSpentUSD = 0.0
    /// Finals left out because their draft is not approved.
    public var unapproved = 0
    /// The explanation when the run stopped early.
    public var stopReason: String?
    /// The most requests in flight at once.
    public var peakInFlight = 0
    /// The estimated cost of the pending requests when the run began.
    public var estimateUSD = 0.0

    /// Requests still pending after the run.
    public var stillPending: Int { pending - succeeded - refused - blocked - failed }
}

/// Why a run cannot start.
public enum RunError: Error, Sendable, CustomStringConvertible {
    /// The estimate for what is left exceeds the cap; nothing was sent.
    case overBudget(estimateUSD: Double, spentUSD: Double, capUSD: Double, requests: Int)
    /// Finals are gated on approvals and none are approved.
    case nothingApproved
    /// A reference image could not be loaded.
    case reference(String)
    /// The output folder cannot be written.
    case output(String)
    /// The plan could not be rendered.
    case plan(PlanError)

    public var description: String {
        switch self {
        case .overBudget(let estimate, let spent, let cap, let requests):
            "the \(Count.format(requests, "pending request")) would cost about \(USD.format(estimate))"
                + (spent > 0 ? " on top of \(USD.format(spent)) already spent" : "")
                + ", more than max_usd \(USD.format(cap)); nothing was sent (raise --max-usd or budget.max_usd, or narrow the campaign)"
        case .nothingApproved:
            "no draft is approved, so no final can be rendered: approve drafts with `bunch approve`, or set `gate: all`"
        case .reference(let message): message
        case .output(let message): message
        case .plan(let error): error.description
        }
    }
}
