import ArgumentParser
import AssureApp
import AssureStorage
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Recompute the audit log's hash chain: exit 1 and name the first entry that was changed, removed or reordered."
        )
        @OptionGroup var db: DatabaseOption

        func run() async throws {
            let result = try await Storage.withDatabase(db.target) { try await AuditChain.verify($0) }
            guard let broken = result.broken else {
                print("The audit log's chain holds: \(result.entries) entries.")
                return
            }
            FileHandle.standardError.write(
                Data("assure: the audit log's chain is broken at entry \(broken.sequence): \(broken.reason).\n".utf8))
            throw ExitCode.failure
        }
    }
}
