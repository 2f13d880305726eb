import ArgumentParser
import AssureApp
import AssureCore
import AssureMail
import AssureOutput
import AssureStorage
import Foundation

/// --smtp-*: where chasers and alerts go. The password is read from $ASSURE_SMTP_PASSWORD, never from the command line.
struct MailOptions: ParsableArguments {
    @Option(help: "The SMTP server; without it, messages wait in the outbox.") var smtpHost: String?
    @Option(help: "The SMTP port (25, 587 or 465).") var smtpPort = 587
    @Option(help: "none, starttls or tls.") var smtpSecurity = "starttls"
    @Option(help: "The SMTP user name (the password comes from $ASSURE_SMTP_PASSWORD).") var smtpUsername: String?
    @Option(help: "The address messages come from.") var smtpFrom = "pmo@assure.invalid"
    @Option(help: "A PEM file of certificate authorities to trust for the mail server (default: the system's).")
    var smtpCAFile: String?
    @Option(help: "Seconds a conversation with the mail server may take before it is abandoned and retried later.")
    var smtpTimeout: Int64 = 30

    /// Every bad mail setting, for the one message that names them all.
    var problems: [String] {
        guard smtpHost != nil else { return [] }
        var problems: [String] = []
        if !(1...65535).contains(smtpPort) { problems.append("--smtp-port \(smtpPort): use a port from 1 to 65535") }
        if SMTPSettings.Security(rawValue: smtpSecurity) == nil {
            problems.append("--smtp-security \(smtpSecurity): use none, starttls or tls")
        }
        if smtpUsername != nil, ProcessInfo.processInfo.environment["ASSURE_SMTP_PASSWORD"] == nil {
            problems.append("--smtp-username is set but $ASSURE_SMTP_PASSWORD is not")
        }
        if !(1...600).contains(smtpTimeout) { problems.append("--smtp-timeout \(smtpTimeout): use 1 to 600 seconds") }
        if !smtpFrom.contains("@") { problems.append("--smtp-from \(smtpFrom): give an email address") }
        if let smtpCAFile, !FileManager.default.isReadableFile(atPath: smtpCAFile) {
            problems.append("--smtp-ca-file \(smtpCAFile): cannot read it")
        }
        return problems
    }

    var settings: SMTPSettings? {
        guard let smtpHost, let security = SMTPSettings.Security(rawValue: smtpSecurity) else { return nil }
        return SMTPSettings(
            host: smtpHost, port: smtpPort, security: security, username: smtpUsername,
            password: ProcessInfo.processInfo.environment["ASSURE_SMTP_PASSWORD"], fromAddress: smtpFrom,
            timeoutSeconds: smtpTimeout, trustedCAFile: smtpCAFile)
    }
}

struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "See and deliver queued chasers and alerts.",
        subcommands: [List.self, Deliver.self])

    struct List: AsyncParsableCommand {
        @OptionGroup var db: DatabaseOption
        func run() async throws {
            try await CLI.run {
                for entry in try await Storage.withDatabase(db.target, { try await Outbox.list($0) }) {
                    print(
                        "\(entry.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(entry.kind) to \(entry.message.toAddress.isEmpty ? entry.message.toName : entry.message.toAddress): \(entry.message.subject)\(entry.lastError.map { " [\($0)]" } ?? "")"
                    )
                }
            }
        }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send every message that is due once, then stop.")
        @OptionGroup var db: DatabaseOption
        @OptionGroup var mail: MailOptions

        func validate() throws {
            if mail.smtpHost == nil { throw ValidationError("--smtp-host: say which mail server to deliver through") }
            if !mail.problems.isEmpty { throw ValidationError(mail.problems.joined(separator: "\n")) }
        }

        func run() async throws {
            let client = SMTPClient(settings: mail.settings!)
            try await CLI.run {
                let result = try await Storage.withDatabase(db.target) {
                    try await Outbox.deliverDue(
                        $0, server: "the command line on \(ProcessInfo.processInfo.hostName)",
                        lease: Outbox.sendingLease(smtpTimeout: mail.smtpTimeout)
                    ) { try await client.send($0) }
                }
                print("\(result.sent) sent, \(result.deferred) to retry later, \(result.failed) failed.")
            }
        }
    }
}

struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Record people's email addresses.",
        subcommands: [Email.self])

    struct Email: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the address chasers and alerts go to (empty to clear).")
        @Argument(help: "The person's name, as the portfolio names them.") var name: String
        @Argument(help: "Their email address.") var email: String
        @OptionGroup var db: DatabaseOption

        func run() async throws {
            try await CLI.run {
                let person = try await Storage.withDatabase(db.target) { db in
                    guard let person = try await Directory.find(db, name: name) else {
                        throw DomainError.notFound("a person named \(name)")
                    }
                    return try await Directory.setEmail(db, CLI.actor, personID: person.id, email: email)
                }
                print("\(person.name): \(person.email ?? "no address").")
            }
        }
    }
}
