// Seed 002: the report to the Governing Body of 21 March 2018 (NHS Dorset CCG), entered as data: its table of
// abbreviations, the prioritisation of business cases (6.4) and IPG's recommended funding allocation (6.5).
import AssureCore

public enum GoverningBody2018 {
    public static let glossary: [GlossaryEntry] = [
        ("ACS", "Accountable Care System"), ("ARP", "Ambulance Response Programme"),
        ("BSS", "Business Support Services"),
        ("CCG", "Clinical Commissioning group"), ("CIO", "Chief Information officer"),
        ("CSR", "Clinical Services Review"),
        ("DCR", "Dorset Care Record"), ("DHC", "Dorset Health Care"), ("DTD", "Digitally Transformed Dorset"),
        ("DToc", "Delayed Transfer of Care"), ("DWAB", "Dorset Workforce Action Board"), ("ED", "Emergency Department"),
        ("FIC", "Finance Investment Committee"), ("ICPS", "Integrated Community & Primary Care Services"),
        ("ICS", "Integrated Care System"), ("IPG", "Implementation & Planning Group"),
        ("LWD", "Leading & Working Differently"),
        ("MoU", "Memorandum of Understanding"), ("NHSE", "NHS England"), ("NHSI", "NHS Improvement"),
        ("OAN", "One Acute Network"),
        ("OD", "Organisational development"), ("OFRG", "Operational and Finance Reference Group"),
        ("PEG", "Public Engagement Group"),
        ("PID", "Project Initiation Document"), ("PMO", "Portfolio Management Office"),
        ("PTIP", "Post transaction integration plan"),
        ("SLT", "System Leadership Team"), ("SPB", "System Partnership Board"),
        ("STP", "SUSTAINABILITY AND TRANSFORMATION PLAN"),
        ("SWASFT", "South Western Ambulance Service NHS Foundation Trust"), ("UEC", "Urgent & Emergency Care"),
        ("UTC", "Urgent Treatment Centres"),
    ].map { GlossaryEntry(abbreviation: $0.0, expansion: $0.1) }

    public static let criteria = ["Quality", "Access", "Value for money", "Workforce", "Deliverability"].map {
        Criterion(name: $0)
    }

    /// 6.4: each bid rated H/M/L per criterion, in the paper's order.
    public static let prioritisation = CriteriaSet(
        name: "Transformation bids, March 2018", criteria: criteria,
        cases: [
            ("Ageing Well locality support & Healthy Places capacity", "HHLMH"), ("Integrated Transport", "HHHMH"),
            ("One Acute Network", "HHMMH"), ("CHC IT", "HHHHH"),
        ].map { name, letters in
            BusinessCase(
                name: name,
                ratings: Dictionary(
                    uniqueKeysWithValues: zip(criteria.map(\.name), letters.map { CaseRating(rawValue: String($0))! })))
        })

    /// 6.5: the recommended funding allocation from IPG, against the ACS FIC FT envelope.
    public static let funding = FundingRound(
        name: "IPG recommended allocation, March 2018", envelopeLabel: "ACS FIC FT",
        envelope: Money(pounds: 6_800_000),
        allocations: [
            Allocation(
                label: "ICPS", amount: Money(pounds: 3_000_000),
                comment: "Growth funding and final Business Case Dependent"),
            Allocation(
                label: "Prevention at Scale", amount: Money(pounds: 150_000),
                comment: "Access to funding is final Business Case Dependent for review at IPG"),
            Allocation(label: "Integrated Transport", amount: Money(pounds: 180_000)),
            Allocation(label: "Continuing Health Care IT", amount: Money(pounds: 100_000)),
            Allocation(
                label: "One Acute Network", amount: Money(pounds: 1_800_000),
                comment: "Total is Final Business Case Dependent"),
            Allocation(label: "Merger", amount: Money(pounds: 900_000), comment: "Pre-committed"),
        ])
}
