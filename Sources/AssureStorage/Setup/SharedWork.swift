/// Work that several requests may ask for at once, done once: a request that asks while it is under way waits for the
/// same answer instead of doing it again (working out a board summary's counts at 100,000 projects takes seconds).
public actor SharedWork<Key: Hashable & Sendable, Value: Sendable> {
    private var running: [Key: Task<Value, any Error>] = [:]

    public init() {}

    public func value(for key: Key, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let task = running[key] { return try await task.value }
        let task = Task { try await work() }
        running[key] = task
        defer { running[key] = nil }
        return try await task.value
    }
}
