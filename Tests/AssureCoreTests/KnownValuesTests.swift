import AssureCore
import Testing

@Suite("Values Assure must know")
struct KnownValuesTests {
    @Test("A stored value Assure does not know is an error naming its column, never a default")
    func stored() throws {
        #expect(try RiskStatus(stored: "open", "risks.status") == .open)
        #expect(throws: DomainError.unreadable("risks.status holds “archived”, which this version of Assure does not know")) {
            try RiskStatus(stored: "archived", "risks.status")
        }
    }

    @Test("A choice sent in a form that is missing or unknown is the field's error")
    func chosen() throws {
        #expect(try Role(chosen: "editor", field: "role", "Choose a role.") == .editor)
        #expect(throws: DomainError.invalid(["role": "Choose a role."])) { try Role(chosen: "superuser", field: "role", "Choose a role.") }
        #expect(throws: DomainError.invalid(["role": "Choose a role."])) { try Role(chosen: nil, field: "role", "Choose a role.") }
    }
}
