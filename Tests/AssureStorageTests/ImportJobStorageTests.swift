import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Fluent
import Foundation
import Testing

/// Import drafts and jobs are kept in the database so that any server can carry on what another began.
@Suite("Import drafts and jobs in the database")
struct ImportJobStorageTests {
    @Test(
        "A draft is found only by its owner, for its portfolio, within the hour; the oldest go past the bound",
        arguments: Backend.all)
    func drafts(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let cdg = try await Catalogue.findPortfolio(db, name: "CDG Priorities").info.id
            let other = try await Catalogue.findPortfolio(db, name: "Transformation Programme").info.id
            let (owner, stranger) = (UUID(), UUID())
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            func draft(_ bytes: Int, at seconds: TimeInterval) -> ImportDraft {
                ImportDraft(
                    owner: owner, portfolioID: cdg, filename: "returns.csv", data: Data(repeating: 65, count: bytes),
                    isPasted: false, created: start.addingTimeInterval(seconds))
            }
            // given a 600-byte draft kept
            let first = try await ImportDrafts.keep(db, draft(600, at: 0), limit: 1_000)
            let found = try await ImportDrafts.draft(db, token: first, owner: owner, portfolioID: cdg, now: start)
            #expect(found?.data.count == 600 && found?.filename == "returns.csv")
            // then nobody else, and no other portfolio, finds it; nor does a made-up token
            #expect(
                try await ImportDrafts.draft(db, token: first, owner: stranger, portfolioID: cdg, now: start) == nil)
            #expect(try await ImportDrafts.draft(db, token: first, owner: owner, portfolioID: other, now: start) == nil)
            #expect(
                try await ImportDrafts.draft(db, token: "../etc", owner: owner, portfolioID: cdg, now: start) == nil)
            // when a second 600-byte draft is kept within a 1,000-byte bound, then the first is forgotten
            let second = try await ImportDrafts.keep(db, draft(600, at: 10), limit: 1_000)
            #expect(try await ImportDrafts.draft(db, token: first, owner: owner, portfolioID: cdg, now: start) == nil)
            #expect(try await ImportDrafts.draft(db, token: second, owner: owner, portfolioID: cdg, now: start) != nil)
            // and after an hour it is expired, and forgotten when expired drafts are cleared
            let later = start.addingTimeInterval(ImportDrafts.lifetime + 11)
            #expect(try await ImportDrafts.draft(db, token: second, owner: owner, portfolioID: cdg, now: later) == nil)
            try await ImportDrafts.forgetExpired(db, now: later)
            #expect(try await ImportDraftRecord.query(on: db).count() == 0)
        }
    }

    @Test(
        "A job not heard of for a minute is reported failed with its server named; a restarted server fails its own; a finish puts it right",
        arguments: Backend.all)
    func jobs(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let cdg = try await Catalogue.findPortfolio(db, name: "CDG Priorities").info.id
            let owner = UUID()
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            // given two jobs running on server A and one on server B
            let silent = try await ImportJobs.start(
                db, owner: owner, portfolioID: cdg, total: 100, server: "a:8080", now: start)
            let busy = try await ImportJobs.start(
                db, owner: owner, portfolioID: cdg, total: 100, server: "a:8080", now: start)
            let elsewhere = try await ImportJobs.start(
                db, owner: owner, portfolioID: cdg, total: 50, server: "b:8080", now: start)
            // when A reports progress on one of them 50 s later, and B on its own, and the third stays silent
            try await ImportJobs.report(db, id: busy, done: 40, total: 100, now: start.addingTimeInterval(50))
            try await ImportJobs.report(db, id: elsewhere, done: 10, total: 50, now: start.addingTimeInterval(50))
            let read = start.addingTimeInterval(ImportJobs.silenceLimit + 5)
            // then a minute on, the silent one reads as failed, naming its server, and the other still runs
            let failed = try #require(try await ImportJobs.job(db, id: silent, owner: owner, now: read))
            #expect(failed.finished && failed.outcome == nil)
            #expect(failed.failure?.contains("(a:8080) stopped answering") == true)
            #expect(failed.failure?.contains("nothing of it was written") == true)
            let running = try #require(try await ImportJobs.job(db, id: busy, owner: owner, now: read))
            #expect(!running.finished && running.done == 40)
            // and nobody but its owner reads a job
            #expect(try await ImportJobs.job(db, id: busy, owner: UUID(), now: read) == nil)
            // when server A starts again, then its unfinished job is failed, and B's is left alone
            #expect(try await ImportJobs.failUnfinished(db, server: "a:8080") == 1)
            let restarted = try #require(try await ImportJobs.job(db, id: busy, owner: owner, now: start))
            #expect(restarted.failure?.contains("stopped before it finished") == true)
            #expect(try await ImportJobs.job(db, id: elsewhere, owner: owner, now: start)?.finished == false)
            // and a job given up for silent that does finish is reported finished, with its outcome
            let outcome = ImportOutcome(
                periodKey: "2016-10", periodCreated: false, createdProgrammes: 0, createdProjects: 2,
                updatedProjects: 0, returnsWritten: 2, attributesWritten: 0)
            try await ImportJobs.finish(db, id: silent, outcome: outcome, failure: nil, now: read)
            let finished = try #require(try await ImportJobs.job(db, id: silent, owner: owner, now: read))
            #expect(finished.outcome == outcome && finished.failure == nil && finished.done == 100)
        }
    }
}
