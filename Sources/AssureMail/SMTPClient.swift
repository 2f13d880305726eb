import AssureCore
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Sends one message per connection: enough for a PMO's chasers and alerts, and simple to reason about when the
/// server is down (the outbox retries the message, not a half-open session).
public struct SMTPClient: Sendable {
    public let settings: SMTPSettings
    private let group: any EventLoopGroup

    public init(settings: SMTPSettings, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.settings = settings
        self.group = group
    }

    private var tlsConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = settings.trustedCAFile { configuration.trustRoots = .file(file) }
        return configuration
    }

    public func send(_ message: MailMessage) async throws {
        let data = try MailFormat.render(message, fromAddress: settings.fromAddress, fromName: settings.fromName)
        let reader = SMTPReplyReader()
        let tls = try settings.security == .none ? nil : NIOSSLContext(configuration: tlsConfiguration)
        // SNI takes a name, never an address; certificate checks still apply.
        let host: String? =
            settings.host.contains(where: { $0.isLetter }) && !settings.host.contains(":") ? settings.host : nil
        let implicitTLS = settings.security == .tls
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(settings.timeoutSeconds))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS, let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tls, serverHostname: host))
                    }
                    try channel.pipeline.syncOperations.addHandler(reader)
                }
            }
            .connect(host: settings.host, port: settings.port).get()
        // A server that stops answering must not hold the outbox: the whole conversation has one deadline. Past it
        // the channel is closed, and whatever the conversation was doing fails; that failure is reported as the
        // timeout it is, not as the I/O error it surfaces as.
        let timedOut = TimeoutFlag()
        let deadline = channel.eventLoop.scheduleTask(in: .seconds(settings.timeoutSeconds)) {
            timedOut.set()
            channel.close(promise: nil)
        }
        defer {
            deadline.cancel()
            channel.close(promise: nil)
        }
        do {
            try await converse(channel, reader: reader, tls: tls, host: host, data: data, message: message)
        } catch where timedOut.isSet {
            throw SMTPError.timedOut(seconds: Int(settings.timeoutSeconds))
        }
    }

    private func converse(_ channel: Channel, reader: SMTPReplyReader, tls: NIOSSLContext?, host: String?, data: String,
                          message: MailMessage) async throws {
        var replies = reader.replies.makeAsyncIterator()
        func expect(_ codes: Set<Int>, after command: String) async throws -> SMTPReply {
            guard let reply = try await replies.next() else { throw SMTPError.connectionClosed }
            guard codes.contains(reply.code) else {
                throw SMTPError.refused(command: command, code: reply.code, text: reply.text)
            }
            return reply
        }
        func say(_ line: String, expecting codes: Set<Int>, shownAs shown: String? = nil) async throws -> SMTPReply {
            try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n"))
            return try await expect(codes, after: shown ?? line)
        }

        _ = try await expect([220], after: "the greeting")
        _ = try await say("EHLO assure", expecting: [250])
        if settings.security == .startTLS, let tls {
            _ = try await say("STARTTLS", expecting: [220])
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(
                    try NIOSSLClientHandler(context: tls, serverHostname: host), position: .first)
            }.get()
            _ = try await say("EHLO assure", expecting: [250])
        }
        if let username = settings.username, let password = settings.password {
            let credentials = Data(("\0" + username + "\0" + password).utf8).base64EncodedString()
            _ = try await say("AUTH PLAIN " + credentials, expecting: [235], shownAs: "AUTH PLAIN")
        }
        _ = try await say("MAIL FROM:<\(settings.fromAddress)>", expecting: [250])
        _ = try await say("RCPT TO:<\(message.toAddress)>", expecting: [250, 251])
        _ = try await say("DATA", expecting: [354])
        try await channel.writeAndFlush(ByteBuffer(string: data + "\r\n.\r\n"))
        _ = try await expect([250], after: "the message")
        _ = try? await say("QUIT", expecting: [221])
    }
}

/// Set once, from the event loop, when the deadline closes the channel; read after the conversation fails.
private final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
