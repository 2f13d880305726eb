import AssureApp
import AssureStorage
import Fluent
import Foundation
import SQLKit
import Vapor

/// The databases every storage and web test runs against. PostgreSQL is included when
/// ASSURE_TEST_POSTGRES_URL names a server (as .ci/run does), or when ASSURE_REQUIRE_POSTGRES=1 makes its absence a failure.
public enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres
    public var description: String { rawValue }

    public static var all: [Backend] {
        let env = ProcessInfo.processInfo.environment
        let wantsPostgres = env["ASSURE_TEST_POSTGRES_URL"] != nil || env["ASSURE_REQUIRE_POSTGRES"] == "1"
        return wantsPostgres ? [.sqlite, .postgres] : [.sqlite]
    }
}

public struct TestDatabaseError: Error, CustomStringConvertible {
    public let description: String
}

/// Runs `body` with a brand-new, empty database of that backend, removed afterwards.
public func withDatabaseTarget(_ backend: Backend, _ body: (DatabaseTarget) async throws -> Void) async throws {
    switch backend {
    case .sqlite:
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "assure-test-\(UUID().uuidString).sqlite"
        ).path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await body(.sqlite(path: path))
    case .postgres:
        guard let base = ProcessInfo.processInfo.environment["ASSURE_TEST_POSTGRES_URL"],
            var components = URLComponents(string: base)
        else {
            throw TestDatabaseError(
                description:
                    "ASSURE_TEST_POSTGRES_URL is not set: PostgreSQL tests need a server (bash .ci/run starts one)")
        }
        let name = "assure_t_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        try await administer(base) { try await $0.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
        components.path = "/\(name)"
        do {
            try await body(.postgres(url: components.string!))
        } catch {
            try? await administer(base) {
                try await $0.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            }
            throw error
        }
        try await administer(base) { try await $0.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run() }
    }
}

private func administer(_ url: String, _ work: (SQLDatabase) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        app.databases.use(try Storage.configuration(for: .postgres(url: url)), as: .psql)
        try await work(app.db as! SQLDatabase)
    } catch {
        try await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// Runs `body` with a migrated, empty database of that backend.
public func withStorage(_ backend: Backend, _ body: (Database) async throws -> Void) async throws {
    try await withDatabaseTarget(backend) { target in
        try await Storage.withDatabase(target, body)
    }
}

/// Bcrypt's lowest cost: tests check that hashing happens, not how slow it is.
public let testBcryptCost = 4

/// Seed tables copied verbatim from ../shared/seeds into Tests/Fixtures/seeds (004 lines 20–46, 000 lines 18–40),
/// as text pasted from the paper.
public func seedTable(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seeds/\(name).txt")
    return try String(contentsOf: url, encoding: .utf8)
}
