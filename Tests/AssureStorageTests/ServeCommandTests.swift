import AssureTestSupport
import Foundation
import Testing

@Suite("Serving from the command line")
struct ServeCommandTests {
    @Test("assure serve names every bad setting in one message, sign-in settings among them, and does not start")
    func badSettings() async throws {
        try await withDatabaseTarget(.sqlite) { target in
            // given a sign-in settings file with two mistakes, and a bad port beside it
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("sign-in-\(UUID()).json")
            try #"{"providers": [{"name": "nhsmail", "issuer": "http://login.example.com", "clientSecret": "s"}]}"#
                .write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            // when the server is started with them
            let refused = try await Child.capture(["serve", "--port", "0", "--sign-in", file.path], target)
            // then it stops before starting, naming each
            #expect(refused.status != 0)
            #expect(refused.errors.contains("--port 0: use a port from 1 to 65535"))
            #expect(refused.errors.contains("providers[0]: clientID is missing"))
            #expect(refused.errors.contains("issuer http://login.example.com must be an https address"))
            // and a file that is not there is named too
            let missing = try await Child.capture(["serve", "--sign-in", "/nowhere/sign-in.json"], target)
            #expect(missing.status != 0)
            #expect(missing.errors.contains("--sign-in /nowhere/sign-in.json: the file cannot be read"))
        }
    }
}
