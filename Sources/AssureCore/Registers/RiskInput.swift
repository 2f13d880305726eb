import Foundation

/// A risk as typed into its form.
public struct RiskInput: Sendable {
    public var section: String
    public var level: RiskLevel
    public var scope: String
    public var description: String
    public var severity: String
    public var likelihood: String
    public var mitigation: String
    public var owner: String
    public var references: String
    public var status: RiskStatus
    public var reviewDate: String

    public init(
        section: String, level: RiskLevel, scope: String, description: String, severity: String, likelihood: String,
        mitigation: String, owner: String, references: String, status: RiskStatus, reviewDate: String
    ) {
        self.section = section
        self.level = level
        self.scope = scope
        self.description = description
        self.severity = severity
        self.likelihood = likelihood
        self.mitigation = mitigation
        self.owner = owner
        self.references = references
        self.status = status
        self.reviewDate = reviewDate
    }
}
