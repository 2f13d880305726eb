import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

@testable import AssureWeb

/// A published page asked for again is answered from the server's memory without a query, for as long as nothing can
/// have changed it: the tests below change it in every way a PMO, a reader or another process can, and look for the
/// page as it now is.
@Suite("Published pages answered again from memory")
struct KeptAnswerTests {
    /// June's published programme dashboard, as a signed-in user asks for it.
    static func june(_ app: Application) async throws -> String {
        Link.programmeDashboard(period: try await DemoIDs.load(app).june.id).path
    }

    /// How often to try for a kept answer. Any write ends one, rightly: on SQLite the server's own start-up writes; on
    /// PostgreSQL also every other test's, since the log's position belongs to the whole cluster the tests share. On
    /// SQLite a kept answer also lasts at most 2 s, which the whole suite on two cores has once outrun five times over.
    static func tries(_ backend: Backend) -> Int { backend == .sqlite ? 50 : 200 }

    /// The request a browser with this cookie sends, whatever the client has since forgotten.
    static func get(_ app: Application, _ path: String, cookie: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.GET, path, headers: ["Cookie": cookie])
    }

    @Test(
        "A published page read again is the same bytes, from memory, and 304 for its tag", arguments: Backend.all)
    func answeredAgain(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let june = try await Self.june(app)
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            _ = try await board.get("/")
            // given June's page read once; when it is read twice more, once with its tag
            // (tried a few times: the server writes in the background after it starts, and a busy machine can let an
            // answer's 2 seconds run out, each of which rightly ends a kept answer)
            var first: WebResponse?
            var fromMemory = 0
            var tag = ""
            for _ in 0..<Self.tries(backend) {
                let read = try await board.get(june)
                first = read
                tag = try #require(read.headers.first(name: .eTag))
                let before = app.keptAnswers.answered
                let again = try await board.get(june)
                let notModified = try await board.get(june, extra: ["If-None-Match": tag])
                fromMemory = app.keptAnswers.answered - before
                // then the same bytes and headers, and 304 with the tag
                #expect(again.status == .ok && again.body == read.body)
                #expect(again.headers.first(name: .eTag) == tag)
                #expect(again.headers.first(name: .contentType) == read.headers.first(name: .contentType))
                #expect(again.headers.first(name: "Content-Security-Policy") != nil)
                #expect(notModified.status == .notModified && notModified.headers.first(name: .eTag) == tag)
                if fromMemory == 2 { break }
            }
            // and both came from memory
            #expect(fromMemory == 2)
            // and a HEAD request, which writes nothing, leaves the kept page kept
            let cookie = try #require(board.cookie)
            var afterHead = 0
            for _ in 0..<Self.tries(backend) {
                _ = try await board.get(june)
                _ = try await app.testing().sendRequest(.HEAD, june, headers: ["Cookie": cookie])
                let before = app.keptAnswers.answered
                _ = try await board.get(june)
                afterHead = app.keptAnswers.answered - before
                if afterHead == 1 { break }
            }
            #expect(afterHead == 1)
            // and another reader's request is never answered with this reader's page
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await admin.get("/")
            let theirs = try await admin.get(june)
            #expect(theirs.status == .ok && theirs.body != first?.body)
        }
    }

    @Test(
        "A kept page ends with a form sent on this server, a sign-out, a user disabled and a period re-opened by another process, and the session's end",
        arguments: Backend.all)
    func endedByEveryChange(backend: Backend) async throws {
        let clock = NIOLockedValueBox(Date())
        try await withWebApp(backend, adjust: { $0.clock = { clock.withLockedValue { $0 } } }) { app in
            let june = try await Self.june(app)
            let ids = try await DemoIDs.load(app)
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            _ = try await board.get("/")
            let cookie = try #require(board.cookie)
            // (a few tries: a background write, or a busy machine running out an answer's 2 s, rightly ends one)
            func kept() async throws -> Bool {
                for _ in 0..<Self.tries(backend) {
                    let before = app.keptAnswers.answered
                    _ = try await board.get(june)
                    _ = try await board.get(june)
                    if app.keptAnswers.answered > before { return true }
                }
                return false
            }
            #expect(try await kept())

            // when the PMO re-opens June from another process (the command line, on the same file)
            let target = app.settings.database
            try await Storage.withOpenDatabase(target) { db in
                _ = try await PeriodLifecycle.reopen(
                    db, .commandLine("pmo"), periodID: ids.june.id, reason: "A late correction.")
            }
            // then the board member's next read shows June as it now is: not published
            let reopened = try await board.get(june)
            #expect(reopened.body.string.contains(PeriodReport.provisionalNotice) || reopened.status == .forbidden)
            try await Storage.withOpenDatabase(target) { db in
                _ = try await PeriodLifecycle.publish(
                    db, .commandLine("pmo"), periodID: ids.june.id, missing: .carryForward)
            }
            #expect(try await kept())

            // when a form is sent to this server (the board member changes nothing, but any write may change a page)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let before = app.keptAnswers.answered
            _ = try await board.get(june)
            #expect(app.keptAnswers.answered == before)
            _ = try await admin.get("/")
            #expect(try await kept())

            // when the board member is disabled from another process
            let boardUser = try await Storage.withOpenDatabase(target) { db in
                try #require(try await Users.list(db).first { $0.email == "board@assure.demo" }).id
            }
            try await Storage.withOpenDatabase(target) { db in
                _ = try await Users.setDisabled(db, .commandLine("pmo"), userID: boardUser, disabled: true)
            }
            // then their cookie opens nothing
            let disabled = try await Self.get(app, june, cookie: cookie)
            #expect(disabled.status != .ok)
            try await Storage.withOpenDatabase(target) { db in
                _ = try await Users.setDisabled(db, .commandLine("pmo"), userID: boardUser, disabled: false)
            }

            // given a viewer whose page is kept, when she signs out, then her old cookie opens nothing
            let karen = try await WebClient.signedIn(app, as: "karen.kirkham@assure.demo")
            _ = try await karen.get("/")
            _ = try await karen.get(june)
            _ = try await karen.get(june)
            let karenCookie = try #require(karen.cookie)
            #expect(try await Self.get(app, june, cookie: karenCookie).status == .ok)
            _ = try await karen.post("/logout", [:])
            #expect(try await Self.get(app, june, cookie: karenCookie).status != .ok)

            // given Jane's page kept, when her session reaches its end (8 hours), then it is not given again
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            _ = try await jane.get("/")
            _ = try await jane.get(june)
            let janeCookie = try #require(jane.cookie)
            #expect(try await Self.get(app, june, cookie: janeCookie).status == .ok)
            clock.withLockedValue { $0 = $0.addingTimeInterval(AppSettings.sessionLifetime + 1) }
            #expect(try await Self.get(app, june, cookie: janeCookie).status != .ok)
        }
    }
}

extension KeptAnswerTests {
    @Test(
        "On PostgreSQL an answer's generation holds while the log's end stays put, and none is known if it cannot be read"
    )
    func generationFollowsTheLog() async throws {
        let position = NIOLockedValueBox<String?>("0/16B3748")
        let watch = ChangeWatch(.postgres(url: "postgres://unused")) {
            guard let read = position.withLockedValue({ $0 }) else { throw CancellationError() }
            return read
        }
        #expect(watch.watchesEveryWriter)
        // given a generation read
        let first = try #require(await watch.current())
        // then it holds while nothing is written
        #expect(await watch.current() == first)
        // when another server writes, then it is another generation
        position.withLockedValue { $0 = "0/16B37A0" }
        let moved = try #require(await watch.current())
        #expect(moved != first)
        // when this server writes, another again
        watch.changed()
        #expect(await watch.current() != moved)
        // when the position cannot be read, then there is no generation, so nothing is kept or given
        position.withLockedValue { $0 = nil }
        #expect(await watch.current() == nil)
        // and an in-memory SQLite database keeps nothing
        #expect(!ChangeWatch(.sqlite(path: ":memory:")) { nil }.watchesEveryWriter)
    }
}

extension KeptAnswerTests {
    @Test("Requests for a page that miss it together wait for one build at their generation, and share its answer")
    func sharedBuild() async throws {
        let builds = SharedBuilds<String, Int, String>()
        // given a reader's request that found no kept answer: it builds the page
        guard case .build = await builds.turn(for: "june", at: 1) else { Issue.record("the first builds"); return }
        // when two more ask at the same generation while it builds, they wait
        async let second = builds.turn(for: "june", at: 1)
        async let third = builds.turn(for: "june", at: 1)
        while builds.waiting < 2 { await Task.yield() }
        // and one asking at a later generation (something was written since) builds its own, alone
        guard case .alone = await builds.turn(for: "june", at: 2) else { Issue.record("a later one builds"); return }
        // and another page is built on its own
        guard case .build = await builds.turn(for: "july", at: 1) else { Issue.record("july builds"); return }
        // when the build ends, then both waiting are given its answer
        builds.finish("june", with: "June's page")
        for turn in [await second, await third] {
            guard case .shared(let answer) = turn else { Issue.record("\(turn)"); continue }
            #expect(answer == "June's page")
        }
        // and the next miss builds again; a build that gave nothing leaves its waiting to build their own
        guard case .build = await builds.turn(for: "june", at: 1) else { Issue.record("builds again"); return }
        async let fourth = builds.turn(for: "june", at: 1)
        while builds.waiting < 1 { await Task.yield() }
        builds.finish("june", with: nil)
        guard case .shared(nil) = await fourth else { Issue.record("given nothing"); return }
        builds.finish("july", with: nil)
        #expect(builds.waiting == 0)
    }

    @Test("A dozen requests for a page nobody has kept, at once, are all given the same page", arguments: Backend.all)
    func manyAtOnce(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let june = try await Self.june(app)
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            _ = try await board.get("/")
            let cookie = try #require(board.cookie)
            // (tried a few times: a background write between them rightly makes some build their own)
            var fromMemory = 0
            var bodies: Set<String> = []
            for _ in 0..<Self.tries(backend) {
                app.keptAnswers.watch.changed()  // as after a write on this server: nothing kept is current
                let before = app.keptAnswers.answered
                bodies = try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<12 {
                        group.addTask {
                            let read = try await Self.get(app, june, cookie: cookie)
                            return read.status == .ok ? read.body.string : "status \(read.status)"
                        }
                    }
                    return try await group.reduce(into: Set<String>()) { $0.insert($1) }
                }
                fromMemory = app.keptAnswers.answered - before
                if fromMemory == 11 { break }
            }
            // then one request built it and the 11 others were given its answer (kept, or shared while it was built)
            #expect(fromMemory == 11)
            #expect(bodies.count == 1 && bodies.first?.contains("<html") == true)
            #expect(app.keptAnswers.builds.waiting == 0)
        }
    }
}

extension ChangeWatch {
    /// The generation now, awaited: for the tests that read it outside a request.
    func current() async -> Generation? {
        try? await current(on: MultiThreadedEventLoopGroup.singleton.any()).get()
    }
}
