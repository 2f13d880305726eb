import AssureStorage
import Metrics
import NIOConcurrencyHelpers
import NIOCore
import Vapor

#if canImport(Glibc)
import Glibc
#endif

/// Answers to repeated requests for published pages, kept in memory and given again without asking the database at all
/// (no session, no user, no stamp), for as long as nothing can have changed what they show. Reading the session, the
/// user and the period's stamp cost five queries per request: most of the time a page took to serve.
///
/// An answer is kept with the `ChangeWatch.Generation` seen before it was built, and given again only while that is
/// still the generation, for at most `lifetime`, and while the reader's session lasts. What ends a generation: any
/// request on this server that may write (a form, a sign-in or out, an API write: counted when it ends, whatever its
/// outcome), an import this server finishes, and any write by this process or another (the command line, a second app on
/// the same file, another server on the same PostgreSQL): on SQLite a change to the file or its write-ahead log, on
/// PostgreSQL a change of what its snapshot counts as committed (`VisibleCommits`). So no answer outlives a write.
final class KeptAnswers: Sendable {
    struct Key: Hashable, Sendable {
        let session: Substring
        let url: String
        /// A browser asking for a page (its navigation counts the reader's reviews) or a script.
        let page: Bool
    }

    struct Answer: Sendable {
        let headers: HTTPHeaders
        let body: ByteBuffer
        let tag: String
        let generation: ChangeWatch.Generation
        let keptAt: NIODeadline
        let sessionEnds: Date
    }

    /// A bound on an answer's age, whatever the watch says: a file change the watch could miss (two writes within the
    /// file system's clock tick, the log rewritten to the same size) is never shown for longer than this.
    static let lifetime = TimeAmount.seconds(2)

    let watch: ChangeWatch
    private let answers = BoundedCache<Key, Answer>(capacity: 32 << 20)
    let builds = SharedBuilds<Key, ChangeWatch.Generation, Answer>()
    private let given = Counter(label: "assure_kept_answers_total")
    private let givenCount = NIOLockedValueBox(0)

    init(_ target: DatabaseTarget, commits: @escaping @Sendable () async throws -> String?) {
        watch = ChangeWatch(target, commits: commits)
    }

    /// The bytes of answers held now (the metrics report it).
    var keptBytes: Int { answers.cost }

    /// How many requests were answered from memory: for the metrics and the tests.
    var answered: Int { givenCount.withLockedValue { $0 } }

    func answer(for key: Key, generation: ChangeWatch.Generation, now: Date) -> Answer? {
        guard let answer = answers.value(for: key), answer.generation == generation, now < answer.sessionEnds,
            NIODeadline.now() - answer.keptAt < Self.lifetime
        else { return nil }
        given.increment()
        givenCount.withLockedValue { $0 += 1 }
        return answer
    }

    /// Counts an answer another request built and this one was given.
    func gaveShared() {
        given.increment()
        givenCount.withLockedValue { $0 += 1 }
    }

    func keep(_ answer: Answer, for key: Key) {
        answers.insert(answer, for: key, cost: answer.body.readableBytes + 512)
    }
}

/// Tells whether the database may have changed: a count of this server's writes and, on SQLite, the file's and its
/// write-ahead log's identity, size and modification time (one `stat` each, no query); on PostgreSQL, which transactions
/// its snapshot counts as committed (one query, shared by every request that arrives while the previous one runs).
final class ChangeWatch: Sendable {
    struct Generation: Equatable, Sendable {
        let writes: UInt64
        let files: [FileSignature]
        let commits: String?
    }

    struct FileSignature: Equatable, Sendable {
        let inode: UInt64
        let size: Int64
        let seconds: Int
        let nanoseconds: Int

        static let absent = FileSignature(inode: 0, size: -1, seconds: 0, nanoseconds: 0)
    }

    /// Whether answers may be kept at all: on an SQLite file or PostgreSQL, not an in-memory database.
    let watchesEveryWriter: Bool
    private let files: [String]
    private let commits: FreshRead<String?>?
    private let writes = NIOLockedValueBox<UInt64>(0)

    init(_ target: DatabaseTarget, commits read: @escaping @Sendable () async throws -> String?) {
        switch target {
        case .sqlite(let path) where path != ":memory:" && !path.isEmpty:
            (files, commits, watchesEveryWriter) = ([path, path + "-wal"], nil, true)
        case .postgres:
            (files, commits, watchesEveryWriter) = ([], FreshRead(read), true)
        case .sqlite:
            (files, commits, watchesEveryWriter) = ([], nil, false)
        }
    }

    /// The generation now, read after this call began; nil when it cannot be known (the database did not answer), and
    /// then nothing is kept or given. On `loop`, without a task: on SQLite it is known at once.
    func current(on loop: any EventLoop) -> EventLoopFuture<Generation?> {
        // This server's count first: a write that ends while the snapshot is read then shows in one or the other.
        let writes = writes.withLockedValue { $0 }
        let files = files
        guard let commits else {
            return loop.makeSucceededFuture(
                Generation(writes: writes, files: files.map(Self.signature), commits: nil))
        }
        return commits.value(on: loop).map { snapshot -> Generation? in
            Generation(writes: writes, files: files.map(Self.signature), commits: snapshot)
        }.recover { _ in nil }
    }

    /// This server wrote (or may have): every answer kept before now is stale.
    func changed() {
        writes.withLockedValue { $0 &+= 1 }
    }

    private static func signature(_ path: String) -> FileSignature {
        var status = stat()
        guard stat(path, &status) == 0 else { return .absent }
        return FileSignature(
            inode: UInt64(status.st_ino), size: Int64(status.st_size), seconds: status.st_mtim.tv_sec,
            nanoseconds: status.st_mtim.tv_nsec)
    }
}

/// Gives a kept answer when there is a valid one; otherwise lets the request through and keeps what
/// `respondingToPublished` marks as keepable. Ends the generation after every request that may write.
///
/// Written with futures rather than `async`: a kept answer is given on the request's own event loop without starting a
/// task (on SQLite without waiting at all). On PostgreSQL that served 8% more pages a second under load (BENCHMARKS.md).
struct KeptAnswerMiddleware: Middleware {
    let kept: KeptAnswers

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        if [.POST, .PUT, .PATCH, .DELETE].contains(request.method) {
            return next.respond(to: request).always { [kept] _ in kept.watch.changed() }
        }
        guard request.method == .GET, kept.watch.watchesEveryWriter, request.headers[.authorization].isEmpty,
            let session = Self.sessionCookie(request.headers)
        else { return next.respond(to: request) }
        // The headers read as they came: parsing every cookie and media type took a tenth of a kept answer's time.
        let key = KeptAnswers.Key(
            session: session, url: request.target,
            page: request.headers[.accept].contains { $0.contains("text/html") })
        return kept.watch.current(on: request.eventLoop).flatMap { [kept] generation in
            guard let generation else { return next.respond(to: request) }
            if let answer = kept.answer(for: key, generation: generation, now: request.now) {
                return request.eventLoop.makeSucceededFuture(Self.response(giving: answer, to: request))
            }
            return request.eventLoop.makeFutureWithTask {
                try await missed(request, key: key, generation: generation, next: next)
            }
        }
    }

    /// No kept answer: this request builds the page, or waits for another building it at the same generation.
    private func missed(
        _ request: Request, key: KeptAnswers.Key, generation: ChangeWatch.Generation, next: any Responder
    ) async throws -> Response {
        switch await kept.builds.turn(for: key, at: generation) {
        case .shared(let answer?):
            kept.gaveShared()
            return Self.response(giving: answer, to: request)
        case .shared(nil), .alone:
            return try await build(request, key: key, generation: generation, next: next)
        case .build:
            var built: KeptAnswers.Answer?
            defer { kept.builds.finish(key, with: built) }
            let response = try await build(request, key: key, generation: generation, next: next)
            built = request.storage[BuiltAnswerKey.self]
            return response
        }
    }

    /// Lets the request through, and keeps its answer when `respondingToPublished` marked it as keepable.
    private func build(
        _ request: Request, key: KeptAnswers.Key, generation: ChangeWatch.Generation, next: any Responder
    ) async throws -> Response {
        let response = try await next.respond(to: request).get()
        if let sessionEnds = request.storage[KeepableAnswerKey.self], response.status == .ok,
            let tag = response.headers.first(name: .eTag), let body = response.body.buffer
        {
            let answer = KeptAnswers.Answer(
                headers: response.headers, body: body, tag: tag, generation: generation, keptAt: .now(),
                sessionEnds: sessionEnds)
            kept.keep(answer, for: key)
            request.storage[BuiltAnswerKey.self] = answer
        }
        return response
    }

    private static func response(giving answer: KeptAnswers.Answer, to request: Request) -> Response {
        if request.headers[.ifNoneMatch].contains(where: { $0.contains(answer.tag) }) {
            return Response(status: .notModified, headers: ["ETag": answer.tag, "Cache-Control": "private, no-cache"])
        }
        return Response(status: .ok, headers: answer.headers, body: .init(buffer: answer.body))
    }
}

/// The answer a request built and kept, for those waiting on the same build.
private struct BuiltAnswerKey: StorageKey {
    typealias Value = KeptAnswers.Answer
}

extension KeptAnswerMiddleware {
    static func sessionCookie(_ headers: HTTPHeaders) -> Substring? {
        let prefix = AppSettings.sessionCookie + "="
        for header in headers[.cookie] {
            for pair in header.split(separator: ";") {
                let pair = pair.drop { $0 == " " }
                if pair.hasPrefix(prefix) { return pair.dropFirst(prefix.count) }
            }
        }
        return nil
    }
}

/// Set by `respondingToPublished` on an answer that may be kept: when the reader's session ends.
struct KeepableAnswerKey: StorageKey {
    typealias Value = Date
}

extension Application {
    private struct KeptAnswersKey: StorageKey {
        typealias Value = KeptAnswers
    }

    var keptAnswers: KeptAnswers {
        get {
            guard let kept = storage[KeptAnswersKey.self] else { fatalError("WebApp.configure sets keptAnswers") }
            return kept
        }
        set { storage[KeptAnswersKey.self] = newValue }
    }
}

/// Closes the watch's connection with the server.
struct ClosingWatch: LifecycleHandler {
    let watch: CommitWatch

    func shutdownAsync(_ application: Application) async {
        await watch.close()
    }
}
