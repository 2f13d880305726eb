import NIOCore

/// Where and how to hand mail over. Read once at the edge (the `serve` command).
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable, CaseIterable {
        /// Plain SMTP: only for a relay on the same host or network.
        case none
        /// Plain connection upgraded with STARTTLS before anything else is sent (port 587).
        case startTLS = "starttls"
        /// TLS from the first byte (port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    public var fromAddress: String
    public var fromName: String
    public var timeoutSeconds: Int64
    /// A PEM file of the certificate authorities to trust instead of the system's (a private relay's own CA).
    public var trustedCAFile: String?

    public init(
        host: String, port: Int, security: Security = .none, username: String? = nil, password: String? = nil,
        fromAddress: String, fromName: String = "Assure PMO", timeoutSeconds: Int64 = 30, trustedCAFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.timeoutSeconds = timeoutSeconds
        self.trustedCAFile = trustedCAFile
    }
}

public enum SMTPError: Error, CustomStringConvertible, Equatable {
    case refused(command: String, code: Int, text: String)
    case connectionClosed
    case badAddress(String)
    /// The whole conversation took longer than the settings allow.
    case timedOut(seconds: Int)

    public var description: String {
        switch self {
        case .refused(let command, let code, let text): "the mail server answered \(command) with \(code) \(text)"
        case .connectionClosed: "the mail server closed the connection"
        case .badAddress(let address): "“\(address)” is not an email address"
        case .timedOut(let seconds): "the mail server did not finish within \(seconds) seconds"
        }
    }
}
