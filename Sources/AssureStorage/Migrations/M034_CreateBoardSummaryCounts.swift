import FluentKit

/// What a board member's home page says of each portfolio's latest published period (how many projects are Red or
/// declined, milestones slipped, returns carried forward), kept once worked out: working it out reads two whole periods,
/// which at 100,000 projects took 18 s on every visit. `compared` names the two snapshots it was worked out from, so a
/// period re-published, or an earlier one published since, is worked out again.
struct M034_CreateBoardSummaryCounts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("board_summary_counts")
            .field("period_id", .uuid, .identifier(auto: false), .references("periods", "id"))
            .field("compared", .string, .required)
            .field("attention", .int, .required)
            .field("slipped", .int, .required)
            .field("carried_forward", .int, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("board_summary_counts").delete()
    }
}
