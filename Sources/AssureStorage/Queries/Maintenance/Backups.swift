import AssureCore
import FluentKit
import Foundation
import SQLKit

/// Backups of an SQLite database taken while it is in use, restoring them, and every table as JSON.
public enum Backups {
    /// A consistent copy of the open SQLite database (`VACUUM INTO`), taken while others read and write it.
    public static func backup(_ db: Database, to path: String) async throws {
        guard let sql = db as? SQLDatabase, sql.dialect.name == "sqlite" else {
            throw DomainError.invalid([
                "database":
                    "For PostgreSQL, back up with pg_dump (pg_dump --format=custom --file=assure.dump URL) and restore with pg_restore: they copy a live database consistently."
            ])
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw DomainError.invalid([
                "output": "\(path) already exists: choose a new file, so no backup is overwritten."
            ])
        }
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }

    /// Checks a backup (integrity, that it is an Assure database, brought up to the current schema) on a copy, then
    /// puts it in place of `target` in one rename. An existing target is only replaced when `replace` is true.
    public static func restore(from backup: String, to target: String, replace: Bool) async throws -> Int {
        let files = FileManager.default
        guard files.fileExists(atPath: backup) else { throw DomainError.notFound("backup file \(backup)") }
        if files.fileExists(atPath: target), !replace {
            throw DomainError.invalid([
                "database": "\(target) exists: pass --replace to overwrite it (stop the server first)."
            ])
        }
        let staging = target + ".restoring"
        for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: staging + suffix) }
        try files.copyItem(atPath: backup, toPath: staging)
        let tables: Int
        do {
            // Before anything is migrated: an Assure database has Fluent's list of migrations with Assure's first in it.
            let isAssure = try await withUnmigrated(.sqlite(path: staging)) { sql in
                struct Count: Decodable { let n: Int }
                let table =
                    try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = '_fluent_migrations'")
                    .first(decoding: Count.self)?.n ?? 0
                guard table == 1 else { return false }
                return
                    (try await sql.raw(
                        "SELECT COUNT(*) AS n FROM _fluent_migrations WHERE name LIKE '%M001_CreateOrganisationsAndPeople'"
                    )
                    .first(decoding: Count.self)?.n ?? 0) == 1
            }
            guard isAssure else {
                throw DomainError.invalid([
                    "backup": "\(backup) is not an Assure database (it has no Assure migrations)."
                ])
            }
            tables = try await Storage.withOpenDatabase(.sqlite(path: staging), migrations: Storage.migrations) { db in
                let sql = try db.sql()
                struct Check: Decodable { let integrity_check: String }
                let check = try await sql.raw("PRAGMA integrity_check").first(decoding: Check.self)?.integrity_check
                guard check == "ok" else {
                    throw DomainError.invalid(["backup": "\(backup) is damaged: \(check ?? "no answer")."])
                }
                return try await tableNames(sql).count
            }
        } catch let error as DomainError {
            for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: staging + suffix) }
            throw error
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: staging + suffix) }
            throw DomainError.invalid(["backup": "\(backup) is not an Assure SQLite database (\(error))."])
        }
        for suffix in ["-wal", "-shm"] { try? files.removeItem(atPath: target + suffix) }
        if files.fileExists(atPath: target) {
            _ = try files.replaceItemAt(URL(fileURLWithPath: target), withItemAt: URL(fileURLWithPath: staging))
        } else {
            try files.moveItem(atPath: staging, toPath: target)
        }
        return tables
    }

    /// Every table but the sessions, sign-in attempts and API tokens, each row as a JSON object (column → value), rows in the order of their text;
    /// password hashes are left out. For moving off the product.
    public static func exportAll(_ db: Database) async throws -> [String: [String]] {
        let sql = try db.sql()
        var result: [String: [String]] = [:]
        struct JSONRow: Decodable { let j: String }
        for table in try await tableNames(sql)
        where !["_fluent_sessions", "_fluent_migrations", "login_attempts", "api_tokens", "api_idempotency_keys"].contains(table) {
            let rows: [JSONRow]
            if sql.dialect.name == "postgresql" {
                rows = try await sql.raw("SELECT row_to_json(t)::text AS j FROM \(ident: table) t ORDER BY 1").all(
                    decoding: JSONRow.self)
            } else {
                struct Column: Decodable { let name: String }
                let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all(
                    decoding: Column.self
                ).map(\.name)
                let pairs = columns.map { "'\($0)', \"\($0)\"" }.joined(separator: ", ")
                rows = try await sql.raw("SELECT json_object(\(unsafeRaw: pairs)) AS j FROM \(ident: table) ORDER BY 1")
                    .all(decoding: JSONRow.self)
            }
            result[table] = rows.map(\.j).map { table == "users" ? withoutPasswordHash($0) : $0 }
        }
        return result
    }

    static func withoutPasswordHash(_ json: String) -> String {
        guard var object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return json
        }
        object["password_hash"] = nil
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map {
            String(decoding: $0, as: UTF8.self)
        } ?? json
    }

    /// Opens a database without migrating it, to look at it as it is.
    static func withUnmigrated<T: Sendable>(
        _ target: DatabaseTarget, _ body: (SQLDatabase) async throws -> T
    ) async throws -> T {
        try await Storage.withOpenDatabase(target) { database in
            guard let sql = database as? SQLDatabase else {
                throw DomainError.invalid(["database": "not an SQL database"])
            }
            return try await body(sql)
        }
    }

    static func tableNames(_ sql: SQLDatabase) async throws -> [String] {
        struct Name: Decodable { let name: String }
        if sql.dialect.name == "postgresql" {
            return try await sql.raw(
                "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
            )
            .all(decoding: Name.self).map(\.name)
        }
        return try await sql.raw(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        .all(decoding: Name.self).map(\.name)
    }
}
