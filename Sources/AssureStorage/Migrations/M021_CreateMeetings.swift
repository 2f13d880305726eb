import FluentKit

/// Committees, their meetings, each meeting's agenda items (with outcomes and resolutions) and actions.
struct M021_CreateMeetings: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("committees")
            .id()
            .field("name", .string, .required)
            .unique(on: "name")
            .create()
        try await database.schema("meetings")
            .id()
            .field("committee_id", .uuid, .required, .references("committees", "id"))
            .field("date", .string, .required)
            .field("time", .string, .required)
            .field("venue", .string, .required)
            .field("members_json", .string, .required)
            .field("version", .int, .required)
            .create()
        try await database.schema("agenda_items")
            .id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("position", .int, .required)
            .field("number", .string, .required)
            .field("title", .string, .required)
            .field("organisation", .string, .required)
            .field("format", .string)
            .field("purpose", .string, .required)
            .field("raised_by", .string, .required)
            .field("pages", .string, .required)
            .field("note", .string, .required)
            .field("outcome", .string, .required)
            .field("resolutions_json", .string, .required)
            .create()
        try await database.schema("meeting_actions")
            .id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("position", .int, .required)
            .field("description", .string, .required)
            .field("owner", .string, .required)
            .field("due", .string)
            .field("done", .bool, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        for table in ["meeting_actions", "agenda_items", "meetings", "committees"] {
            try await database.schema(table).delete()
        }
    }
}
