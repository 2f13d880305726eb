import AssureCore
import Foundation
import Testing

@Suite("Sign-in throttling")
struct LoginThrottleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("The fifth failure within fifteen minutes makes the account wait until fifteen minutes after it")
    func perAccount() {
        let throttle = LoginThrottle.standard
        let four = (1...4).map { now.addingTimeInterval(Double(-$0 * 60)) }
        #expect(throttle.retryAfter(accountFailures: four, addressFailures: four, now: now) == nil)
        let five = four + [now.addingTimeInterval(-30)]
        let blocked = throttle.retryAfter(accountFailures: five, addressFailures: five, now: now)
        #expect(blocked?.reason == .account)
        // the oldest of the five was 4 minutes ago: 11 minutes to wait
        #expect(blocked?.until == now.addingTimeInterval(-4 * 60 + 15 * 60))
        // failures older than the window do not count
        #expect(throttle.retryAfter(accountFailures: five.map { $0.addingTimeInterval(-20 * 60) }, addressFailures: [], now: now) == nil)
    }

    @Test("One address trying many accounts is stopped at twenty failures")
    func perAddress() {
        let twenty = (1...20).map { now.addingTimeInterval(Double(-$0 * 10)) }
        #expect(LoginThrottle.standard.retryAfter(accountFailures: [], addressFailures: Array(twenty.prefix(19)), now: now) == nil)
        #expect(LoginThrottle.standard.retryAfter(accountFailures: [], addressFailures: twenty, now: now)?.reason == .address)
    }
}
