import AssureStorage
import Crypto
import Vapor

/// Published periods never change (until re-opened and re-published, which writes a new snapshot), so their pages and
/// downloads carry an ETag: a browser or script that already has one gets 304 Not Modified without the report being read.
/// The tag covers who is asking (pages show the user and carry their CSRF token), so one user's copy never serves another.
extension Request {
    func respondingToPublished(periodID: UUID, _ build: () async throws -> Response) async throws -> Response {
        // A pending notice is shown once, so that page view must be fresh.
        guard session.data["notice"] == nil, let stamp = try await Reports.publishedStamp(db, periodID: periodID) else {
            return try await build()
        }
        let who = actor.map { "\($0.userID?.uuidString ?? $0.name)|\($0.role.rawValue)|\(session.data["csrf"] ?? "")" } ?? "anonymous"
        let digest = SHA256.hash(data: Data("\(stamp)|\(url.string)|\(who)".utf8))
        let tag = "\"" + digest.prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
        if headers[.ifNoneMatch].contains(where: { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains(tag) }) {
            return Response(status: .notModified, headers: ["ETag": tag, "Cache-Control": "private, no-cache"])
        }
        let response = try await build()
        if response.status == .ok {
            response.headers.replaceOrAdd(name: .eTag, value: tag)
            response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        }
        return response
    }
}
