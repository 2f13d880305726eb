import Vapor

extension Request {
    private struct TargetKey: StorageKey {
        typealias Value = String
    }

    /// The path and query the request asked for, worked out once. Vapor's `url.string` and `url.path` each rebuild
    /// their text from the parsed URL (with a search and replace), and the health checks and the kept answers both
    /// read it on every request.
    var target: String {
        if let target = storage[TargetKey.self] { return target }
        let target = url.string
        storage[TargetKey.self] = target
        return target
    }

    /// The path of `target`, without its query or fragment. (A target in absolute form, as only a proxy sends it, is
    /// left to Vapor to take apart.)
    var targetPath: Substring {
        let target = target
        guard target.hasPrefix("/") else { return Substring(url.path) }
        return target[..<(target.firstIndex { $0 == "?" || $0 == "#" } ?? target.endIndex)]
    }
}
