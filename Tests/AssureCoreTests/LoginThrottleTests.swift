import AssureCore
import Foundation
import Testing

@Suite("Sign-in throttling")
struct LoginThrottleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(
        "The fifth failure for an account from one address within fifteen minutes makes it wait until fifteen minutes after the first"
    )
    func perAccount() {
        let throttle = LoginThrottle.standard
        let four = (1...4).map { now.addingTimeInterval(Double(-$0 * 60)) }
        #expect(throttle.retryAfter(.init(accountHere: four, address: four, account: four), now: now) == nil)
        let five = four + [now.addingTimeInterval(-30)]
        let blocked = throttle.retryAfter(.init(accountHere: five, address: five, account: five), now: now)
        #expect(blocked?.reason == .account)
        // the oldest of the five was 4 minutes ago: 11 minutes to wait
        #expect(blocked?.until == now.addingTimeInterval(-4 * 60 + 15 * 60))
        // failures older than the window do not count
        #expect(throttle.retryAfter(.init(accountHere: five.map { $0.addingTimeInterval(-20 * 60) }), now: now) == nil)
    }

    @Test(
        "One address trying many accounts is stopped at twenty failures; one account tried from many addresses at fifty"
    )
    func perAddressAndEverywhere() {
        let times = (1...50).map { now.addingTimeInterval(Double(-$0 * 10)) }
        #expect(LoginThrottle.standard.retryAfter(.init(address: Array(times.prefix(19))), now: now) == nil)
        #expect(
            LoginThrottle.standard.retryAfter(.init(address: Array(times.prefix(20))), now: now)?.reason == .address)
        #expect(LoginThrottle.standard.retryAfter(.init(account: Array(times.prefix(49))), now: now) == nil)
        #expect(LoginThrottle.standard.retryAfter(.init(account: times), now: now)?.reason == .accountEverywhere)
    }

    @Test("A proxy's X-Forwarded-For is believed only from a trusted proxy, read from the right")
    func clientAddress() throws {
        let proxies = [try #require(NetworkRange("10.0.0.0/8")), try #require(NetworkRange("::1"))]
        // a request straight from a client: its own address, whatever header it sends
        #expect(
            ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["1.2.3.4"], trusted: proxies) == "203.0.113.9")
        // through the trusted balancer: the client it names
        #expect(
            ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: ["198.51.100.7"], trusted: proxies) == "198.51.100.7")
        // a client that forges the header in front of the balancer: the balancer appends the real one, which is used
        #expect(
            ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: ["6.6.6.6, 198.51.100.7"], trusted: proxies)
                == "198.51.100.7")
        // two trusted hops
        #expect(
            ClientAddress.resolve(peer: "::1", forwardedFor: ["198.51.100.7, 10.9.9.9"], trusted: proxies)
                == "198.51.100.7")
        // rubbish in the header: the proxy's own address
        #expect(ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: ["<script>"], trusted: proxies) == "10.1.2.3")
        // ranges
        #expect(try #require(NetworkRange("fd00::/8")).contains("fd12:3456::1"))
        #expect(!(try #require(NetworkRange("fd00::/8")).contains("fe80::1")))
        #expect(try #require(NetworkRange("192.168.1.0/24")).contains("::ffff:192.168.1.20"))
        #expect(
            NetworkRange("10.0.0.0/33") == nil && NetworkRange("proxy.local") == nil && NetworkRange("1::2::3") == nil)
    }
}
