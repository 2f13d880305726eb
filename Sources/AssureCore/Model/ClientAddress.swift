import Foundation

/// An IPv4 or IPv6 network written as CIDR ("10.0.0.0/8", "::1/128", or one address), for naming trusted proxies.
public struct NetworkRange: Sendable, Equatable, CustomStringConvertible {
    let bytes: [UInt8]
    let prefix: Int
    public let description: String

    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let bytes = Self.parse(String(parts[0])) else { return nil }
        let bits = bytes.count * 8
        let prefix = parts.count == 2 ? Int(parts[1]) : bits
        guard let prefix, (0...bits).contains(prefix) else { return nil }
        self.bytes = bytes
        self.prefix = prefix
        self.description = text
    }

    public func contains(_ address: String) -> Bool {
        guard let other = Self.parse(address), other.count == bytes.count else { return false }
        var remaining = prefix
        for (mine, theirs) in zip(bytes, other) where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if mine & mask != theirs & mask { return false }
            remaining -= 8
        }
        return true
    }

    /// The address's bytes: 4 for IPv4, 16 for IPv6 (an IPv4-mapped IPv6 address is read as IPv4).
    static func parse(_ text: String) -> [UInt8]? {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.lowercased().hasPrefix("::ffff:"), text.contains(".") { text = String(text.dropFirst(7)) }
        if text.contains(".") && !text.contains(":") {
            let octets = text.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
            guard octets.count == 4, octets.allSatisfy({ $0 != nil }) else { return nil }
            return octets.map { $0! }
        }
        guard text.contains(":") else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            let parsed = part.split(separator: ":", omittingEmptySubsequences: false).map {
                $0.count <= 4 ? UInt16($0, radix: 16) : nil
            }
            return parsed.contains(nil) ? nil : parsed.map { $0! }
        }
        guard let head = groups(halves[0]), let tail = halves.count == 2 ? groups(halves[1]) : [] else { return nil }
        let missing = 8 - head.count - tail.count
        guard halves.count == 2 ? missing >= 1 : missing == 0 else { return nil }
        let all = head + Array(repeating: 0, count: halves.count == 2 ? missing : 0) + tail
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}

/// The address a request came from. A proxy's own address is replaced by the client it reports in
/// X-Forwarded-For only when the proxy is one of the trusted ranges; the header is read from the right, skipping
/// trusted proxies, so a client cannot name an address of its choosing by sending the header itself.
public enum ClientAddress {
    public static func resolve(peer: String?, forwardedFor: [String], trusted: [NetworkRange]) -> String {
        guard let peer else { return "unknown" }
        guard trusted.contains(where: { $0.contains(peer) }) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            guard NetworkRange.parse(hop) != nil else { return peer }
            if !trusted.contains(where: { $0.contains(hop) }) { return hop }
        }
        return hops.first.flatMap { NetworkRange.parse($0) != nil ? $0 : nil } ?? peer
    }
}
