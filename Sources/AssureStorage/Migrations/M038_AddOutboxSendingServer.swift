import FluentKit

/// Which server has a message in hand while it is "sending": shown on the outbox page, and named when that server
/// stops mid-delivery, so the PMO knows whose logs to read. Empty for every message already sent or waiting.
struct M038_AddOutboxSendingServer: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("outbox_messages").field("sending_server", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("outbox_messages").deleteField("sending_server").update()
    }
}
