import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Foundation
import Testing

@testable import AssureMail

/// Against a real SMTP server (aiosmtpd) on loopback.
@Suite(
    .enabled(
        if: TestMailServer.isAvailable || TestMailServer.isRequired, "aiosmtpd is not installed (pip install aiosmtpd)")
)
struct SMTPDeliveryTests {
    let chaser = MailMessage(
        toAddress: "jane.brennan@assure.demo", toName: "Jane Brennan",
        subject: "Return needed: CDG Priorities, October 2016 “MAT001”",
        body: "Dear Jane,\n\n- MAT001 (not started): http://assure.test/x\n.\nA line with a lone dot above.")

    @Test func aMessageArrivesWithItsSubjectAndBodyIntact() async throws {
        // given a mail server on loopback
        let server = try TestMailServer()
        try server.start()
        defer { server.stop() }
        // when a message is sent
        try await SMTPClient(settings: settings(server)).send(chaser)
        // then it arrives once, addressed to Jane, with the words as written (a lone dot does not end it)
        let received = try #require(server.messages().first)
        #expect(server.messages().count == 1)
        let parsed = ParsedMail(received)
        #expect(parsed.header("To") == "Jane Brennan <jane.brennan@assure.demo>")
        #expect(parsed.decodedSubject == chaser.subject)
        #expect(parsed.body == chaser.body.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func aLineBreakInASubjectCannotAddAHeader() async throws {
        // given a project title carrying a header injection
        let server = try TestMailServer()
        try server.start()
        defer { server.stop() }
        var hostile = chaser
        hostile.subject = "Return needed\r\nBcc: everyone@evil.example"
        // when it is sent
        try await SMTPClient(settings: settings(server)).send(hostile)
        // then the subject stays one line and no Bcc header exists
        let parsed = ParsedMail(try #require(server.messages().first))
        #expect(parsed.header("Bcc") == nil)
        #expect(parsed.header("Subject") == "Return needed  Bcc: everyone@evil.example")
    }

    @Test func credentialsAreSentAndWrongOnesRefused() async throws {
        // given a server that requires AUTH
        let server = try TestMailServer(options: ["--auth", "pmo:s3cret"])
        try server.start()
        defer { server.stop() }
        // when the right credentials are given, the message is delivered
        var good = settings(server)
        good.username = "pmo"
        good.password = "s3cret"
        try await SMTPClient(settings: good).send(chaser)
        #expect(server.messages().count == 1)
        // and when the wrong ones are given, the refusal names the step and the server's code
        var bad = good
        bad.password = "wrong"
        await #expect(
            throws: SMTPError.refused(
                command: "AUTH PLAIN", code: 535, text: "5.7.8 Authentication credentials invalid")
        ) {
            try await SMTPClient(settings: bad).send(chaser)
        }
        #expect(server.messages().count == 1)
    }

    @Test func starttlsProtectsTheMessageAndAnUntrustedCertificateStopsIt() async throws {
        // given a server that insists on STARTTLS, with a test-only certificate for localhost
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let certificate = fixtures.appendingPathComponent("localhost-test-only.crt").path
        let server = try TestMailServer(options: [
            "--starttls", certificate, fixtures.appendingPathComponent("localhost-test-only.key").path,
        ])
        try server.start()
        defer { server.stop() }
        var tls = SMTPSettings(
            host: "localhost", port: server.port, security: .startTLS, fromAddress: "pmo@assure.demo",
            timeoutSeconds: 30, trustedCAFile: certificate)
        // when the client upgrades and trusts the certificate, then the message is delivered
        try await SMTPClient(settings: tls).send(chaser)
        #expect(server.messages().count == 1)
        // when it does not upgrade, then the server refuses the message before any of it is sent
        var plain = tls
        plain.security = .none
        await #expect(
            throws: SMTPError.refused(
                command: "MAIL FROM:<pmo@assure.demo>", code: 530, text: "Must issue a STARTTLS command first")
        ) {
            try await SMTPClient(settings: plain).send(chaser)
        }
        // when the certificate is not trusted, then nothing is sent
        tls.trustedCAFile = nil
        await #expect(throws: (any Error).self) { try await SMTPClient(settings: tls).send(chaser) }
        #expect(server.messages().count == 1)
    }

    @Test func aServerThatAcceptsAndNeverAnswersIsATimeoutNotAHang() async throws {
        // given a listener that accepts the connection and says nothing
        let listener = Process()
        listener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        listener.arguments = [
            "python3", "-c",
            """
            import socket, sys, time
            s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(1)
            print(s.getsockname()[1], flush=True)
            c, _ = s.accept(); time.sleep(30)
            """,
        ]
        let output = Pipe()
        listener.standardOutput = output
        try listener.run()
        defer { listener.terminate() }
        let printed = try await Subprocess.offThread { output.fileHandleForReading.availableData }
        let port = try #require(
            Int(String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        // when a message is sent with a one-second deadline, then it fails as a timeout, in words
        await #expect(throws: SMTPError.timedOut(seconds: 1)) {
            try await SMTPClient(
                settings: SMTPSettings(host: "127.0.0.1", port: port, fromAddress: "pmo@assure.demo", timeoutSeconds: 1)
            )
            .send(chaser)
        }
    }

    @Test func anAddressThatCouldCarryCommandsIsRefusedBeforeConnecting() async throws {
        var bad = chaser
        bad.toAddress = "jane@assure.demo>\r\nRCPT TO:<all@evil.example"
        await #expect(throws: SMTPError.badAddress(bad.toAddress)) {
            try await SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: 9, fromAddress: "pmo@assure.demo"))
                .send(bad)
        }
    }

    /// 30 seconds: these tests check what arrives, not how fast, and under the whole suite's load on two cores the
    /// Python server has taken more than 10 to answer.
    func settings(_ server: TestMailServer) -> SMTPSettings {
        SMTPSettings(host: "127.0.0.1", port: server.port, fromAddress: "pmo@assure.demo", timeoutSeconds: 30)
    }
}
