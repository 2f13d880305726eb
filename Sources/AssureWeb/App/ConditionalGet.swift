import AssureApp
import AssureCore
import AssureStorage
import Crypto
import Vapor

/// Published periods never change (until re-opened and re-published, which writes a new snapshot), so their pages and
/// downloads carry an ETag: a browser or script that already has one gets 304 Not Modified without the report being read.
/// The tag covers who is asking (pages show the user and carry their CSRF token), so one user's copy never serves another.
/// For the same reason the server keeps what it sent under the tag, and answers a repeated request from it.
enum PublishedResponses {
    struct Stored: Sendable {
        let body: ByteBuffer
        let headers: HTTPHeaders
    }

    /// Bounded by bytes: 64 MB of pages and downloads.
    static let cache = BoundedCache<String, Stored>(capacity: 64 << 20)
}

extension Request {
    func respondingToPublished(periodID: UUID, _ build: () async throws -> Response) async throws -> Response {
        // A pending notice is shown once, so that page view must be fresh.
        guard sessionValue("notice") == nil, let stamp = try await Reports.publishedStamp(db, periodID: periodID) else {
            return try await build()
        }
        // Everything of the reader's own that the page shows: who, their form token, and the count of returns
        // waiting for their review in the navigation (which changes while the period stays published).
        let who =
            actor.map {
                "\($0.userID?.uuidString ?? $0.name)|\($0.role.rawValue)|\(sessionValue("csrf") ?? "")|"
                    + "\(storage[ReviewCountKey.self].map(String.init) ?? "")"
            } ?? "anonymous"
        let digest = SHA256.hash(data: Data("\(stamp)|\(url.string)|\(who)".utf8))
        let tag = "\"" + digest.prefix(16).hexadecimal + "\""
        if EntityTags.listed(in: headers, .ifNoneMatch).contains(tag) {
            return Response(status: .notModified, headers: ["ETag": tag, "Cache-Control": "private, no-cache"])
        }
        // A reader signed in by session may be answered again from memory, until it ends or anything changes.
        if tokenScope == nil, let signedIn = sessionValue("signedInAt").flatMap(TimeInterval.init) {
            storage[KeepableAnswerKey.self] = Date(timeIntervalSince1970: signedIn + AppSettings.sessionLifetime)
        }
        if let stored = PublishedResponses.cache.value(for: tag) {
            return Response(status: .ok, headers: stored.headers, body: .init(buffer: stored.body))
        }
        let response = try await build()
        if response.status == .ok {
            response.headers.replaceOrAdd(name: .eTag, value: tag)
            response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
            if let body = response.body.buffer {
                PublishedResponses.cache.insert(
                    .init(body: body, headers: response.headers), for: tag, cost: body.readableBytes)
            }
        }
        return response
    }
}
