/// The send rate shared by every worker (AIMD on the rate): never above `--rpm`, and, once the
/// service answers 429, adapted to what it accepts without being told its limit.
///
/// A 429 (acted on at most once a second) cuts the rate: to 95% of the success rate measured
/// over the last 1.5 seconds (3 when answers are sparse) when enough answers came back to
/// measure it, else to half the rate requests were being sent at. Successes then raise it,
/// quickly (50% a second) after an unmeasured cut, gently (4% a second) after a measured one, so
/// the rate settles just under the service's limit with few 429s.
public actor RateLimiter {
    private let ceiling: Duration?
    private let clock: any RunClock
    private var nextSlot: Duration = .zero
    /// The adapted rate in requests a second; nil until the first 429.
    public private(set) var adaptiveRate: Double?
    private var probing = false
    private var sends: [Duration] = []
    private var successes: [Duration] = []
    private var lastCut: Duration = .seconds(-1_000_000)
    private var lastIncrease: Duration = .zero
    private static let span: Duration = .seconds(3)

    /// Creates a limiter; nil or zero `requestsPerMinute` means no fixed ceiling.
    public init(requestsPerMinute: Int?, clock: any RunClock) {
        if let rpm = requestsPerMinute, rpm > 0 {
            ceiling = .nanoseconds(60_000_000_000 / Int64(rpm))
        } else {
            ceiling = nil
        }
        self.clock = clock
    }

    /// Waits for this caller's slot.
    public func acquire() async throws {
        let now = await clock.now()
        let adaptive = adaptiveRate.map { Duration.nanoseconds(Int64(1_000_000_000 / $0)) }
        let interval = [ceiling, adaptive].compactMap { $0 }.max()
        let slot = interval == nil ? now : max(now, nextSlot)
        if let interval { nextSlot = slot + interval }
        Self.remember(slot, in: &sends, now: now)
        if slot > now { try await clock.sleep(until: slot) }
    }

    /// A request succeeded.
    public func recordSuccess() async {
        let now = await clock.now()
        Self.remember(now, in: &successes, now: now)
        guard let rate = adaptiveRate else { return }
        let elapsed = min((now - lastIncrease).inSeconds, 1)
        adaptiveRate = rate * (1 + (probing ? 0.5 : 0.04) * elapsed)
        lastIncrease = now
    }

    /// The service answered 429.
    public func recordRateLimited() async {
        let now = await clock.now()
        guard now - lastCut >= .seconds(1) else { return }
        lastCut = now
        lastIncrease = now
        let window = Self.span
        let short = successes.filter { now - $0 <= .milliseconds(1500) }
        let recentSuccesses = short.count >= 8 ? short : successes.filter { now - $0 <= window }
        if recentSuccesses.count >= 8, let first = recentSuccesses.first, now - first >= .milliseconds(500) {
            let measured = Double(recentSuccesses.count) / (now - first).inSeconds
            adaptiveRate = max(0.2, 0.95 * min(adaptiveRate ?? .infinity, measured))
            probing = false
        } else {
            let recentSends = sends.filter { now - $0 <= window }
            let sendRate = Double(recentSends.count) / max((now - (recentSends.first ?? now)).inSeconds, 1)
            adaptiveRate = max(0.2, 0.5 * min(adaptiveRate ?? .infinity, sendRate))
            probing = true
        }
        if let rate = adaptiveRate { nextSlot = max(nextSlot, now + .nanoseconds(Int64(1_000_000_000 / rate))) }
    }

    private static func remember(_ time: Duration, in times: inout [Duration], now: Duration) {
        times.append(time)
        if times.count > 8192 || (times.first.map { now - $0 > span * 2 } ?? false) {
            times.removeAll { now - $0 > span }
        }
    }
}

/// The most requests in flight at once (`--concurrency`): a ceiling the user sets. How fast to
/// send is the rate limiter's job.
public actor ConcurrencyWindow {
    /// The ceiling.
    public let maximum: Int
    /// Requests holding a permit.
    public private(set) var inFlight = 0
    /// The most requests in flight at once.
    public private(set) var peakInFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a window.
    public init(maximum: Int) {
        self.maximum = max(1, maximum)
    }

    /// Waits for a permit.
    public func acquire() async {
        if inFlight >= maximum {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            inFlight += 1
        }
        peakInFlight = max(peakInFlight, inFlight)
    }

    /// Returns a permit, handing it straight to a waiter if there is one.
    public func release() {
        if waiters.isEmpty {
            inFlight -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
