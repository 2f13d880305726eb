import AssureStorage
import Vapor

/// Everything the server is configured with, read once at the edge (the command line).
public struct AppSettings: Sendable {
    public var database: DatabaseTarget
    public var loadDemo: Bool
    public var bcryptCost: Int
    /// Mark the session cookie Secure: set when Assure is served over TLS (directly or behind a proxy).
    public var secureCookies: Bool

    public init(database: DatabaseTarget, loadDemo: Bool = false, bcryptCost: Int = 12, secureCookies: Bool = false) {
        self.database = database
        self.loadDemo = loadDemo
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
    }
}

struct AppSettingsKey: StorageKey { typealias Value = AppSettings }

extension Application {
    var settings: AppSettings { storage[AppSettingsKey.self]! }
}

extension Request {
    var settings: AppSettings { application.settings }
}
