import BunchKit

/// One line of `journal.jsonl`, the append-only record a run's state is rebuilt from.
public struct JournalRecord: Codable, Sendable {
    /// What happened.
    public enum Event: String, Codable, Sendable {
        /// A run began.
        case runStarted = "run_started"
        /// A request was about to be sent (so a crash leaves a trace of what was in flight).
        case sent
        /// A request reached a final outcome for this run, its images already on disk.
        case finished
        /// A run ended, and why.
        case runEnded = "run_ended"
    }

    /// The event.
    public var event: Event
    /// When, ISO 8601 UTC.
    public var time: String
    /// The run it belongs to.
    public var run: String
    /// The stage.
    public var stage: Stage?
    /// The request, for `sent`.
    public var id: String?
    /// The attempt number, for `sent`.
    public var attempt: Int?
    /// The generator and host, for `run_started` (never a key).
    public var generator: String?
    /// The host requests went to.
    public var host: String?
    /// The outcome, for `finished`.
    public var result: RequestRecord?
    /// Why the run ended, for `run_ended`.
    public var reason: String?

    /// Creates a record.
    public init(event: Event, time: String, run: String, stage: Stage? = nil, id: String? = nil, attempt: Int? = nil,
                generator: String? = nil, host: String? = nil, result: RequestRecord? = nil, reason: String? = nil) {
        self.event = event
        self.time = time
        self.run = run
        self.stage = stage
        self.id = id
        self.attempt = attempt
        self.generator = generator
        self.host = host
        self.result = result
        self.reason = reason
    }
}

/// A request's final outcome in one run: what was asked, what came back, what it cost.
public struct RequestRecord: Codable, Sendable, Hashable {
    /// What was asked.
    public var request: PlannedRequest
    /// succeeded, refused, blocked or failed.
    public var status: String
    /// Why, when not succeeded.
    public var reason: String?
    /// Attempts made in this run.
    public var attempts: Int
    /// Text parts returned.
    public var texts: [String]
    /// The images written.
    public var files: [FileRecord]
    /// Token usage reported.
    public var usage: TokenUsage?
    /// US dollars, from the usage and the catalog.
    public var costUSD: Double
    /// Milliseconds from first send to final answer.
    public var latencyMS: Int
    /// When the first attempt was sent.
    public var started: String
    /// When the final answer arrived.
    public var finished: String
    /// The generator that answered.
    public var generator: String

    enum CodingKeys: String, CodingKey {
        case request, status, reason, attempts, texts, files, usage, started, finished, generator
        case costUSD = "cost_usd"
        case latencyMS = "latency_ms"
    }

    /// Creates a record.
    public init(request: PlannedRequest, status: String, reason: String?, attempts: Int, texts: [String],
                files: [FileRecord], usage: TokenUsage?, costUSD: Double, latencyMS: Int, started: String,
                finished: String, generator: String) {
        self.request = request
        self.status = status
        self.reason = reason
        self.attempts = attempts
        self.texts = texts
        self.files = files
        self.usage = usage
        self.costUSD = costUSD
        self.latencyMS = latencyMS
        self.started = started
        self.finished = finished
        self.generator = generator
    }

    /// Whether a re-run leaves it alone (succeeded, refused and blocked are final).
    public var isDone: Bool { status != "failed" }
}

/// One image file on disk.
public struct FileRecord: Codable, Sendable, Hashable {
    /// Path relative to the campaign's output folder.
    public var path: String
    /// SHA-256 of the bytes.
    public var sha256: String
    /// Size in bytes.
    public var bytes: Int
    /// MIME type, sniffed from the bytes.
    public var mime: String
    /// Pixel width.
    public var width: Int
    /// Pixel height.
    public var height: Int
}
