import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Fluent
import Foundation
import Testing

@Suite("Records written in bulk")
struct BulkInsertTests {
    @Test("Each bulk-insertable record names exactly the fields Fluent knows it by")
    func columnsAreTheRecordsFields() {
        func check<R: BulkInsertable>(_ type: R.Type) {
            #expect(R.keys.map(\.description).sorted() == R.bulkColumns.sorted(), "\(R.schema)")
        }
        check(ProjectRecord.self)
        check(ReturnRecord.self)
        check(ReturnMilestoneRecord.self)
        check(ProjectAttributeRecord.self)
        check(AuditRecord.self)
    }

    @Test(
        "Given the same values, a record inserted in bulk reads back as the one Fluent created",
        arguments: Backend.all)
    func sameAsFluent(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let (_, october) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: "CDG Priorities")
            let programme = try #require(try await ProgrammeRecord.query(on: db).first())
            let at = Date(timeIntervalSince1970: 1_480_000_000.25)
            func project(_ reference: String) -> ProjectRecord {
                let record = ProjectRecord()
                record.$programme.id = programme.id!
                record.reference = reference
                record.title = "Bulk — “quoted” & <escaped>"
                record.projectTimescale = "2017/18"
                record.sortOrder = 99_000
                record.version = 1
                return record
            }
            func ret(_ projectID: UUID) -> ReturnRecord {
                let record = ReturnRecord()
                record.$period.id = october.id
                record.$project.id = projectID
                record.rating = "Amber"
                record.update = "Update"
                record.mitigation = ""
                record.submittedBy = "Jane"
                record.submittedAt = at
                record.version = 1
                record.revision = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
                record.state = ReturnState.submitted.rawValue
                record.carriedPeriods = 2
                return record
            }
            // given two projects and returns with the same values, one created by Fluent and one inserted in bulk
            let (viaFluent, inBulk) = (project("BULK1"), project("BULK2"))
            try await viaFluent.create(on: db)
            try await [inBulk].insert(on: db)
            let (fluentReturn, bulkReturn) = (ret(viaFluent.id!), ret(inBulk.id!))
            try await fluentReturn.create(on: db)
            try await [bulkReturn].insert(on: db)
            let line = MilestoneLine(title: "Go live", date: "Jun-17", rating: "Green")
            try await ReturnMilestoneRecord(returnID: fluentReturn.id!, position: 0, line: line).create(on: db)
            try await [ReturnMilestoneRecord(returnID: bulkReturn.id!, position: 0, line: line)].insert(on: db)
            // when both are read back by Fluent
            let projects = try await ProjectRecord.query(on: db).filter(\.$reference ~~ ["BULK1", "BULK2"])
                .sort(\.$reference).all()
            let returns = try await ReturnRecord.query(on: db).filter(\.$project.$id ~~ [viaFluent.id!, inBulk.id!])
                .with(\.$milestones).all()
            // then every value but the ids is the same
            #expect(projects.count == 2 && returns.count == 2)
            let withoutIDs = { (values: [any Encodable & Sendable]) in values.dropFirst().map { "\($0)" } }
            #expect(projects.map(\.reference) == ["BULK1", "BULK2"])
            let project = { (record: ProjectRecord) in withoutIDs(record.bulkValues).filter { !$0.contains("BULK") } }
            #expect(project(projects[0]) == project(projects[1]))
            let (a, b) = (
                try #require(returns.first { $0.$project.id == viaFluent.id }),
                try #require(returns.first { $0.$project.id == inBulk.id })
            )
            #expect(Array(withoutIDs(a.bulkValues).dropFirst(2)) == Array(withoutIDs(b.bulkValues).dropFirst(2)))
            #expect(b.submittedAt == at)
            let milestone = { (record: ReturnMilestoneRecord) in Array(withoutIDs(record.bulkValues).dropFirst()) }
            #expect(a.milestones.map(milestone) == b.milestones.map(milestone))
            #expect(b.milestones.first?.dueBy == a.milestones.first?.dueBy && b.milestones.first?.dueBy != nil)
        }
    }
}
