import AssureApp
import AssureCore
import AssureMail
import AssureOpenID
import AssureOutput
import AssureStorage
import Vapor

/// Everything the server is configured with, read once at the edge (the command line).
public struct AppSettings: Sendable {
    public var database: DatabaseTarget
    public var loadDemo: Bool
    public var bcryptCost: Int
    /// Mark the session cookie Secure: set when Assure is served over TLS (directly or behind a proxy).
    public var secureCookies: Bool
    /// Where chasers and alerts are handed over; nil keeps them in the outbox, unsent.
    public var mail: SMTPSettings?
    /// The address people reach Assure at, for the links in chasers and alerts.
    public var publicURL: String
    /// How often the outbox worker sends due messages and queues scheduled chasers; nil runs no worker (tests drive it).
    public var deliveryIntervalSeconds: Int?
    /// Proxies (load balancers) whose X-Forwarded-For is believed: the client address it names is the one throttled.
    public var trustedProxies: [NetworkRange]
    /// The time now, for sessions, throttling and drafts: the system's, or a test's set ahead.
    public var clock: @Sendable () -> Date = { Date() }
    /// Seconds a connection may stay silent (mid-headers or between requests) before the server closes it.
    public var idleTimeoutSeconds: Int
    /// From how many projects a published whole-portfolio dashboard's JSON is written programme by programme as it is
    /// read, instead of built whole and kept: the size past which the whole would not stay in the server's memory.
    public var streamDashboardsFromProjects = 50_000
    /// This server's name among several behind a load balancer (host and port unless given): it marks the background
    /// work it runs, so that work it left unfinished when it stopped is known as its own when it starts again.
    public var serverName = "assure"
    /// Who may read `/metrics`: Prometheus' address. Loopback unless told.
    public var metricsFrom = [NetworkRange("127.0.0.0/8")!, NetworkRange("::1")!]
    /// Who may sign in how: OpenID Connect providers (the organisation's account), and local passwords unless off.
    public var signIn = SignInSettings()
    /// Where webhooks may be sent: anywhere outside Assure's own network unless the deployment names receivers.
    public var webhookReceivers = WebhookReceivers()

    public init(
        database: DatabaseTarget, loadDemo: Bool = false, bcryptCost: Int = 12, secureCookies: Bool = false,
        mail: SMTPSettings? = nil, publicURL: String = "http://127.0.0.1:8080", deliveryIntervalSeconds: Int? = nil,
        trustedProxies: [NetworkRange] = [], idleTimeoutSeconds: Int = 30
    ) {
        self.database = database
        self.loadDemo = loadDemo
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.mail = mail
        self.publicURL = publicURL
        self.deliveryIntervalSeconds = deliveryIntervalSeconds
        self.trustedProxies = trustedProxies
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    /// How long a sign-in lasts, whatever the browser does with its cookie: the server ends older sessions itself.
    public static let sessionLifetime: TimeInterval = 8 * 60 * 60
    /// The session cookie's name.
    static let sessionCookie = "assure-session"

    /// A link's full address at the public URL (with or without its trailing slash as configured): for messages and
    /// for the addresses an identity provider sends the browser back to.
    public func address(of link: Link) -> String {
        (publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL) + link.path
    }

    /// Links in messages point at the public address.
    public var noticeLinks: NoticeLinks {
        NoticeLinks { [self] period, project in address(of: .returnForm(period: period, project: project)) }
    }
}

struct AppSettingsKey: StorageKey { typealias Value = AppSettings }

extension Application {
    var settings: AppSettings { storage[AppSettingsKey.self]! }
}

extension Request {
    var settings: AppSettings { application.settings }

    /// The time now, from the app's clock.
    var now: Date { settings.clock() }

    /// The client's address: the peer's, or the one a trusted proxy reports for it.
    var clientAddress: String {
        ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor], trusted: settings.trustedProxies)
    }
}
