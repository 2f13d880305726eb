import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Fluent
import Foundation
import Testing

@Suite("A published period is frozen")
struct FreezeTests {
    @Test("Its pages are identical after a project is renamed, moved and its SRO replaced", arguments: Backend.all)
    func publishedReportSurvivesStructureChanges(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given the published June 2016 dashboard
            try await DemoLoader.load(db, cost: testBcryptCost)
            let (portfolio, june) = try await Catalogue.findPeriod(
                db, key: "2016-06", portfolio: "Transformation Programme")
            let before = try await Reports.report(db, periodID: june.id)
            let pcbc = try #require(before.row(title: "PCBC"))
            let assurance = try #require(
                try await Catalogue.programmes(db, portfolioID: portfolio.info.id).first { $0.name == "Assurance" })
            // when PCBC is renamed, moved to Assurance and given a new SRO
            let detail = try await Structure.project(db, id: pcbc.project.id)
            try await Structure.updateProject(
                db, .commandLine("test"), id: pcbc.project.id,
                changes: ProjectChanges(
                    reference: "TR001", title: "Pre-consultation business case", sro: "Tim Goodson", lead: nil,
                    programmeID: assurance.id, baseVersion: detail.version))
            // then June still reads exactly as published
            let after = try await Reports.report(db, periodID: june.id)
            #expect(after == before)
            #expect(ProgrammeDashboard.summary(after).textRows == ProgrammeDashboard.summary(before).textRows)
            #expect(after.row(title: "PCBC")?.project.sro == "Phil Richardson")
            // and a new period sees the new structure
            let august = try await PeriodLifecycle.create(
                db, .commandLine("test"), portfolioID: portfolio.info.id, key: "2016-08")
            let live = try await Reports.report(db, periodID: august.id)
            let moved = try #require(live.row(title: "Pre-consultation business case"))
            #expect(moved.project.sro == "Tim Goodson")
            #expect(
                live.programmes.first { $0.programme.name == "Assurance" }?.projects.contains {
                    $0.project.id == moved.project.id
                } == true)
        }
    }

    @Test("Every write into a published period is refused", arguments: Backend.all)
    func writesAreRefused(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let (_, june) = try await Catalogue.findPeriod(db, key: "2016-06", portfolio: "Transformation Programme")
            let before = try await Reports.report(db, periodID: june.id)
            let pcbc = try #require(before.row(title: "PCBC"))
            let form = ReturnForm(rating: "Red", update: "late edit", mitigation: "", milestones: [], baseVersion: 1)
            await #expect(throws: DomainError.frozen("Period June 2016")) {
                try await Returns.save(
                    db, .commandLine("test"), periodID: june.id, projectID: pcbc.project.id, form: form)
            }
            await #expect(throws: DomainError.frozen("Period June 2016")) {
                try await PeriodLifecycle.open(db, .commandLine("test"), periodID: june.id)
            }
            await #expect(throws: DomainError.frozen("Period June 2016")) {
                try await PeriodLifecycle.publish(db, .commandLine("test"), periodID: june.id, missing: .block)
            }
            #expect(try await Reports.report(db, periodID: june.id) == before)
        }
    }
}
