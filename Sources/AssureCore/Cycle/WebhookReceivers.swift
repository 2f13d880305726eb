import Foundation

/// Where webhooks may be sent. By default to any receiver but those inside Assure's own network: an address whose host
/// is `localhost`, or a loopback, private, link-local or unique-local address written as such, is refused, so that a
/// PMO account cannot make the server post to services reachable only from inside. A deployment that means to send to
/// such a receiver, or to allow only some, names them (`assure serve --webhook-to`): then those and only those.
///
/// The check reads the address as written. A name that resolves to an inside address is not caught here: a deployment
/// that fears that lists its receivers.
public struct WebhookReceivers: Sendable, Equatable {
    /// Host names (`hooks.example.org`), their subdomains (`*.logic.azure.com`), addresses or CIDR ranges.
    public let allowed: [String]

    public init(allowed: [String] = []) { self.allowed = allowed.map { $0.lowercased() } }

    /// Why a written pattern will not do, or nil.
    public static func problem(withPattern pattern: String) -> String? {
        let pattern = pattern.trimmingCharacters(in: .whitespaces)
        if NetworkRange(pattern) != nil { return nil }
        let name = pattern.hasPrefix("*.") ? String(pattern.dropFirst(2)) : pattern
        let valid =
            !name.isEmpty && name.count <= 253
            && name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
                !label.isEmpty && label.count <= 63
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
        return valid
            ? nil : "give a host name (hooks.example.org), its subdomains (*.example.org), or an address or CIDR range"
    }

    /// The ranges inside a network: this machine, private networks, link-local and unique-local addresses.
    static let inside = [
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16",
        "::/128", "::1/128", "fc00::/7", "fe80::/10",
    ].compactMap(NetworkRange.init)

    /// Why a webhook may not go to this host (as a URL gives it), or nil.
    public func problem(withHost host: String) -> String? {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if !allowed.isEmpty {
            let listed = allowed.contains { pattern in
                if let range = NetworkRange(pattern) { return range.contains(host) }
                if pattern.hasPrefix("*.") { return host.hasSuffix(pattern.dropFirst(1)) }
                return host == pattern
            }
            return listed
                ? nil
                : "This deployment sends webhooks only to " + allowed.joined(separator: ", ")
                    + " (assure serve --webhook-to)."
        }
        let insideMessage =
            "That address is inside Assure's own network. A deployment that means to send there names it with "
            + "assure serve --webhook-to."
        if host == "localhost" || host.hasSuffix(".localhost") { return insideMessage }
        // 2130706433, 0x7f.1, 0177.0.0.1: numbers a resolver reads as an address (octal and hex included), written so
        // as to hide which. Only the plain form is taken.
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.allSatisfy({
            $0.allSatisfy(\.isNumber) || ($0.hasPrefix("0x") && $0.dropFirst(2).allSatisfy(\.isHexDigit))
        }) {
            let plain = labels.count == 4 && labels.allSatisfy { ($0 == "0" || !$0.hasPrefix("0")) && UInt8($0) != nil }
            guard plain else { return "Write an address as four numbers (203.0.113.7), or give the receiver's name." }
        }
        if NetworkRange.parse(host) != nil { return Self.inside.contains { $0.contains(host) } ? insideMessage : nil }
        return nil
    }
}
