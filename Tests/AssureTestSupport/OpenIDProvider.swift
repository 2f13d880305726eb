import Foundation
import NIOCore
import Vapor

/// A real OpenID Connect provider on loopback (`scripts/test-openid-provider.py`, built on authlib's authorisation
/// server, from PyPI), started by a test and stopped after it: discovery, JWKS, its own sign-in page, the code grant
/// with PKCE, and RP-initiated sign-out. Tests that need it are skipped when authlib or Flask is missing, unless
/// ASSURE_REQUIRE_OPENID=1 (as .ci/run sets) makes that a failure.
public final class TestOpenIDProvider: @unchecked Sendable {
    public let port: Int
    public var issuer: String { "http://127.0.0.1:\(port)" }
    private var process: Process?
    private let arguments: [String]

    public struct Person: Sendable {
        public let email: String
        public let password: String
        public let name: String
        public let groups: [String]
        public let verified: Bool

        public init(_ email: String, _ password: String, _ name: String, groups: [String] = [], verified: Bool = true) {
            (self.email, self.password, self.name, self.groups, self.verified) = (
                email, password, name, groups, verified
            )
        }
    }

    public static var isAvailable: Bool {
        (try? Subprocess.runBlocking(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import authlib, flask, joserfc"]))?.status == 0
    }

    public static var isRequired: Bool { ProcessInfo.processInfo.environment["ASSURE_REQUIRE_OPENID"] == "1" }

    /// - Parameters:
    ///   - client: the client Assure is registered as: id, secret, and the addresses the provider may send the browser
    ///     back to (after sign-in, and after sign-out).
    public init(clientID: String, secret: String, redirectURI: String, signedOutURI: String, people: [Person]) throws {
        port = try Loopback.freePort()
        arguments =
            [String(port), "--client", "\(clientID):\(secret):\(redirectURI),\(signedOutURI)"]
            + people.flatMap { person in
                [
                    "--user",
                    [
                        person.email, person.password, person.name, person.groups.joined(separator: ","),
                        person.verified ? "" : "unverified",
                    ].joined(separator: ":"),
                ]
            }
    }

    public func start() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Loopback.script("test-openid-provider.py")] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        // Ready once its discovery document answers.
        for _ in 0..<100 {
            if (try? await get("/.well-known/openid-configuration")) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        await stop()
        throw TestDatabaseError(
            description: "the test OpenID provider did not start (pip install authlib flask)")
    }

    public func stop() {
        process?.terminate()
        process?.waitUntilExit()
        process = nil
    }

    /// Stops it without holding one of Swift's concurrency threads while it exits.
    public func stop() async {
        guard let process else { return }
        process.terminate()
        await Subprocess.wait(process)
        self.process = nil
    }

    deinit { stop() }

    /// A new signing key; the old one leaves the published keys.
    public func rotateKeys() async throws { _ = try await post("/control/rotate") }

    /// The next ID token is spoilt: wrong-audience, expired, wrong-nonce, bad-signature, replay, wrong-issuer.
    public func spoilNextToken(_ mode: String) async throws { _ = try await post("/control/next?mode=\(mode)") }

    /// How many times someone signed out at the provider.
    public func signOuts() async throws -> Int {
        let data = try await get("/control/signed-out")
        return (try JSONSerialization.jsonObject(with: data) as? [String: Int])?["count"] ?? -1
    }

    private func get(_ path: String) async throws -> Data { try await send(.GET, path) }

    private func post(_ path: String) async throws -> Data { try await send(.POST, path) }

    /// Through AsyncHTTPClient (Foundation's URLSession has hung in tests on Linux).
    private func send(_ method: HTTPMethod, _ path: String) async throws -> Data {
        let request = try HTTPClient.Request(url: issuer + path, method: method)
        let response: HTTPClient.Response = try await HTTPClient.shared.execute(
            request: request, deadline: NIODeadline.now() + TimeAmount.seconds(10)
        ).get()
        guard response.status == HTTPResponseStatus.ok else {
            throw TestDatabaseError(description: "the test OpenID provider answered \(path) with \(response.status)")
        }
        return response.body.map { Data($0.readableBytesView) } ?? Data()
    }
}
