import Foundation

extension Array {
    /// `map` with the elements shared out over every core, in order; `transform` must read only what it is given and
    /// what no one changes meanwhile. For work of thousands of elements (building a report's programmes), as the cost
    /// of handing out the work outweighs it below that.
    func concurrentMap<T>(inParallel: Bool = true, _ transform: (Element) -> T) -> [T] {
        guard inParallel, count > 1 else { return map(transform) }
        let chunks = Swift.min(count, 4 * ProcessInfo.processInfo.activeProcessorCount)
        var parts = [[T]](repeating: [], count: chunks)
        let count = count
        withoutActuallyEscaping(transform) { transform in
            parts.withUnsafeMutableBufferPointer { results in
                // Shared read-only (the elements, the transform) or written at disjoint indexes (the results).
                let shared = UnsafeSendable((elements: self, transform: transform, results: results))
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
                    shared.value.results[chunk] = shared.value.elements[range].map(shared.value.transform)
                }
            }
        }
        return parts.flatMap { $0 }
    }
}

/// What `concurrentMap` hands to several threads at once.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
