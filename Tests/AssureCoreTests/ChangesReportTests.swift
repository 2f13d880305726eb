import AssureCore
import AssureDemo
import Foundation
import Testing

@Suite("What changed between two periods")
struct ChangesReportTests {
    let june = PeriodReportBuilder.build(TransformationDashboard2016Fixture.june)
    let july = PeriodReportBuilder.build(TransformationDashboard2016Fixture.july)

    @Test("June → July 2016: rating changes with direction, and milestones moved with days")
    func juneToJuly() {
        // when
        let changes = ChangesReport.compare(from: june, to: july)
        // then
        func titles(_ kind: ChangesReport.Change.Kind) -> [String] {
            changes.filter { $0.kind == kind }.map(\.project.title)
        }
        #expect(
            titles(.declined) == [
                "Mental Health Acute Care Pathway", "NHSE Stage II assurance and Investment Committee",
            ])
        #expect(
            titles(.improved) == [
                "PCBC", "Communication and Engagement", "CWGs",
                "Development of proposals for integrated community services",
            ])
        #expect(changes.first { $0.project.title == "PCBC" }?.detail == "↑ Amber → Green")
        #expect(
            changes.first { $0.project.title == "Communication and Engagement" && $0.kind == .improved }?.detail
                == "↑ Red → Amber")
        #expect(
            changes.contains {
                $0.kind == .milestoneMoved && $0.detail == "“Stage 3: Modelling”: 03-Aug-16 → 17-Aug-16 (14 days later)"
            })
        #expect(titles(.added).isEmpty && titles(.closed).isEmpty && titles(.moved).isEmpty)
        // the counts come first
        let tables = ChangesReport.tables(.init(from: june, to: july))
        #expect(tables[0].textRows.first { $0[0] == "Ratings declined" }?[1] == "2")
        #expect(tables[1].rows.count == changes.count)
    }

    @Test("A project renamed, moved, added or removed between periods")
    func structureChanges() throws {
        // given July with PCBC renamed and moved, and a project removed and one added
        var data = TransformationDashboard2016Fixture.july
        let pcbc = try #require(data.projects.firstIndex { $0.title == "PCBC" })
        let assurance = try #require(data.programmes.first { $0.name == "Assurance" })
        data.projects[pcbc].title = "Pre-consultation business case"
        data.projects[pcbc].programmeID = assurance.id
        data.projects.removeAll { $0.title == "CWGs" }
        data.projects.append(
            ProjectInfo(id: UUID(), programmeID: assurance.id, reference: "AS099", title: "New assurance work"))
        // when
        let changes = ChangesReport.compare(from: june, to: PeriodReportBuilder.build(data))
        // then
        #expect(changes.contains { $0.kind == .renamed && $0.detail == "Was “PCBC”." })
        #expect(changes.contains { $0.kind == .moved && $0.detail == "From Transformation to Assurance." })
        #expect(changes.contains { $0.kind == .closed && $0.project.title == "CWGs" })
        #expect(changes.contains { $0.kind == .added && $0.project.reference == "AS099" })
    }

    @Test("Comparing a period with itself finds nothing")
    func noChange() {
        #expect(ChangesReport.compare(from: july, to: july).isEmpty)
    }
}
