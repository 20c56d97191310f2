/// A request-rate limit shared by every worker (`--rpm`): sends are spaced at least
/// 60 s / rpm apart, in the order they asked.
public actor RateLimiter {
    private let interval: Duration?
    private let clock: any RunClock
    private var nextSlot: Duration = .zero

    /// Creates a limiter; nil or zero means no limit.
    public init(requestsPerMinute: Int?, clock: any RunClock) {
        if let rpm = requestsPerMinute, rpm > 0 {
            interval = .nanoseconds(60_000_000_000 / Int64(rpm))
        } else {
            interval = nil
        }
        self.clock = clock
    }

    /// Waits for this caller's slot.
    public func acquire() async throws {
        guard let interval else { return }
        let now = await clock.now()
        let slot = max(now, nextSlot)
        nextSlot = slot + interval
        if slot > now { try await clock.sleep(for: slot - now) }
    }
}

/// How many requests may be in flight: up to the configured concurrency, halved on a burst of
/// 429s and grown back by one per window of successes (additive increase, multiplicative
/// decrease), so a run slows itself down under rate limiting and recovers.
public actor ConcurrencyWindow {
    /// The configured ceiling.
    public let maximum: Int
    /// The current limit, between 1 and `maximum`.
    public private(set) var limit: Double
    /// Requests holding a permit.
    public private(set) var inFlight = 0
    /// The most requests in flight at once.
    public private(set) var peakInFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var lastDecrease: Duration = .seconds(-1_000_000)
    private let clock: any RunClock

    /// Creates a window at its maximum.
    public init(maximum: Int, clock: any RunClock) {
        self.maximum = max(1, maximum)
        limit = Double(self.maximum)
        self.clock = clock
    }

    /// Waits for a permit.
    public func acquire() async {
        while inFlight >= Int(limit) {
            await withCheckedContinuation { waiters.append($0) }
        }
        inFlight += 1
        peakInFlight = max(peakInFlight, inFlight)
    }

    /// Returns a permit.
    public func release() {
        inFlight -= 1
        wakeOne()
    }

    /// A request succeeded: grow by 1/limit (one per full window of successes).
    public func recordSuccess() {
        limit = min(Double(maximum), limit + 1 / limit)
        wakeOne()
    }

    /// A request was rate-limited: halve, at most once per second so one burst halves once.
    public func recordRateLimited() async {
        let now = await clock.now()
        guard now - lastDecrease >= .seconds(1) else { return }
        lastDecrease = now
        limit = max(1, limit / 2)
    }

    private func wakeOne() {
        guard inFlight < Int(limit), !waiters.isEmpty else { return }
        waiters.removeFirst().resume()
    }
}
