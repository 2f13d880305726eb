import Fluent
import SQLKit
import Vapor

/// Vapor writes the session back after every request; this driver writes only when the request changed it,
/// which spares the database one write per page view. Reading still goes to the database each time, so several
/// app servers share sessions as before.
struct QuietSessionDriver: SessionDriver {
    let base: any SessionDriver

    private struct AsRead: StorageKey { typealias Value = [SessionID: SessionData] }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        read(sessionID, for: request).map { data in
            if let data {
                var read = request.storage[AsRead.self] ?? [:]
                read[sessionID] = data
                request.storage[AsRead.self] = read
            }
            return data
        }
    }

    /// The row read plainly (every request reads it, and decoding it as a Fluent model cost more than the query).
    private func read(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        guard let sql = request.db as? SQLDatabase else { return base.readSession(sessionID, for: request) }
        struct Row: Decodable { let data: SessionData }
        return sql.select().column("data").from(SessionRecord.schema).where("key", .equal, sessionID.string)
            .first(decoding: Row.self).map { $0?.data }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID>
    {
        if request.storage[AsRead.self]?[sessionID] == data { return request.eventLoop.makeSucceededFuture(sessionID) }
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
