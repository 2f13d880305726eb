import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Fluent
import Testing

@Suite("Setting up a portfolio by hand")
struct StructureTests {
    @Test(
        "Portfolio, programme, project and sub-item appear in the next period's report, in order",
        arguments: Backend.all)
    func buildAPortfolio(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given an empty database and the PMO
            let pmo = Actor.commandLine("test")
            let portfolio = try await Structure.createPortfolio(db, pmo, name: "Dorset ICS", scale: .fivePoint)
            let maternity = try await Structure.createProgramme(
                db, pmo, portfolioID: portfolio.id, name: "Maternity",
                kind: .clinicalDeliveryGroup, clinicalLead: "Karen Kirkham",
                headOfService: "Jane Brennan")
            let mat001 = try await Structure.createProject(
                db, pmo, programmeID: maternity.id, reference: "MAT001",
                title: "Acute network", sro: "Phil Richardson", lead: nil)
            let mat002 = try await Structure.createProject(
                db, pmo, programmeID: maternity.id, reference: "MAT002",
                title: "Children's community services", sro: nil, lead: "Jane Brennan")
            // when a sub-item is added to MAT001 after MAT002 exists
            _ = try await Structure.createProject(
                db, pmo, programmeID: maternity.id, parentID: mat001.id, reference: nil,
                title: "Paediatric pathway", sro: nil, lead: nil)
            let period = try await PeriodLifecycle.create(db, pmo, portfolioID: portfolio.id, key: "2018-03")
            // then the report lists both projects, the sub-item under MAT001, with the programme's leads
            let report = try await Reports.report(db, periodID: period.id)
            #expect(report.portfolio.scale.kind == .fivePoint)
            #expect(report.programmes.first?.programme.clinicalLead == "Karen Kirkham")
            #expect(report.allRows.map(\.project.reference) == ["MAT001", "MAT002"])
            #expect(report.row(reference: "MAT001")?.children.map(\.project.title) == ["Paediatric pathway"])
            #expect(report.row(reference: "MAT001")?.project.sro == "Phil Richardson")
            #expect(report.row(reference: "MAT002")?.project.id == mat002.id)
            #expect(try await AuditLog.recent(db).filter { $0.action == "create" }.count == 6)
        }
    }

    @Test("Duplicates, blanks and people without the right are refused", arguments: Backend.all)
    func refusals(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let pmo = Actor.commandLine("test")
            let portfolio = try await Structure.createPortfolio(db, pmo, name: "Dorset ICS", scale: .threePoint)
            let programme = try await Structure.createProgramme(
                db, pmo, portfolioID: portfolio.id, name: "Urgent Care", kind: .programme)
            _ = try await Structure.createProject(
                db, pmo, programmeID: programme.id, reference: "UE001", title: "Hub", sro: nil, lead: nil)
            await #expect(throws: DomainError.self) {
                try await Structure.createPortfolio(db, pmo, name: "Dorset ICS", scale: .threePoint)
            }
            await #expect(throws: DomainError.self) {
                try await Structure.createPortfolio(db, pmo, name: "  ", scale: .threePoint)
            }
            await #expect(throws: DomainError.self) {
                try await Structure.createProgramme(
                    db, pmo, portfolioID: portfolio.id, name: "Urgent Care", kind: .programme)
            }
            await #expect(throws: DomainError.self) {
                try await Structure.createProject(
                    db, pmo, programmeID: programme.id, reference: "UE001", title: "Again", sro: nil, lead: nil)
            }
            let otherEditor = Actor(userID: nil, name: "Other", role: .editor, programmeIDs: [])
            await #expect(throws: DomainError.self) {
                try await Structure.createProject(
                    db, otherEditor, programmeID: programme.id, reference: nil, title: "Sneaky", sro: nil, lead: nil)
            }
            let ownEditor = Actor(userID: nil, name: "Lead", role: .editor, programmeIDs: [programme.id])
            _ = try await Structure.createProject(
                db, ownEditor, programmeID: programme.id, reference: "UE002", title: "Falls", sro: nil, lead: nil)
            await #expect(throws: DomainError.self) {
                try await Structure.createProgramme(
                    db, ownEditor, portfolioID: portfolio.id, name: "Mine", kind: .programme)
            }
        }
    }
}
