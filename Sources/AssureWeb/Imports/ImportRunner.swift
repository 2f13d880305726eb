import AssureApp
import AssureCore
import AssureStorage
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Runs imports in the background on this server. The job, its progress and its outcome are in the database
/// (`ImportJobs`), so any server can show its page; this server also keeps the progress of its own jobs as they run,
/// which it shows without waiting for the next write (on SQLite, the only one it can see until the import commits).
final class ImportRunner: Sendable {
    private let progress = NIOLockedValueBox<[UUID: (done: Int, total: Int)]>([:])

    /// Starts the import and returns its job's id at once.
    func start(
        _ app: Application, owner: UUID?, portfolioID: UUID, total: Int,
        _ work: @escaping @Sendable (_ progress: @escaping @Sendable (Int, Int) -> Void) async throws -> ImportOutcome
    ) async throws -> UUID {
        let (db, server, clock, kept) = (app.db, app.settings.serverName, app.settings.clock, app.keptAnswers)
        let id = try await ImportJobs.start(
            db, owner: owner, portfolioID: portfolioID, total: total, server: server, now: clock())
        progress.withLockedValue { $0[id] = (0, total) }
        app.backgroundWork.start("Import \(id)", logger: app.logger) { [progress] in
            let heartbeat = ImportJobs.writesProgress(db) ? Self.heartbeat(db, id: id, progress, clock) : nil
            let outcome: ImportOutcome?
            let failure: String?
            do {
                outcome = try await work { done, total in progress.withLockedValue { $0[id] = (done, total) } }
                failure = nil
            } catch let problems as ImportProblems {
                (outcome, failure) = (nil, problems.description)
            } catch {
                (outcome, failure) = (nil, PageErrorMiddleware.describe(error).1)
            }
            heartbeat?.cancel()
            _ = await heartbeat?.value
            // What it wrote is new to every page this server keeps.
            kept.watch.changed()
            try await ImportJobs.finish(db, id: id, outcome: outcome, failure: failure, now: clock())
            _ = progress.withLockedValue { $0.removeValue(forKey: id) }
        }
        return id
    }

    /// The job as the database has it, with this server's own fresher progress if it is running it.
    func job(_ db: Database, id: UUID, owner: UUID?, now: Date) async throws -> ImportJob? {
        let live = progress.withLockedValue { $0[id] }
        // A job this server is running is not silent, whatever its last written heartbeat says.
        guard var job = try await ImportJobs.job(db, id: id, owner: owner, now: live == nil ? now : .distantPast)
        else { return nil }
        if let live, !job.finished { (job.done, job.total) = (max(job.done, live.done), live.total) }
        return job
    }

    /// Writes the job's progress every few seconds, which also says its server is alive.
    private static func heartbeat(
        _ db: Database, id: UUID, _ progress: NIOLockedValueBox<[UUID: (done: Int, total: Int)]>,
        _ clock: @escaping @Sendable () -> Date
    ) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(ImportJobs.heartbeat))
                guard !Task.isCancelled, let now = progress.withLockedValue({ $0[id] }) else { return }
                try? await ImportJobs.report(db, id: id, done: now.done, total: now.total, now: clock())
            }
        }
    }
}

extension Application {
    private struct ImportRunnerKey: StorageKey { typealias Value = ImportRunner }

    /// One runner per application, made when it is configured: two apps in one process (as the tests run them) share
    /// nothing.
    var importRunner: ImportRunner {
        get { storage[ImportRunnerKey.self]! }
        set { storage[ImportRunnerKey.self] = newValue }
    }
}
