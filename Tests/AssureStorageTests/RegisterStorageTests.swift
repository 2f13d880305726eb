import AssureApp
import AssureCore
import AssureDemo
import AssureInterchange
import AssureStorage
import AssureTestSupport
import Fluent
import Testing

@Suite("Glossary, business cases and funding rounds in the database")
struct RegisterStorageTests {
    let admin = Actor.commandLine("register-test")

    @Test(
        "The demo database reproduces seed 002's prioritisation and allocation tables and its abbreviations",
        arguments: Backend.all)
    func demoMatchesSeed(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let set = try #require(try await Prioritisations.all(db).first)
            #expect(set.table.textRows == GoverningBody2018.prioritisation.table.textRows)
            #expect(set.table.textRows.map(\.last) == ["12", "14", "13", "15"])
            let round = try #require(try await FundingRounds.all(db).first)
            #expect(round.table.textRows == GoverningBody2018.funding.table.textRows)
            #expect(round.total == Money(pounds: 6_130_000) && round.envelope == Money(pounds: 6_800_000))
            #expect(try await GlossaryEntries.all(db).count == 33)
        }
    }

    @Test("Bad input is refused and loses nothing; an over-allocation is kept and shown", arguments: Backend.all)
    func badInput(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let set = try #require(try await Prioritisations.all(db).first)
            let transport = try #require(set.cases.first { $0.name == "Integrated Transport" })
            // a rating outside H/M/L
            await #expect(
                throws: DomainError.invalid(["rating-Quality": "“Excellent” is not a rating: use H, M or L."])
            ) {
                try await Prioritisations.saveCase(
                    db, admin, setID: set.id, caseID: transport.id, name: transport.name,
                    ratings: ["Quality": "Excellent"], baseVersion: transport.version)
            }
            // a save from a version read before someone else's
            let changed = try await Prioritisations.saveCase(
                db, admin, setID: set.id, caseID: transport.id, name: transport.name,
                ratings: ["Quality": "L", "Access": "H"], baseVersion: transport.version)
            #expect(changed.version == transport.version + 1)
            await #expect(throws: DomainError.self) {
                try await Prioritisations.saveCase(
                    db, admin, setID: set.id, caseID: transport.id, name: "Overwrite", ratings: [:],
                    baseVersion: transport.version)
            }
            #expect(
                try await Prioritisations.all(db).first?.cases.first { $0.id == transport.id }?.name
                    == "Integrated Transport")
            // an allocation that pushes the total past the envelope is allowed, and the round says so
            let round = try #require(try await FundingRounds.all(db).first)
            let over = try await FundingRounds.allocate(
                db, admin, roundID: round.id, label: "Digital", amount: "£1,000,000", comment: "")
            #expect(over.isOver && over.headroom == Money(pounds: -330_000))
            await #expect(throws: DomainError.self) {
                try await FundingRounds.allocate(
                    db, admin, roundID: round.id, label: "Digital", amount: "a lot", comment: "")
            }
            // the glossary refuses a second entry for an abbreviation, and a viewer
            await #expect(throws: DomainError.invalid(["abbreviation": "STP is already in the glossary."])) {
                try await GlossaryEntries.save(db, admin, abbreviation: "STP", expansion: "Something else")
            }
            let viewer = Actor(userID: nil, name: "Board", role: .viewer)
            await #expect(throws: DomainError.self) {
                try await GlossaryEntries.save(db, viewer, abbreviation: "XYZ", expansion: "X")
            }
            #expect(
                try await AuditLog.recent(db, limit: 10).contains {
                    $0.entity == "funding-round" && $0.action == "allocate"
                })
        }
    }
}

@Suite("The risk register in the database")
struct RiskStorageTests {
    let admin = Actor.commandLine("risk-test")

    static func input(_ risk: Risk, severity: String? = nil, likelihood: String? = nil) -> RiskInput {
        RiskInput(
            section: risk.section, level: risk.level, scope: risk.scope, description: risk.description,
            severity: severity ?? risk.severity,
            likelihood: likelihood ?? risk.likelihood, mitigation: risk.mitigation, owner: "Paul Vater",
            references: risk.references.joined(separator: "; "), status: risk.status, reviewDate: "2017-01-31")
    }

    @Test(
        "The demo reproduces seed 001's table; a review is kept in the history; bad and stale saves change nothing",
        arguments: Backend.all)
    func reviews(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let register = try #require(try await RiskRegisters.all(db).first)
            #expect(register.table.textRows == RiskRegister2016.register.table.textRows)
            let control = try #require(
                register.risks.first { $0.description.hasPrefix("Failure to deliver control total") })
            #expect(control.references == ["Corporate Risk Register FIN21"])
            // a likelihood off the scale is refused
            await #expect(
                throws: DomainError.invalid(["likelihood": "“Very likely” is not on this register's scale (H, M, L)."])
            ) {
                try await RiskRegisters.saveRisk(
                    db, admin, registerID: register.id, riskID: control.id,
                    input: Self.input(control, likelihood: "Very likely"), baseVersion: control.version)
            }
            // a review raising the likelihood is saved and kept in the history
            let reviewed = try await RiskRegisters.saveRisk(
                db, admin, registerID: register.id, riskID: control.id,
                input: Self.input(control, likelihood: "high"), baseVersion: control.version)
            #expect(
                reviewed.likelihood == "H" && reviewed.owner == "Paul Vater"
                    && reviewed.reviewDate == CalendarDate(year: 2017, month: 1, day: 31))
            let history = try await RiskRegisters.history(db, riskID: control.id)
            #expect(history.map(\.likelihood) == ["M", "H"])
            // a save from the version before that review is a conflict
            await #expect(throws: DomainError.self) {
                try await RiskRegisters.saveRisk(
                    db, admin, registerID: register.id, riskID: control.id, input: Self.input(control),
                    baseVersion: control.version)
            }
            #expect(try await RiskRegisters.all(db).first?.risks.first { $0.id == control.id }?.likelihood == "H")
            #expect(try await AuditLog.recent(db, limit: 5).contains { $0.entity == "risk" && $0.action == "update" })
        }
    }

    @Test("Two reviews at once from the same version: one is kept, the other is a conflict", arguments: Backend.all)
    func simultaneousReviews(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let register = try #require(try await RiskRegisters.all(db).first)
            let riskID = try #require(register.risks.first?.id)
            for round in 1...5 {
                // given the risk as two people read it
                let read = try #require(try await RiskRegisters.all(db).first?.risks.first { $0.id == riskID })
                // when both save a review from that version at the same moment
                async let first = Self.outcome {
                    try await RiskRegisters.saveRisk(
                        db, admin, registerID: register.id, riskID: riskID, input: Self.input(read, severity: "H"),
                        baseVersion: read.version)
                }
                async let second = Self.outcome {
                    try await RiskRegisters.saveRisk(
                        db, admin, registerID: register.id, riskID: riskID, input: Self.input(read, severity: "L"),
                        baseVersion: read.version)
                }
                let outcomes = await [first, second]
                // then exactly one is saved and the other is told someone else reviewed it
                #expect(outcomes.filter { $0 == "saved" }.count == 1, "round \(round): \(outcomes)")
                #expect(outcomes.filter { $0 == "conflict" }.count == 1, "round \(round): \(outcomes)")
                let now = try #require(try await RiskRegisters.all(db).first?.risks.first { $0.id == riskID })
                #expect(now.version == read.version + 1, "one review, one new version")
            }
        }
    }

    private static func outcome(_ save: () async throws -> Risk) async -> String {
        do {
            _ = try await save()
            return "saved"
        } catch DomainError.conflict {
            return "conflict"
        } catch {
            return "\(error)"
        }
    }
}

@Suite("Key deliverables in the database")
struct DeliverableStorageTests {
    @Test("The demo reproduces seed 001's matrices; a change is kept, a stale one refused", arguments: Backend.all)
    func deliverables(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let stored = try await KeyDeliverables.all(db)
            #expect(
                DeliverablesReport.tables(stored).map(\.textRows)
                    == DeliverablesReport.tables(Deliverables2016.all).map(\.textRows))
            let item = try #require(stored.first)
            let admin = Actor.commandLine("deliverable-test")
            let changed = try await KeyDeliverables.save(
                db, admin, id: item.id, programme: item.programme, workstream: "", title: item.title,
                years: ["17/18", "18/19"], status: .onTrack, baseVersion: item.version)
            #expect(changed.years.count == 2 && changed.status == .onTrack)
            await #expect(throws: DomainError.self) {
                try await KeyDeliverables.save(
                    db, admin, id: item.id, programme: item.programme, workstream: "", title: "Stale",
                    years: ["17/18"], status: .delivered, baseVersion: item.version)
            }
            await #expect(throws: DomainError.invalid(["years": "“next year” is not a financial year: write 17/18."])) {
                try await KeyDeliverables.save(
                    db, admin, programme: "P", workstream: "", title: "T", years: ["next year"], status: .notStarted)
            }
        }
    }
}

@Suite("Committees and meetings in the database")
struct MeetingStorageTests {
    let admin = Actor.commandLine("meeting-test")

    @Test(
        "The demo reproduces seed 003's agenda and forward plan; outcomes and actions are kept; past dates refused for the plan",
        arguments: Backend.all)
    func meetings(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let stored = try await Meetings.all(db)
            #expect(stored.map(\.agenda.textRows) == HealthScrutiny2016.meetings.map(\.agenda.textRows))
            let day = CalendarDate(year: 2016, month: 12, day: 21)!
            #expect(
                ForwardPlan.tables(stored, committee: HealthScrutiny2016.committee, after: day).map(\.textRows)
                    == ForwardPlan.tables(
                        HealthScrutiny2016.meetings, committee: HealthScrutiny2016.committee, after: day
                    ).map(\.textRows))
            #expect(
                try await Meetings.committees(db) == [
                    "Dorset Health Scrutiny Committee", "Governing Body", "System Leadership Team",
                ])
            // an outcome with resolutions, and an action
            let december = try #require(stored.first { $0.date == day })
            let item = try #require(december.items.first { $0.number == "5" })
            try await Meetings.recordOutcome(
                db, admin, itemID: item.id, outcome: "Resolved", resolutions: ["That the strategy be noted."])
            try await Meetings.addAction(
                db, admin, meetingID: december.id, description: "Report back in March", owner: "Sally Sandcraft",
                due: "2017-03-09")
            let after = try #require(try await Meetings.all(db).first { $0.id == december.id })
            #expect(
                after.outcomes.textRows == [
                    [
                        "5", "Draft Primary Care Commissioning Strategy and Plan",
                        "Resolved\n1. That the strategy be noted.",
                    ]
                ])
            #expect(after.actions.map(\.owner) == ["Sally Sandcraft"])
            // a forward-plan meeting dated in the past, and an action with no owner, are refused and add nothing
            await #expect(
                throws: DomainError.invalid(["date": "21 Dec 2016 has passed: a forward plan lists meetings to come."])
            ) {
                try await Meetings.create(
                    db, admin, committee: "System Leadership Team", date: "2016-12-21", time: "", venue: "",
                    members: [],
                    forwardPlan: true, today: CalendarDate(year: 2017, month: 1, day: 1)!)
            }
            await #expect(throws: DomainError.self) {
                try await Meetings.addAction(
                    db, admin, meetingID: december.id, description: "Something", owner: "", due: "")
            }
            #expect(try await Meetings.all(db).count == stored.count)
        }
    }
}

@Suite("Outcome measures in the database")
struct OutcomeStorageTests {
    @Test(
        "The demo's measures are stored; a real actual replaces the illustrative ones; bad values change nothing",
        arguments: Backend.all)
    func outcomes(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let admin = Actor.commandLine("outcome-test")
            let stored = try await Outcomes.all(db)
            #expect(Set(stored.map(\.name)) == Set(Outcomes2016.measures.map(\.name)))
            let stay = try #require(stored.first { $0.unit == "days" })
            #expect(stay.trajectory == Outcomes2016.measures[0].trajectory && stay.actualsAreIllustrative)
            await #expect(
                throws: DomainError.invalid([
                    "period": "Give the period as YYYY-MM.", "value": "“many” is not a number.",
                ])
            ) {
                try await Outcomes.record(db, admin, measureID: stay.id, period: "March", kind: .actual, value: "many")
            }
            try await Outcomes.record(db, admin, measureID: stay.id, period: "2018-03", kind: .actual, value: "27.9")
            let after = try #require(try await Outcomes.all(db).first { $0.id == stay.id })
            #expect(after.actuals == ["2018-03": 27.9] && !after.actualsAreIllustrative)
            #expect(after.rating("2018-03") == "Green")
            #expect(try await AuditLog.recent(db, limit: 3).contains { $0.action == "record-actual" })
        }
    }
}

@Suite("The governing-body paper from the database")
struct PaperStorageTests {
    @Test(
        "The demo's March 2018 paper goes to the meeting that follows; it is the same bytes after the structure changes; drafts are refused",
        arguments: Backend.all)
    func paper(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let admin = Actor.commandLine("paper-test")
            let (portfolio, period) = try await Catalogue.findPeriod(db, key: "2018-03", portfolio: "Our Dorset ICS")
            let first = try await Papers.build(db, periodID: period.id)
            #expect(first.paper.meeting.date == CalendarDate(year: 2018, month: 3, day: 21))
            #expect(first.texts.author == "M Gorman - PMO Assurance Lead")
            let bytes = try DocxWriter.write(first.paper.blocks, title: first.texts.title)
            // when a project of the published period is renamed
            let merger = try #require(
                try await Catalogue.projects(db, portfolioID: portfolio.info.id).first { $0.title == "Merger" })
            let detail = try await Structure.project(db, id: merger.id)
            try await Structure.updateProject(
                db, admin, id: merger.id,
                changes: ProjectChanges(
                    reference: merger.reference, title: "Merger (renamed)",
                    sro: nil, lead: nil, programmeID: merger.programmeID,
                    baseVersion: detail.version))
            // then the paper is the same, to the byte
            let again = try await Papers.build(db, periodID: period.id)
            #expect(try DocxWriter.write(again.paper.blocks, title: again.texts.title) == bytes)
            // a paper needs a published period, and its texts an author
            let (_, open) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: "CDG Priorities")
            await #expect(throws: DomainError.self) { try await Papers.build(db, periodID: open.id) }
            var texts = first.texts
            texts.author = " "
            await #expect(throws: DomainError.invalid(["author": "Give its author."])) {
                try await Papers.saveTexts(
                    db, admin, periodID: period.id, meetingID: first.paper.meeting.id, texts: texts,
                    baseVersion: first.version)
            }
        }
    }
}
