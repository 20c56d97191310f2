import Synchronization

/// Ctrl-C, as a level any task can read: 1 stops launching (in-flight requests finish, they are
/// paid for), 2 abandons what is in flight. Raised from a signal handler, so it is a lock-free
/// atomic.
public final class StopSignal: Sendable {
    private let level = Atomic<Int>(0)

    /// Creates a signal at level 0.
    public init() {}

    /// The current level.
    public var current: Int { level.load(ordering: .acquiring) }

    /// Raises the level by one (a Ctrl-C) and returns the new level.
    @discardableResult
    public func raise() -> Int {
        level.add(1, ordering: .acquiringAndReleasing).newValue
    }
}
