import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Foundation
import Testing

/// The PMO's account changes from the command line, with the same rules and audit as the web.
@Suite("Users from the command line", .serialized)
struct UserCommandTests {
    @Test(
        "assure user change, disable and enable: the role and programmes change, a disabled user's token ends, each audited",
        arguments: Backend.all)
    func changeDisableEnable(backend: Backend) async throws {
        try await withDatabaseTarget(backend) { target in
            // given the demo, and a token of Phil's
            try await Child.run(["demo"], target)
            let token = try await Storage.withDatabase(target) { db in
                try await APITokens.create(
                    db, .commandLine("test"), for: try await Users.id(db, email: "phil.richardson@assure.demo"),
                    name: "sheet", scope: .read
                ).secret
            }
            // when the PMO makes Jane an editor of Transformation too
            let changed = try await Child.capture(
                [
                    "user", "change", "--email", "jane.brennan@assure.demo", "--role", "editor",
                    "--programme", "Maternity and Family Health", "--programme", "Transformation",
                ], target)
            #expect(changed.status == 0, "\(changed.errors)")
            #expect(
                changed.output.contains("Jane Brennan is now editor for Maternity and Family Health, Transformation."))
            // a programme that does not exist is named, and nothing changes
            let unknown = try await Child.capture(
                [
                    "user", "change", "--email", "jane.brennan@assure.demo", "--role", "editor",
                    "--programme", "Dentistry",
                ], target)
            #expect(unknown.status != 0 && unknown.errors.contains("no programme is called Dentistry"))
            // when Phil is disabled, his token stops and he cannot sign in
            #expect(
                try await Child.capture(["user", "disable", "--email", "phil.richardson@assure.demo"], target).status
                    == 0)
            let (tokenWorks, philSignsIn, janesProgrammes) = try await Storage.withDatabase(target) { db in
                (
                    try await APITokens.authenticate(db, secret: token) != nil,
                    try await Users.authenticate(
                        db, email: "phil.richardson@assure.demo", password: DemoLoader.adminPassword) != nil,
                    try await Users.summary(db, email: "jane.brennan@assure.demo").programmes
                )
            }
            #expect(!tokenWorks && !philSignsIn)
            #expect(janesProgrammes == ["Maternity and Family Health", "Transformation"])
            let listed = try await Child.capture(["user", "list"], target)
            #expect(
                listed.output.split(separator: "\n").contains {
                    $0.hasPrefix("phil.richardson@assure.demo") && $0.hasSuffix("disabled")
                })
            // when enabled, he signs in again
            #expect(
                try await Child.capture(["user", "enable", "--email", "phil.richardson@assure.demo"], target).status
                    == 0)
            let (signsIn, actions) = try await Storage.withDatabase(target) { db in
                (
                    try await Users.authenticate(
                        db, email: "phil.richardson@assure.demo", password: DemoLoader.adminPassword) != nil,
                    try await AuditLog.recent(db).filter { $0.entity == "user" }.map(\.action)
                )
            }
            #expect(signsIn)
            #expect(actions.contains("change-access") && actions.contains("disable") && actions.contains("enable"))
        }
    }
}
