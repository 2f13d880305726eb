import ArgumentParser
import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import FluentKit
import Foundation

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add, list, change, disable and reset users.",
        subcommands: [
            Add.self, List.self, Change.self, Disable.self, Enable.self, ResetPassword.self,
            Token.self, RevokeToken.self,
        ])

    struct Add: AsyncParsableCommand {
        @ArgumentParser.Option var email: String
        @ArgumentParser.Option var name: String
        @ArgumentParser.Option(help: "admin, editor or viewer.") var role = "viewer"
        @ArgumentParser.Option(help: "A programme an editor may write (repeatable).") var programme: [String] = []
        @ArgumentParser.Flag(help: "Read the password from standard input instead of prompting.") var passwordStdin =
            false
        @ArgumentParser.OptionGroup var db: DatabaseOption

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role \(self.role): use admin, editor or viewer")
            }
            let password = try readPassword(fromStdin: passwordStdin)
            try await CLI.run {
                let user = try await Storage.withDatabase(db.target) { database in
                    var ids: [UUID] = []
                    for portfolio in try await Catalogue.portfolios(database) {
                        ids += try await Catalogue.programmes(database, portfolioID: portfolio.info.id)
                            .filter { programme.contains($0.name) }.map(\.id)
                    }
                    return try await Users.add(
                        database, CLI.actor, email: email, name: name, role: role, password: password, programmeIDs: ids
                    )
                }
                print(
                    "Added \(user.name) <\(user.email)> as \(user.role.rawValue)\(user.programmes.isEmpty ? "" : " for \(user.programmes.joined(separator: ", "))")."
                )
            }
        }
    }

    struct List: AsyncParsableCommand {
        @ArgumentParser.OptionGroup var db: DatabaseOption
        func run() async throws {
            try await CLI.run {
                let users = try await Storage.withDatabase(db.target) { try await Users.list($0) }
                for user in users {
                    print(
                        [
                            user.email, user.name, user.role.rawValue, user.programmes.joined(separator: "; "),
                            user.disabled ? "disabled" : "",
                        ].joined(separator: "\t"))
                }
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        @ArgumentParser.Option var email: String
        @ArgumentParser.Flag(help: "Read the password from standard input instead of prompting.") var passwordStdin =
            false
        @ArgumentParser.OptionGroup var db: DatabaseOption
        func run() async throws {
            let password = try readPassword(fromStdin: passwordStdin)
            try await CLI.run {
                try await Storage.withDatabase(db.target) {
                    try await Users.resetPassword($0, CLI.actor, email: email, password: password)
                }
                print("Password reset for \(email).")
            }
        }
    }
}

extension User {
    /// The ids of the named programmes, in any portfolio; a name that matches none is an error naming it.
    static func programmeIDs(_ database: any Database, named names: [String]) async throws -> [UUID] {
        var found: [String: UUID] = [:]
        for programme in try await Catalogue.allProgrammes(database) where names.contains(programme.name) {
            found[programme.name] = programme.id
        }
        let missing = names.filter { found[$0] == nil }
        if !missing.isEmpty {
            throw ValidationError("--programme: no programme is called \(missing.joined(separator: ", "))")
        }
        return Array(found.values)
    }

    struct Change: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a user's role and the programmes an editor may write (audited).")
        @ArgumentParser.Option var email: String
        @ArgumentParser.Option(help: "admin, editor or viewer.") var role: String
        @ArgumentParser.Option(help: "A programme an editor may write (repeatable; replaces the present list).")
        var programme: [String] = []
        @ArgumentParser.OptionGroup var db: DatabaseOption

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role \(self.role): use admin, editor or viewer")
            }
            try await CLI.run {
                let user = try await Storage.withDatabase(db.target) { database in
                    let user = try await Users.summary(database, email: email)
                    return try await Users.changeAccess(
                        database, CLI.actor, userID: user.id, role: role,
                        programmeIDs: try await User.programmeIDs(database, named: programme))
                }
                print(
                    "\(user.name) is now \(user.role.rawValue)\(user.programmes.isEmpty ? "" : " for \(user.programmes.joined(separator: ", "))")."
                )
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a user: they cannot sign in, and their sessions and API tokens end now.")
        @ArgumentParser.Option var email: String
        @ArgumentParser.OptionGroup var db: DatabaseOption
        func run() async throws {
            try await User.setDisabled(email: email, disabled: true, db) {
                "Disabled \($0): their sessions and API tokens have ended."
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enable a disabled user again (they sign in afresh; old tokens stay revoked).")
        @ArgumentParser.Option var email: String
        @ArgumentParser.OptionGroup var db: DatabaseOption
        func run() async throws {
            try await User.setDisabled(email: email, disabled: false, db) { "Enabled \($0)." }
        }
    }

    /// Disables or enables the user with this email, and says so naming them.
    static func setDisabled(email: String, disabled: Bool, _ db: DatabaseOption, said: (String) -> String) async throws
    {
        try await CLI.run {
            let user = try await Storage.withDatabase(db.target) { database in
                try await Users.setDisabled(
                    database, CLI.actor, userID: try await Users.summary(database, email: email).id, disabled: disabled)
            }
            print(said("\(user.name) <\(user.email)>"))
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an API token for a user and print it (once).")
        @ArgumentParser.Option var email: String
        @ArgumentParser.Option(help: "What the script is.") var name: String
        @ArgumentParser.Option(help: "read or write.") var scope = "read"
        @ArgumentParser.OptionGroup var db: DatabaseOption

        func run() async throws {
            guard let scope = TokenScope(rawValue: scope) else {
                throw ValidationError("--scope \(self.scope): use read or write")
            }
            try await CLI.run {
                let made = try await Storage.withDatabase(db.target) { database in
                    try await APITokens.create(
                        database, CLI.actor, for: try await Users.id(database, email: email), name: name, scope: scope)
                }
                FileHandle.standardError.write(
                    Data("Made \(scope.rawValue) token \(made.token.id) for \(email). It is not shown again:\n".utf8))
                print(made.secret)
            }
        }
    }

    struct RevokeToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke an API token by its id (shown on the tokens page).")
        @ArgumentParser.Argument var id: String
        @ArgumentParser.OptionGroup var db: DatabaseOption

        func run() async throws {
            guard let id = UUID(uuidString: id) else { throw ValidationError("\(self.id) is not a token id") }
            try await CLI.run {
                try await Storage.withDatabase(db.target) { try await APITokens.revoke($0, CLI.actor, id: id) }
                print("Revoked \(id).")
            }
        }
    }
}

/// Passwords never go on the command line, where shell history and process lists would keep them.
private func readPassword(fromStdin: Bool) throws -> String {
    if fromStdin {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("no password on standard input")
        }
        return line
    }
    guard let first = getpass("Password: ").map({ String(cString: $0) }),
        let second = getpass("Again: ").map({ String(cString: $0) })
    else { throw ValidationError("no password given") }
    guard first == second else { throw ValidationError("the two passwords differ") }
    return first
}
