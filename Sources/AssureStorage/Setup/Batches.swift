package extension Array {
    /// Runs `body` on consecutive slices, so a bulk insert stays under the databases' limits on bound values.
    func inBatches(of size: Int, _ body: ([Element]) async throws -> Void) async throws {
        var start = 0
        while start < count {
            let end = Swift.min(start + size, count)
            try await body(Array(self[start..<end]))
            start = end
        }
    }
}
