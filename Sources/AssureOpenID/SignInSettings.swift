import AssureCore
import Foundation

/// How people may sign in: with the organisation's account at one or more OpenID Connect providers (Entra ID, NHSmail),
/// and with a local password unless the deployment switches passwords off. Read once at start from a JSON file
/// (`assure serve --sign-in FILE`), every bad setting named in one message.
public struct SignInSettings: Sendable, Equatable {
    public var providers: [OpenIDProviderSettings]
    public var localPasswords: Bool

    public init(providers: [OpenIDProviderSettings] = [], localPasswords: Bool = true) {
        self.providers = providers
        self.localPasswords = localPasswords
    }

    public func provider(named name: String) -> OpenIDProviderSettings? { providers.first { $0.name == name } }
}

/// One OpenID Connect provider, as the deployment's JSON names it:
///
///     {"name": "nhsmail", "label": "NHSmail", "issuer": "https://login.microsoftonline.com/TENANT/v2.0",
///      "clientID": "…", "clientSecretFile": "/etc/assure/nhsmail.secret", "createUsers": true,
///      "trustEmailClaim": true, "groupsClaim": "groups", "groupRoles": {"GROUP-ID": "admin"}}
public struct OpenIDProviderSettings: Sendable, Equatable {
    /// In the sign-in address (`/login/with/NAME`): lower-case letters, digits and hyphens.
    public var name: String
    /// On the button: "Sign in with LABEL".
    public var label: String
    /// The issuer: its discovery document is at ISSUER/.well-known/openid-configuration, and every ID token must name
    /// it exactly. https, except on loopback (a test's provider).
    public var issuer: String
    public var clientID: String
    public var clientSecret: String
    /// Make an account for someone the provider vouches for who has none yet: with the role their groups map to, or
    /// with no role until the PMO grants one. Off: only people the PMO has added may sign in.
    public var createUsers: Bool
    /// Take the email claim as verified without `email_verified` (Entra ID sends none; its tenant owns the domain).
    public var trustEmailClaim: Bool
    /// The claim listing the person's groups, and the role each group gives (the highest wins).
    public var groupsClaim: String
    public var groupRoles: [String: Role]

    public init(
        name: String, label: String, issuer: String, clientID: String, clientSecret: String,
        createUsers: Bool = false, trustEmailClaim: Bool = false, groupsClaim: String = "groups",
        groupRoles: [String: Role] = [:]
    ) {
        self.name = name
        self.label = label
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.createUsers = createUsers
        self.trustEmailClaim = trustEmailClaim
        self.groupsClaim = groupsClaim
        self.groupRoles = groupRoles
    }

    /// The role a person's groups give them: the highest of those mapped, here or (`alsoMapped`) by the PMO in Assure,
    /// or nil when none is.
    public func role(forGroups groups: [String], alsoMapped: [String: Role] = [:]) -> Role? {
        let roles = Set(groups.compactMap { groupRoles[$0] } + groups.compactMap { alsoMapped[$0] })
        return [Role.admin, .editor, .viewer].first(where: roles.contains)
    }
}

extension SignInSettings {
    /// Reads the settings file's JSON; `readFile` reads a `clientSecretFile` (the file system, or a test's).
    /// Throws `SignInSettingsProblems` naming every bad setting at once.
    public static func parse(
        _ data: Data, source: String,
        readFile: (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }
    ) throws -> SignInSettings {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw SignInSettingsProblems(problems: ["\(source): not a JSON object"])
        }
        var problems: [String] = []
        for key in root.keys where !["providers", "localPasswords"].contains(key) {
            problems.append("\(source): unknown setting \"\(key)\" (known: providers, localPasswords)")
        }
        var localPasswords = true
        if let value = root["localPasswords"] {
            if let flag = value as? Bool {
                localPasswords = flag
            } else {
                problems.append("\(source): localPasswords must be true or false")
            }
        }
        let entries = root["providers"] as? [[String: Any]]
        if root["providers"] != nil, entries == nil {
            problems.append("\(source): providers must be a list of objects")
        }
        var providers: [OpenIDProviderSettings] = []
        for (index, entry) in (entries ?? []).enumerated() {
            let (provider, found) = parseProvider(entry, at: "\(source): providers[\(index)]", readFile: readFile)
            problems += found
            if let provider {
                if providers.contains(where: { $0.name == provider.name }) {
                    problems.append("\(source): providers[\(index)]: the name \"\(provider.name)\" is used twice")
                }
                providers.append(provider)
            }
        }
        if !localPasswords, providers.isEmpty, problems.isEmpty {
            problems.append("\(source): localPasswords is false but no provider is given: nobody could sign in")
        }
        guard problems.isEmpty else { throw SignInSettingsProblems(problems: problems) }
        return SignInSettings(providers: providers, localPasswords: localPasswords)
    }

    private static let providerKeys: Set<String> = [
        "name", "label", "issuer", "clientID", "clientSecret", "clientSecretFile", "createUsers", "trustEmailClaim",
        "groupsClaim", "groupRoles",
    ]

    private static func parseProvider(
        _ entry: [String: Any], at place: String, readFile: (String) -> String?
    ) -> (OpenIDProviderSettings?, [String]) {
        var problems: [String] = []
        for key in entry.keys.sorted() where !providerKeys.contains(key) {
            problems.append("\(place): unknown setting \"\(key)\"")
        }
        func text(_ key: String, required: Bool = true) -> String? {
            guard let value = entry[key] else {
                if required { problems.append("\(place): \(key) is missing") }
                return nil
            }
            guard let string = value as? String, !string.trimmingCharacters(in: .whitespaces).isEmpty else {
                problems.append("\(place): \(key) must be a non-empty string")
                return nil
            }
            return string
        }
        func flag(_ key: String) -> Bool {
            guard let value = entry[key] else { return false }
            guard let flag = value as? Bool else {
                problems.append("\(place): \(key) must be true or false")
                return false
            }
            return flag
        }
        let name = text("name")
        if let name, name.wholeMatch(of: /[a-z0-9][a-z0-9-]{0,39}/) == nil {
            problems.append("\(place): name \"\(name)\" must be lower-case letters, digits and hyphens (up to 40)")
        }
        let issuer = text("issuer")
        if let issuer, !Self.acceptableIssuer(issuer) {
            problems.append("\(place): issuer \(issuer) must be an https address (http only on 127.0.0.1 or localhost)")
        }
        let clientID = text("clientID")
        var secret = text("clientSecret", required: false)
        if let file = text("clientSecretFile", required: false) {
            if secret != nil {
                problems.append("\(place): give clientSecret or clientSecretFile, not both")
            } else if let read = readFile(file)?.trimmingCharacters(in: .whitespacesAndNewlines), !read.isEmpty {
                secret = read
            } else {
                problems.append("\(place): clientSecretFile \(file) cannot be read or is empty")
            }
        } else if secret == nil {
            problems.append("\(place): clientSecret or clientSecretFile is missing")
        }
        var roles: [String: Role] = [:]
        if let mapping = entry["groupRoles"] {
            if let mapping = mapping as? [String: String] {
                for (group, role) in mapping.sorted(by: { $0.key < $1.key }) {
                    if let known = Role(rawValue: role) {
                        roles[group] = known
                    } else {
                        problems.append("\(place): groupRoles[\"\(group)\"] \"\(role)\" is not admin, editor or viewer")
                    }
                }
            } else {
                problems.append("\(place): groupRoles must map group names to admin, editor or viewer")
            }
        }
        let groupsClaim = text("groupsClaim", required: false) ?? "groups"
        let label = text("label", required: false) ?? name ?? ""
        let createUsers = flag("createUsers")
        let trustEmail = flag("trustEmailClaim")
        guard problems.isEmpty, let name, let issuer, let clientID, let secret else { return (nil, problems) }
        return (
            OpenIDProviderSettings(
                name: name, label: label, issuer: issuer, clientID: clientID, clientSecret: secret,
                createUsers: createUsers, trustEmailClaim: trustEmail, groupsClaim: groupsClaim, groupRoles: roles),
            []
        )
    }

    /// https anywhere; plain http only to this machine, where a test's provider runs.
    static func acceptableIssuer(_ issuer: String) -> Bool {
        guard let url = URL(string: issuer), let host = url.host, url.query == nil, url.fragment == nil else {
            return false
        }
        switch url.scheme {
        case "https": return true
        case "http": return ["127.0.0.1", "localhost", "::1"].contains(host)
        default: return false
        }
    }
}

/// Every bad sign-in setting, one per line.
public struct SignInSettingsProblems: Error, CustomStringConvertible, Equatable {
    public let problems: [String]
    public var description: String { problems.joined(separator: "\n") }

    public init(problems: [String]) { self.problems = problems }
}
