import ArgumentParser
import AssureCore
import AssureStorage
import Foundation

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add, list and reset users.",
                                                    subcommands: [Add.self, List.self, ResetPassword.self])

    struct Add: AsyncParsableCommand {
        @ArgumentParser.Option var email: String
        @ArgumentParser.Option var name: String
        @ArgumentParser.Option(help: "admin, editor or viewer.") var role = "viewer"
        @ArgumentParser.Option(help: "A programme an editor may write (repeatable).") var programme: [String] = []
        @ArgumentParser.Flag(help: "Read the password from standard input instead of prompting.") var passwordStdin = false
        @ArgumentParser.OptionGroup var db: DatabaseOption

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("--role \(self.role): use admin, editor or viewer") }
            let password = try readPassword(fromStdin: passwordStdin)
            try await CLI.run {
                let user = try await Storage.withDatabase(db.target) { database in
                    var ids: [UUID] = []
                    for portfolio in try await Catalogue.portfolios(database) {
                        ids += try await Catalogue.programmes(database, portfolioID: portfolio.info.id)
                            .filter { programme.contains($0.name) }.map(\.id)
                    }
                    return try await Users.add(database, CLI.actor, email: email, name: name, role: role, password: password, programmeIDs: ids)
                }
                print("Added \(user.name) <\(user.email)> as \(user.role.rawValue)\(user.programmes.isEmpty ? "" : " for \(user.programmes.joined(separator: ", "))").")
            }
        }
    }

    struct List: AsyncParsableCommand {
        @ArgumentParser.OptionGroup var db: DatabaseOption
        func run() async throws {
            try await CLI.run {
                let users = try await Storage.withDatabase(db.target) { try await Users.list($0) }
                for user in users {
                    print([user.email, user.name, user.role.rawValue, user.programmes.joined(separator: "; ")].joined(separator: "\t"))
                }
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        @ArgumentParser.Option var email: String
        @ArgumentParser.Flag(help: "Read the password from standard input instead of prompting.") var passwordStdin = false
        @ArgumentParser.OptionGroup var db: DatabaseOption
        func run() async throws {
            let password = try readPassword(fromStdin: passwordStdin)
            try await CLI.run {
                try await Storage.withDatabase(db.target) { try await Users.resetPassword($0, CLI.actor, email: email, password: password) }
                print("Password reset for \(email).")
            }
        }
    }
}

/// Passwords never go on the command line, where shell history and process lists would keep them.
private func readPassword(fromStdin: Bool) throws -> String {
    if fromStdin {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ValidationError("no password on standard input") }
        return line
    }
    guard let first = getpass("Password: ").map({ String(cString: $0) }),
          let second = getpass("Again: ").map({ String(cString: $0) }) else { throw ValidationError("no password given") }
    guard first == second else { throw ValidationError("the two passwords differ") }
    return first
}
