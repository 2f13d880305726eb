package extension Array {
    /// Runs `body` on consecutive slices, so a bulk insert stays under the databases' limits on bound values.
    func inBatches(of size: Int, _ body: ([Element]) async throws -> Void) async throws {
        for batch in batches(of: size) { try await body(batch) }
    }

    /// The elements cut into consecutive arrays of `size` (the last may be shorter).
    func batches(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
