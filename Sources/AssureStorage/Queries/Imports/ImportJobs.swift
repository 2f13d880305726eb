import AssureCore
import FluentKit
import Foundation
import SQLKit

/// An import running in the background, as its progress page shows it.
public struct ImportJob: Sendable {
    public let id: UUID
    public let owner: UUID?
    public let portfolioID: UUID
    public var done: Int
    public var total: Int
    public var outcome: ImportOutcome?
    public var failure: String?
    /// The server running it, and when it last said it was.
    public let server: String
    public let heartbeat: Date
    public var finished: Bool { outcome != nil || failure != nil }
}

/// Import jobs are kept in the database, so the progress page can be served by any server. The server running a job
/// says so every few seconds; a job not heard of for a minute is reported failed, with why, and a server that starts
/// again reports its own unfinished jobs failed. An import is one transaction, so a job whose server died wrote nothing.
public enum ImportJobs {
    enum Status: String { case running, finished, failed }

    /// How often a running job's progress is written, and how long a silent job is believed.
    public static let heartbeat: TimeInterval = 5
    public static let silenceLimit: TimeInterval = 60

    public static func start(
        _ db: Database, owner: UUID?, portfolioID: UUID, total: Int, server: String, now: Date
    ) async throws -> UUID {
        let record = ImportJobRecord()
        record.id = UUID.random()
        record.ownerID = owner
        record.portfolioID = portfolioID
        record.status = Status.running.rawValue
        record.done = 0
        record.total = total
        record.server = server
        record.startedAt = now
        record.heartbeatAt = now
        try await record.create(on: db)
        return try record.requireID()
    }

    /// Whether a running job's progress can be written while it runs. SQLite has one writer, and the import's own
    /// transaction holds it: a write would wait for the whole import. One SQLite file is one server, which knows its
    /// own jobs' progress without asking the database.
    public static func writesProgress(_ db: Database) -> Bool {
        (db as? SQLDatabase)?.dialect.name == "postgresql"
    }

    public static func report(_ db: Database, id: UUID, done: Int, total: Int, now: Date) async throws {
        try await ImportJobRecord.query(on: db).filter(\.$id == id).filter(\.$status == Status.running.rawValue)
            .set(\.$done, to: done).set(\.$total, to: total).set(\.$heartbeatAt, to: now).update()
    }

    /// The job's end, whatever was said of it meanwhile: a job wrongly given up for silent is put right.
    public static func finish(
        _ db: Database, id: UUID, outcome: ImportOutcome?, failure: String?, now: Date
    ) async throws {
        guard let record = try await ImportJobRecord.find(id, on: db) else { return }
        record.status = (outcome != nil ? Status.finished : Status.failed).rawValue
        if outcome != nil { record.done = record.total }
        record.outcomeJSON = try outcome.map { String(decoding: try Reports.encoder.encode($0), as: UTF8.self) }
        record.failure = failure
        record.heartbeatAt = now
        try await record.save(on: db)
    }

    /// The job, for its owner only. A running job not heard of for `silenceLimit` is marked failed as it is read.
    public static func job(_ db: Database, id: UUID, owner: UUID?, now: Date) async throws -> ImportJob? {
        guard var record = try await ImportJobRecord.find(id, on: db), record.ownerID == owner else { return nil }
        if record.status == Status.running.rawValue, now.timeIntervalSince(record.heartbeatAt) > silenceLimit {
            try await failSilent(db, now: now)
            record = try await ImportJobRecord.find(id, on: db) ?? record
        }
        return ImportJob(
            id: id, owner: record.ownerID, portfolioID: record.portfolioID, done: record.done, total: record.total,
            outcome: try record.outcomeJSON.map { try Reports.decoder.decode(ImportOutcome.self, from: Data($0.utf8)) },
            failure: record.failure, server: record.server, heartbeat: record.heartbeatAt)
    }

    /// How many imports are running now, on every server.
    public static func running(_ db: Database) async throws -> Int {
        try await ImportJobRecord.query(on: db).filter(\.$status == Status.running.rawValue).count()
    }

    /// Marks failed every running job whose server has not said anything for `silenceLimit`. Returns how many.
    @discardableResult
    public static func failSilent(_ db: Database, now: Date) async throws -> Int {
        let silent = try await ImportJobRecord.query(on: db).filter(\.$status == Status.running.rawValue)
            .filter(\.$heartbeatAt < now.addingTimeInterval(-silenceLimit)).all()
        for record in silent {
            try await fail(db, record, "The server running this import (\(record.server)) stopped answering.")
        }
        return silent.count
    }

    /// Marks failed the jobs a server left running when it stopped: called as it starts again.
    @discardableResult
    public static func failUnfinished(_ db: Database, server: String) async throws -> Int {
        let left = try await ImportJobRecord.query(on: db).filter(\.$status == Status.running.rawValue)
            .filter(\.$server == server).all()
        for record in left {
            try await fail(db, record, "The server running this import (\(record.server)) stopped before it finished.")
        }
        return left.count
    }

    private static func fail(_ db: Database, _ record: ImportJobRecord, _ reason: String) async throws {
        // Only a job still running: one that finished meanwhile keeps its outcome.
        try await ImportJobRecord.query(on: db).filter(\.$id == record.requireID())
            .filter(\.$status == Status.running.rawValue)
            .set(\.$status, to: Status.failed.rawValue)
            .set(
                \.$failure,
                to: reason
                    + " An import is written whole or not at all, so nothing of it was written: import the file again."
            )
            .update()
    }
}
