/// Where a run gets the time and how it waits, injected so backoff and rate limits are tested
/// without sleeping.
public protocol RunClock: Sendable {
    /// Time since an arbitrary origin.
    func now() async -> Duration
    /// Waits; throws when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clock.
public struct SystemClock: RunClock {
    private let origin = ContinuousClock.now

    /// Creates the clock.
    public init() {}

    public func now() async -> Duration { ContinuousClock.now - origin }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

/// A clock whose sleeps return at once and move its time forward, recording every wait: for
/// tests and for simulating a run's schedule.
public actor VirtualClock: RunClock {
    private var current: Duration = .zero
    /// Every wait, in order.
    public private(set) var sleeps: [Duration] = []

    /// Creates the clock at time zero.
    public init() {}

    public func now() async -> Duration { current }

    public func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        sleeps.append(duration)
        current += duration
        await Task.yield()
    }
}
