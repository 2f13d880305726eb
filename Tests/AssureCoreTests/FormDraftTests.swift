import Foundation
import Testing

@testable import AssureCore

@Suite("Forms decode into typed drafts")
struct FormDraftTests {
    func decode<T: Decodable>(_ type: T.Type, _ fields: [String: String]) throws -> T {
        try JSONDecoder().decode(type, from: JSONEncoder().encode(fields))
    }

    @Test("Given a form with fields left out, when it is decoded, then the missing text reads as empty")
    func missingTextIsEmpty() throws {
        let draft = try decode(GlossaryEntryDraft.self, ["abbreviation": "ICS"])
        #expect(draft.abbreviation == "ICS")
        #expect(draft.expansion == "")
        #expect(!draft.isRemoval)
        #expect(try decode(GlossaryEntryDraft.self, ["action": "delete"]).isRemoval)
    }

    @Test("Given a field sent as a number where text is expected, then decoding fails rather than defaulting")
    func wrongTypeFails() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(GlossaryEntryDraft.self, from: Data(#"{"abbreviation": 3}"#.utf8))
        }
    }

    @Test("A risk register's thresholds: both whole numbers, or neither, or the Amber field's error")
    func riskBands() throws {
        #expect(try decode(RiskRegisterDraft.self, ["name": "R"]).bands() == nil)
        #expect(
            try decode(RiskRegisterDraft.self, ["amberFrom": "8", "redFrom": "15"]).bands()
                == RiskBands(amberFrom: 8, redFrom: 15))
        #expect(throws: DomainError.invalid(["amberFrom": "Give both scores as whole numbers, or neither."])) {
            try decode(RiskRegisterDraft.self, ["amberFrom": "8"]).bands()
        }
    }

    @Test("An agenda item's format: empty is none, an unknown one is the field's error (it was silently dropped)")
    func agendaFormat() throws {
        let base = ["title": "Finance report", "purpose": AgendaPurpose.allCases[0].rawValue]
        #expect(try decode(AgendaItemDraft.self, base).item().format == nil)
        var known = base
        known["format"] = AgendaFormat.briefing.rawValue
        #expect(try decode(AgendaItemDraft.self, known).item().format == .briefing)
        var unknown = base
        unknown["format"] = "Interpretive dance"
        #expect(throws: DomainError.invalid(["format": "Choose the item's format."])) {
            try decode(AgendaItemDraft.self, unknown).item()
        }
    }

    @Test("Criteria one per line with optional weights; a weight that is not a number names the line")
    func criteria() throws {
        let draft = try decode(PrioritisationDraft.self, ["criteria": "Quality: 2\n\n  Cost \nAccess:1.5"])
        #expect(try draft.criteriaList().map(\.name) == ["Quality", "Cost", "Access"])
        #expect(try draft.criteriaList().map(\.weight) == [2, 1, 1.5])
        #expect(throws: DomainError.self) {
            try decode(PrioritisationDraft.self, ["criteria": "Quality: high"]).criteriaList()
        }
    }

    @Test("A business case's ratings come from its rating-<criterion> fields, and go back the same way")
    func businessCaseRatings() throws {
        let draft = try decode(
            BusinessCaseDraft.self, ["name": "CHC", "rating-Quality": "High", "rating-Cost": "Low", "other": "x"])
        #expect(draft.ratings == ["Quality": "High", "Cost": "Low"])
        let again = try JSONDecoder().decode(BusinessCaseDraft.self, from: JSONEncoder().encode(draft))
        #expect(again == draft)
    }

    @Test("Members and resolutions: one per line, trimmed, blank lines left out")
    func lines() throws {
        #expect(
            try decode(MeetingDraft.self, ["members": " Chair \n\nSecretary\r\n"]).memberList == ["Chair", "Secretary"])
        #expect(try decode(ItemOutcomeDraft.self, ["resolutions": "Noted\n "]).resolutionList == ["Noted"])
        #expect(try decode(DeliverableDraft.self, ["years": "2017/18, ,2018/19"]).yearList == ["2017/18", "2018/19"])
    }
}
