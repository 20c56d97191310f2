/// Where a run gets the time and how it waits, injected so backoff and rate limits are tested
/// without sleeping.
public protocol RunClock: Sendable {
    /// Time since an arbitrary origin.
    func now() async -> Duration
    /// Waits until a time on this clock; throws when the task is cancelled.
    func sleep(until deadline: Duration) async throws
}

extension RunClock {
    /// Waits for a duration.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: await now() + duration)
    }
}

/// The real clock.
public struct SystemClock: RunClock {
    private let origin = ContinuousClock.now

    /// Creates the clock.
    public init() {}

    public func now() async -> Duration { ContinuousClock.now - origin }

    public func sleep(until deadline: Duration) async throws {
        try await Task.sleep(until: origin + deadline, clock: .continuous)
    }
}

/// A clock whose sleeps return at once, moving its time forward to the sleeper's deadline (never
/// back: concurrent sleepers do not add up), and recording every wait: for tests and for
/// simulating a run's schedule.
public actor VirtualClock: RunClock {
    private var current: Duration = .zero
    /// Every wait, as the time from its start to its deadline, in order.
    public private(set) var sleeps: [Duration] = []

    /// Creates the clock at time zero.
    public init() {}

    public func now() async -> Duration { current }

    public func sleep(until deadline: Duration) async throws {
        try Task.checkCancellation()
        sleeps.append(deadline - current)
        current = max(current, deadline)
        await Task.yield()
    }
}
