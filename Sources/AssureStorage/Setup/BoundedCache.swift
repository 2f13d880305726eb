import NIOConcurrencyHelpers

/// A small thread-safe cache holding values up to a total cost, dropping the least recently used first. For values that
/// never change once made (published snapshots and the pages drawn from them), so nothing here ever goes stale.
public final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct State {
        var entries: [Key: (value: Value, cost: Int, used: UInt64)] = [:]
        var total = 0
        var clock: UInt64 = 0
    }

    private let capacity: Int
    private let state = NIOLockedValueBox(State())

    /// `capacity` is in the same unit as the costs given to `insert` (bytes, rows).
    public init(capacity: Int) {
        self.capacity = capacity
    }

    public func value(for key: Key) -> Value? {
        state.withLockedValue { state in
            guard let entry = state.entries[key] else { return nil }
            state.clock += 1
            state.entries[key] = (entry.value, entry.cost, state.clock)
            return entry.value
        }
    }

    public func insert(_ value: Value, for key: Key, cost: Int) {
        guard cost <= capacity else { return }
        state.withLockedValue { state in
            if let old = state.entries.removeValue(forKey: key) { state.total -= old.cost }
            while state.total + cost > capacity, let oldest = state.entries.min(by: { $0.value.used < $1.value.used }) {
                state.entries.removeValue(forKey: oldest.key)
                state.total -= oldest.value.cost
            }
            state.clock += 1
            state.entries[key] = (value, cost, state.clock)
            state.total += cost
        }
    }

    public var count: Int { state.withLockedValue { $0.entries.count } }

    /// The total cost held now, in the unit of `capacity`: what the metrics report.
    public var cost: Int { state.withLockedValue { $0.total } }

    public func removeAll() {
        state.withLockedValue { $0 = State() }
    }
}
