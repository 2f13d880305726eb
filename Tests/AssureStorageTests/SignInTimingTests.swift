import AssureApp
import AssureCore
import AssureTestSupport
import Foundation
import Testing

@testable import AssureStorage

@Suite("Sign-in gives nothing away")
struct SignInTimingTests {
    @Test(
        "An unknown email is checked against a hash of the cost the stored ones use, not a fixed 12",
        arguments: Backend.all)
    func dummyHashFollowsTheStoredCost(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given users stored at the test's low bcrypt cost
            try await DemoLoader.load(db, cost: testBcryptCost)
            let stored = try #require(try await UserRecord.query(on: db).first()).passwordHash
            let cost = String(format: "%02d", testBcryptCost)
            #expect(stored.hasPrefix("$2b$\(cost)$"))
            // when an unknown email signs in, then it is refused, and the hash it is checked against has that cost
            #expect(try await Users.authenticate(db, email: "nobody@assure.demo", password: "guess") == nil)
            #expect(Users.dummyHash(like: stored).hasPrefix("$2b$\(cost)$"))
            #expect(Users.dummyHash(like: nil).hasPrefix("$2b$12$"))
        }
    }
}
