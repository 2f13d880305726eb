import AssureApp
import AssureCore
import AssureInterchange
import AssureOutput
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Registers in the web app")
struct RegisterPageTests {
    @Test("Pages show seed 002's tables with rank and headroom; downloads and the API agree", arguments: Backend.all)
    func pages(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            let cases = try await board.get(Link.businessCases.path).body.string
            #expect(cases.contains("Ageing Well locality support &amp; Healthy Places capacity"))
            #expect(!cases.contains("Set up a prioritisation"), "a viewer has no forms")
            let funding = try await board.get(Link.fundingRounds.path).body.string
            #expect(funding.contains("£6,130,000") && funding.contains("Headroom: £670,000 of £6,800,000."))
            #expect(
                try await board.get(Link.glossary.path).body.string.contains(
                    "South Western Ambulance Service NHS Foundation Trust"))
            let csv = try await board.get(Link.businessCases.path(query: "format=csv")).body.string
            #expect(csv.contains("CHC IT,H,H,H,H,H,15,1"))
            let xlsx = try await board.get(Link.fundingRounds.path(query: "format=xlsx"))
            let cells = try ImportFile.read(Data(buffer: xlsx.body), filename: "f.xlsx").tables.flatMap {
                $0.rows.flatMap { $0.cells.map(\.text) }
            }
            #expect(cells.contains("£6,800,000") && cells.contains("ACS FIC FT"))
            let api = try await board.get(Link.apiFundingRounds.path).body.string
            // money is a decimal string with its currency, as a client's decimal type reads it
            #expect(api.contains("\"isOver\":false"))
            #expect(api.contains(#""envelope":{"amount":"6800000.00","currency":"GBP"}"#), "\(api.prefix(400))")
            #expect(api.contains(#""headroom":{"amount":"670000.00","currency":"GBP"}"#))
            #expect(!api.contains("pence"))
        }
    }

    @Test("An abbreviation is deleted only once the PMO ticks the box confirming it", arguments: Backend.all)
    func glossaryDeletion(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given the PMO on the page of one abbreviation
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let entry = try #require(try await GlossaryEntries.all(app.db).first)
            let page = try await admin.get(Link.glossaryEntry(id: entry.id).path)
            #expect(page.status == .ok && page.body.string.contains("Change \(entry.entry.abbreviation)"))
            // when it presses Delete without ticking the box
            let unconfirmed = try await admin.post(Link.glossaryEntry(id: entry.id).path, ["action": "delete"])
            // then the page comes back saying so, and the entry is still there
            #expect(unconfirmed.status == .unprocessableEntity)
            #expect(
                unconfirmed.body.string.contains(
                    "Tick the box to confirm that \(entry.entry.abbreviation) should be deleted."))
            #expect(try await GlossaryEntries.all(app.db).contains { $0.id == entry.id })
            // when it ticks the box
            let confirmed = try await admin.post(
                Link.glossaryEntry(id: entry.id).path, ["action": "delete", "confirm": "yes"])
            #expect(confirmed.status == .seeOther)
            #expect(!(try await GlossaryEntries.all(app.db).contains { $0.id == entry.id }))
            // and a board member cannot open the page at all
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            #expect(try await board.get(Link.glossaryEntry(id: entry.id).path).status == .forbidden)
        }
    }

    @Test(
        "Forms with bad values come back with the values kept; an over-allocation is saved and flagged",
        arguments: Backend.all)
    func forms(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await admin.get(Link.businessCases.path)
            let bad = try await admin.post(
                Link.addBusinessCase(id: ids.registers.set).path,
                ["name": "Falls <service>", "rating-Quality": "X"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("“X” is not a rating: use H, M or L."))
            #expect(bad.body.string.contains("value=\"Falls &lt;service&gt;\""))
            _ = try await admin.get(Link.fundingRounds.path)
            let badAmount = try await admin.post(
                Link.allocate(id: ids.registers.round).path,
                ["label": "Digital", "amount": "lots", "comment": "kept"])
            #expect(badAmount.status == .unprocessableEntity)
            #expect(badAmount.body.string.contains("value=\"kept\""))
            let over = try await admin.post(
                Link.allocate(id: ids.registers.round).path,
                ["label": "Digital", "amount": "£1,000,000", "comment": ""])
            #expect(over.status == .seeOther)
            #expect(
                try await admin.get(Link.fundingRounds.path).body.string.contains(
                    "Over the envelope by £330,000."))
            // a stale edit of a business case is a conflict, not an overwrite
            _ = try await admin.get(Link.businessCase(id: ids.registers.businessCase).path)
            let first = try await admin.post(
                Link.businessCase(id: ids.registers.businessCase).path,
                ["name": "CHC IT", "rating-Quality": "M", "baseVersion": "1"])
            #expect(first.status == .seeOther)
            let stale = try await admin.post(
                Link.businessCase(id: ids.registers.businessCase).path,
                ["name": "CHC IT", "rating-Quality": "L", "baseVersion": "1"])
            #expect(stale.status == .conflict)
        }
    }
}

@Suite("The risk register in the web app")
struct RiskPageTests {
    @Test(
        "The register shows its heat map and risks; a risk's page its history; a bad review comes back with its values",
        arguments: Backend.all)
    func riskPages(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let page = try await admin.get(Link.risks.path).body.string
            #expect(page.contains("<svg") && page.contains("Heat map: open risks by severity and likelihood"))
            #expect(page.contains("Corporate Risk Register CDG4.1; Corporate Risk Register CDG 4.2"))
            let csv = try await admin.get(Link.risks.path(query: "format=csv")).body.string
            #expect(csv.contains("STP - SYSTEM WIDE RISKS") && csv.contains("RISK,SEVERITY,LIKELIHOOD,MITIGATION"))
            let detail = try await admin.get(Link.risk(id: ids.registers.risk).path).body.string
            #expect(detail.contains("History") && detail.contains("Review this risk"))
            var fields = AuthorisationTests.riskFields(version: "1")
            fields["likelihood"] = "Certain"
            fields["description"] = "Cyber <b>attack</b>"
            let bad = try await admin.post(Link.risk(id: ids.registers.risk).path, fields)
            #expect(bad.status == .unprocessableEntity)
            #expect(
                bad.body.string.contains("“Certain” is not on this register")
                    && bad.body.string.contains("Cyber &lt;b&gt;attack&lt;/b&gt;"))
            let api = try await admin.get(Link.apiRisks.path).body.string
            #expect(api.contains("\"heatMap\":[[0,8,5],[0,3,0],[0,0,0]]"))
        }
    }
}

@Suite("Key deliverables in the web app")
struct DeliverablePageTests {
    @Test("The page shows the ✓ matrices; a form with a bad year comes back with its values", arguments: Backend.all)
    func deliverables(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let page = try await admin.get(Link.deliverables.path).body.string
            #expect(page.contains("Transforming Mental Health - adults: key deliverables") && page.contains("✓"))
            let bad = try await admin.post(
                Link.deliverables.path,
                [
                    "programme": "Prevention at Scale", "workstream": "", "title": "Falls <pathway>",
                    "years": "next year", "status": "not-started",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(
                bad.body.string.contains("“next year” is not a financial year")
                    && bad.body.string.contains("Falls &lt;pathway&gt;"))
            let xlsx = try await admin.get(Link.deliverables.path(query: "format=xlsx"))
            let sheets = try ImportFile.read(Data(buffer: xlsx.body), filename: "d.xlsx").tables
            #expect(sheets.count == 5)
            #expect(
                try await admin.get(Link.apiDeliverables.path).body.string.contains(
                    "Develop diabetes models of care"))
        }
    }
}

@Suite("Meetings in the web app")
struct MeetingPageTests {
    @Test(
        "The forward plan as of the paper's day, a meeting's agenda and resolutions; a past date for the plan comes back with its message",
        arguments: Backend.all)
    func meetings(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let list = try await admin.get(Link.meetings.path(query: "asOf=2016-12-21")).body.string
            #expect(
                list.contains("Forward plan as of 21 Dec 2016")
                    && list.contains("CQC Inspections of GP surgeries in Dorset"))
            let november = try await admin.get(Link.meeting(id: ids.registers.meeting).path).body.string
            #expect(
                november.contains(
                    "Requires that the CCG take no irreversible decisions in this matter until after the special meeting."
                ))
            let refused = try await admin.post(
                Link.meetings.path,
                [
                    "committee": "Governing Body", "date": "2016-01-01", "time": "", "venue": "Kept <here>",
                    "members": "", "forwardPlan": "1",
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.string.contains("1 Jan 2016 has passed")
                    && refused.body.string.contains("Kept &lt;here&gt;"))
            let csv = try await admin.get(Link.meetings.path(query: "asOf=2016-12-21&format=csv")).body.string
            #expect(csv.contains("Committee: 9 Mar 2017"))
        }
    }
}

@Suite("Outcome measures in the web app")
struct OutcomePageTests {
    @Test(
        "The list shows each measure's chart and rating; a bad value comes back with its message",
        arguments: Backend.all)
    func outcomes(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let list = try await admin.get(Link.outcomes.path).body.string
            #expect(
                list.contains("<polyline") && list.contains("(actuals illustrative)")
                    && list.contains("Dementia diagnosis rate"))
            let bad = try await admin.post(
                Link.outcome(id: ids.registers.outcome).path,
                ["period": "2018-03", "kind": "actual", "value": "a lot"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("“a lot” is not a number."))
            #expect(bad.body.string.contains("value=\"2018-03\""))
            #expect(try await admin.get(Link.apiOutcomes.path).body.string.contains("\"latestRating\""))
        }
    }
}
