import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Files uploaded for an import, kept between the preview and the import so the user can change the mapping without
/// uploading again. In memory, per user, for an hour, and bounded in total size.
final class ImportDrafts: Sendable {
    struct Draft: Sendable {
        let owner: UUID?
        let portfolioID: UUID
        let filename: String?
        let data: Data
        let isPasted: Bool
        let created: Date
    }

    static let lifetime: TimeInterval = 60 * 60
    static let totalBytes = 256 * 1024 * 1024

    private let drafts = NIOLockedValueBox<[String: Draft]>([:])

    /// A token that only this draft's owner can use.
    func keep(_ draft: Draft) -> String {
        let token = UUID().uuidString
        drafts.withLockedValue { drafts in
            let now = WallClock.now()
            drafts = drafts.filter { now.timeIntervalSince($0.value.created) < Self.lifetime }
            while drafts.values.reduce(0, { $0 + $1.data.count }) + draft.data.count > Self.totalBytes,
                let oldest = drafts.min(by: { $0.value.created < $1.value.created })
            {
                drafts[oldest.key] = nil
            }
            drafts[token] = draft
        }
        return token
    }

    func draft(_ token: String, owner: UUID?, portfolioID: UUID) -> Draft? {
        drafts.withLockedValue { drafts in
            guard let draft = drafts[token], draft.owner == owner, draft.portfolioID == portfolioID,
                WallClock.now().timeIntervalSince(draft.created) < Self.lifetime
            else { return nil }
            return draft
        }
    }

    func forget(_ token: String) { drafts.withLockedValue { $0[token] = nil } }
}

/// Imports running in the background, so a long one shows its progress on a page that refreshes.
final class ImportJobs: Sendable {
    struct Job: Sendable {
        let owner: UUID?
        let portfolioID: UUID
        var done = 0
        var total = 0
        var outcome: ImportOutcome?
        var failure: String?
        var finished: Bool { outcome != nil || failure != nil }
    }

    private let jobs = NIOLockedValueBox<[UUID: Job]>([:])

    func start(owner: UUID?, portfolioID: UUID, total: Int) -> UUID {
        let id = UUID()
        jobs.withLockedValue { $0[id] = Job(owner: owner, portfolioID: portfolioID, total: total) }
        return id
    }

    func update(_ id: UUID, _ change: @Sendable (inout Job) -> Void) {
        jobs.withLockedValue { jobs in if var job = jobs[id] { change(&job); jobs[id] = job } }
    }

    func job(_ id: UUID, owner: UUID?) -> Job? {
        jobs.withLockedValue { $0[id] }.flatMap { $0.owner == owner ? $0 : nil }
    }
}

/// One store of drafts and one of jobs per application, made when it is configured: two apps in one process (as the
/// tests run them) share nothing, and the stores go with the app that made them.
extension Application {
    private struct ImportDraftsKey: StorageKey { typealias Value = ImportDrafts }
    private struct ImportJobsKey: StorageKey { typealias Value = ImportJobs }

    var importDrafts: ImportDrafts {
        get { storage[ImportDraftsKey.self]! }
        set { storage[ImportDraftsKey.self] = newValue }
    }

    var importJobs: ImportJobs {
        get { storage[ImportJobsKey.self]! }
        set { storage[ImportJobsKey.self] = newValue }
    }
}
