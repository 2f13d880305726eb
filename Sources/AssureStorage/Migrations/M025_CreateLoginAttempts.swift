import FluentKit
import SQLKit

/// Sign-in attempts, for throttling guesses per account and per address.
struct M025_CreateLoginAttempts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("login_attempts")
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "login_attempts_email_idx").on("login_attempts").column("email").column("at")
                .run()
            try await sql.create(index: "login_attempts_address_idx").on("login_attempts").column("address").column(
                "at"
            ).run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("login_attempts").delete()
    }
}
