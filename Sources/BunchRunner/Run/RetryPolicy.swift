/// How retries wait: exponential backoff with full jitter (base 1 s, cap 60 s, 5 attempts by
/// default, as the official SDK), or the server's own `RetryInfo`/`Retry-After` when it gave one.
public struct RetryPolicy: Sendable {
    /// The first backoff's ceiling.
    public var base: Duration = .seconds(1)
    /// No wait is longer than this.
    public var cap: Duration = .seconds(60)
    /// Attempts in all, the first included.
    public var maximumAttempts: Int = 5

    /// Creates the default policy.
    public init() {}

    /// Creates a policy.
    public init(base: Duration, cap: Duration, maximumAttempts: Int) {
        self.base = base
        self.cap = cap
        self.maximumAttempts = maximumAttempts
    }

    /// The wait before attempt `attempt + 1` after `attempt` failed (1-based): the server's hint
    /// when given (capped), else uniform in [0, min(cap, base × 2^(attempt−1))].
    public func delay(afterAttempt attempt: Int, hint: Duration?, random: inout some RandomNumberGenerator) -> Duration {
        if let hint { return min(hint, cap) }
        let exponent = min(attempt - 1, 30)
        let ceiling = min(cap, base * (1 << exponent))
        let milliseconds = ceiling.inMilliseconds
        guard milliseconds > 0 else { return .zero }
        return .milliseconds(Int64.random(in: 0...milliseconds, using: &random))
    }
}
