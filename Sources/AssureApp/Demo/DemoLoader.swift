import AssureCore
import AssureDemo
import AssureStorage
import Fluent
import Foundation

/// Writes the demo portfolios (seeds 004 and 000 and their illustrative periods) into an empty database,
/// publishing the published periods through the same path the PMO uses, so their snapshots are real.
public enum DemoLoader {
    public static let adminEmail = "pmo@assure.demo"
    public static let adminPassword = "demo-pmo-2016"
    public static let demoUsers: [(email: String, name: String, role: Role, programmes: [String])] = [
        ("jane.brennan@assure.demo", "Jane Brennan", .editor, ["Maternity and Family Health"]),
        ("phil.richardson@assure.demo", "Phil Richardson", .editor, ["Transformation", "Assurance"]),
        ("karen.kirkham@assure.demo", "Karen Kirkham", .viewer, []),
        ("board@assure.demo", "Board Member", .viewer, []),
    ]

    public static func loadIfEmpty(_ db: Database, cost: Int = 12) async throws -> Bool {
        guard try await PortfolioRecord.query(on: db).count() == 0 else { return false }
        try await load(db, cost: cost)
        return true
    }

    public static func load(_ db: Database, cost: Int = 12) async throws {
        let actor = Actor.commandLine("demo")
        let programmeIDs = try await db.writeTransaction { db in
            var programmeIDs: [String: UUID] = [:]
            let organisation = OrganisationRecord(name: Demo.organisation)
            try await organisation.create(on: db)
            for person in Demo.people {
                let record = PersonRecord(name: person.name, jobTitle: person.jobTitle, organisationID: organisation.id)
                record.email = demoEmail(person.name)
                try await record.create(on: db)
            }
            for portfolio in Demo.portfolios {
                try await write(
                    db, portfolio, organisationID: organisation.requireID(), actor: actor, programmeIDs: &programmeIDs)
            }
            // Seed 002's and 003's registers are the Our Dorset ICS portfolio's: its paper draws on them, no other does.
            let ics = try await PortfolioRecord.query(on: db).filter(\.$name == GoverningBody2018.portfolio.name)
                .first()?.id
            try await writeRegisters(db, portfolioID: ics)
            try await Papers.loadDemo(
                db, portfolio: GoverningBody2018.portfolio.name, periodKey: "2018-03", committee: "Governing Body",
                day: CalendarDate(year: 2018, month: 3, day: 21)!, texts: GoverningBody2018.paperTexts)
            try await AuditLog.record(
                db, actor, "load-demo", entity: "database", id: nil,
                after: ["portfolios": Demo.portfolios.map(\.name)])
            return programmeIDs
        }
        if try await UserRecord.query(on: db).filter(\.$email == adminEmail).first() == nil {
            _ = try await Users.add(
                db, actor, email: adminEmail, name: "Demo PMO", role: .admin, password: adminPassword, cost: cost)
            for user in demoUsers {
                _ = try await Users.add(
                    db, actor, email: user.email, name: user.name, role: user.role, password: adminPassword,
                    programmeIDs: user.programmes.compactMap { programmeIDs[$0] }, cost: cost)
            }
        }
    }

    private static func write(
        _ db: Database, _ demo: DemoPortfolio, organisationID: UUID, actor: Actor,
        programmeIDs: inout [String: UUID]
    ) async throws {
        let portfolio = PortfolioRecord(name: demo.name, scale: demo.scale.rawValue, organisationID: organisationID)
        portfolio.disabledChecks = demo.disabledChecks.map(\.rawValue).sorted().joined(separator: ",")
        try await portfolio.create(on: db)
        var projectIDs: [String: UUID] = [:]
        var order = 0
        for (index, programme) in demo.programmes.enumerated() {
            let record = ProgrammeRecord()
            record.$portfolio.id = try portfolio.requireID()
            record.name = programme.name
            record.kind = programme.kind.rawValue
            record.$clinicalLead.id = try await People.findOrCreate(db, name: programme.clinicalLead)
            record.$headOfService.id = try await People.findOrCreate(db, name: programme.headOfService)
            record.headOfServiceTitle = programme.headOfServiceTitle
            record.sortOrder = index
            try await record.create(on: db)
            programmeIDs[programme.name] = try record.requireID()
            for project in programme.projects {
                order += 1000
                let parent = try await create(db, project, programmeID: record.requireID(), parentID: nil, order: order)
                projectIDs[project.key] = parent
                for (childIndex, child) in project.children.enumerated() {
                    order += 1000
                    projectIDs[project.childKey(childIndex)] = try await create(
                        db, child, programmeID: record.requireID(),
                        parentID: parent, order: order)
                }
            }
        }
        for period in demo.periods {
            let info = try await PeriodLifecycle.create(
                db, actor, portfolioID: portfolio.requireID(), key: period.key,
                asAt: period.asAt, publishOn: period.publishOn, label: period.label,
                illustrative: period.isIllustrative)
            for ret in period.returns {
                guard let projectID = projectIDs[ret.project] else { continue }
                let record = ReturnRecord()
                record.$period.id = info.id
                record.$project.id = projectID
                record.rating = ret.rating
                record.reportedTrend = ret.trend?.rawValue
                record.update = ret.update
                record.mitigation = ret.mitigation
                record.submittedBy = ret.submittedBy
                record.submittedAt = nil
                record.version = 1
                record.revision = UUID.random()
                // The seed papers were published, so their returns were approved; the open period's await review.
                record.state = (period.status == .published ? ReturnState.approved : .submitted).rawValue
                try await record.create(on: db)
                for (position, line) in ret.milestones.enumerated() {
                    try await ReturnMilestoneRecord(returnID: record.requireID(), position: position, line: line)
                        .create(on: db)
                }
            }
            if period.status != .draft { _ = try await PeriodLifecycle.open(db, actor, periodID: info.id) }
            if period.status == .published {
                _ = try await PeriodLifecycle.publish(db, actor, periodID: info.id, missing: .showAsMissing)
                try await PeriodLifecycle.refitForecast(db, periodID: info.id)
            }
        }
    }

    /// Seed 002's glossary, prioritisation and funding round.
    private static func writeRegisters(_ db: Database, portfolioID: UUID?) async throws {
        try await RiskRegisters.load(db, RiskRegister2016.register, by: "demo")
        try await KeyDeliverables.load(db, Deliverables2016.all)
        try await Meetings.load(
            db, committees: HealthScrutiny2016.committees, meetings: HealthScrutiny2016.meetings,
            portfolioID: portfolioID)
        for measure in Outcomes2016.measures { try await Outcomes.write(db, measure) }
        for entry in GoverningBody2018.glossary {
            let record = GlossaryRecord()
            record.abbreviation = entry.abbreviation
            record.expansion = entry.expansion
            try await record.create(on: db)
        }
        let set = CriteriaSetRecord()
        set.name = GoverningBody2018.prioritisation.name
        set.criteriaJSON = try StoredJSON.text(GoverningBody2018.prioritisation.criteria)
        set.$portfolio.id = portfolioID
        try await set.create(on: db)
        for (position, item) in GoverningBody2018.prioritisation.cases.enumerated() {
            let record = BusinessCaseRecord()
            record.$set.id = try set.requireID()
            record.name = item.name
            record.position = position + 1
            record.ratingsJSON = try StoredJSON.text(item.ratings.mapValues(\.rawValue))
            record.version = 1
            try await record.create(on: db)
        }
        let funding = GoverningBody2018.funding
        let round = FundingRoundRecord()
        round.name = funding.name
        round.envelopeLabel = funding.envelopeLabel
        round.envelopePence = Int64(funding.envelope.pence)
        round.version = 1
        round.$portfolio.id = portfolioID
        try await round.create(on: db)
        for (position, allocation) in funding.allocations.enumerated() {
            let record = AllocationRecord()
            record.$round.id = try round.requireID()
            record.label = allocation.label
            record.amountPence = Int64(allocation.amount.pence)
            record.comment = allocation.comment
            record.position = position + 1
            try await record.create(on: db)
        }
    }

    /// "Jane Brennan" → jane.brennan@assure.demo: the demo users sign in with these, which makes them the same people.
    static func demoEmail(_ name: String) -> String {
        name.lowercased().split(separator: " ").joined(separator: ".") + "@assure.demo"
    }

    private static func create(
        _ db: Database, _ project: DemoProject, programmeID: UUID, parentID: UUID?,
        order: Int
    ) async throws -> UUID {
        let record = ProjectRecord()
        record.$programme.id = programmeID
        record.$parent.id = parentID
        record.reference = project.reference
        record.title = project.title
        record.description = project.description
        record.$sro.id = try await People.findOrCreate(db, name: project.sro)
        record.$lead.id = try await People.findOrCreate(db, name: project.lead)
        record.commencement = project.commencement
        record.projectPlan = project.projectPlan
        record.projectTimescale = project.projectTimescale
        record.sortOrder = order
        record.version = 1
        try await record.create(on: db)
        return try record.requireID()
    }
}
