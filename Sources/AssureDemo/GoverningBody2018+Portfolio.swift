import AssureCore

/// Seed 002's portfolio for the March 2018 period: the STP programmes, their workstreams as projects, and each
/// workstream's return carrying its numbered paragraphs (one per line). The paper's summary colours were lost in the
/// copy, so the ratings are illustrative and the period is marked so.
extension GoverningBody2018 {
    static let programmeRatings = ["One Acute Network (OAN)": "Amber", "Urgent & Emergency Care (UEC)": "Amber"]

    static func reference(_ heading: String, _ index: Int) -> String {
        let abbreviation = heading.firstMatch(of: #/\(([A-Z]+)\)/#).map { String($0.1) } ?? "PAS"
        return "\(abbreviation)\(index + 1 < 10 ? "0" : "")\(index + 1)"
    }

    public static let portfolio = DemoPortfolio(
        name: "Our Dorset ICS", scale: .threePoint,
        programmes: GoverningBody2018Narrative.programmes.map { programme in
            DemoProgramme(
                name: programme.heading,
                projects: programme.workstreams.enumerated().map { index, workstream in
                    DemoProject(
                        reference: reference(programme.heading, index),
                        title: workstream.name.isEmpty ? programme.heading : workstream.name)
                })
        },
        periods: [
            DemoPeriod(
                key: "2018-03", label: "March 2018", asAt: .day(2018, 3, 8), publishOn: .day(2018, 3, 21),
                status: .published,
                isIllustrative: true,
                returns: GoverningBody2018Narrative.programmes.flatMap { programme in
                    programme.workstreams.enumerated().map { index, workstream in
                        DemoReturn(
                            project: reference(programme.heading, index),
                            rating: programmeRatings[programme.heading] ?? "Green",
                            update: workstream.paragraphs.joined(separator: "\n"), submittedBy: "Marc Gorman")
                    }
                })
        ],
        disabledChecks: [.noSRO, .noLead])

    /// The cover sheet and the PMO's own sections of the paper, as the paper words them.
    public static let paperTexts = PaperTexts(
        title: "INTEGRATED CARE SYSTEM (ICS) DELIVERY UPDATE", author: "M Gorman - PMO Assurance Lead",
        sponsor: "T Goodson – Chief Officer",
        purpose: "To provide an update on progress of the STP and recent items for discussion and decision at SLT.",
        recommendation: "The Governing Body is asked to note the report.",
        stakeholderEngagement: "Summarise engagement with members, clinicians, staff, patients & public.",
        previousCommittees: "N/A",
        strategicPrinciples: [
            "Services designed around people", "Preventing ill health and reducing inequalities",
            "Sustainable healthcare services",
            "Care closer to home",
        ],
        checklist: [
            "All three Domains of Quality (Safety, Quality, Patient Experience)",
            "Board Assurance Framework Risk Register", "Budgetary Impact",
            "Legal/Regulatory", "People/Staff", "Financial/Value for Money/Sustainability",
            "Information Management & Technology",
            "Equality Impact Assessment", "Freedom of Information",
        ].map { ChecklistLine(matter: $0, answer: .yes) },
        initials: "MG",
        introduction: [
            "The report highlights the progress of the Sustainability and Transformation Plan (STP) Portfolios and indicates the major decisions and key areas for discussion being taken at the System Leadership Team (SLT)"
        ],
        discussionItems: [], decisionItems: [],
        financeIntroduction: [
            "As part of the ACS FIC Transformation funding process, STP Portfolios were asked to submit business cases on priority initiatives, to access non-recurrent funding for 18/19.",
            "As part of the submission process, IPG and the Portfolio Management Office (PMO) undertook an assurance and prioritisation exercise. From this exercise, a prioritised list of bids was produced and submitted into FIC for determination before final recommendations are sent to SLT",
            "The prioritisation exercise conducted at IPG utilised 5 main criteria from the CSR Pre-Consultation Business Case options evaluation process to prioritise the bids: Quality Outcomes – does the project deliver improvement to quality of services or improved quality outcomes for people; Access – does the project improve access to services; Affordability and value for money – is the project affordable and return significant benefit (both financial and non-financial) for the costs; Workforce – is there significant impact on workforce; Deliverability – is the project realistic or simple to deliver, low in risk and have sufficient resources available.",
        ],
        engagement: [
            PaperSubsection(
                heading: "",
                paragraphs: [
                    "Opportunity to join the STP Public Engagement Group (PEG) was promoted widely across Dorset by all integrated Care System (ICS) partners and expressions of interest were reviewed against a set of criteria derived from the Terms of Reference (Appendix One).",
                    "The STP PEG chair was appointed by a partner interview panel with representation from NHS Dorset Clinical Commissioning Group, an NHS provider Trust and a Local Authority.",
                    "The STP PEG chair met with the STP Lead, the Chair of the STP System Partnership Board, the CCGs Director of Design and Transformation and each of the STP Portfolio Leads, to inform the initial work programme of the group.",
                    "The STP Engagement Leads will support the STP Portfolio Leads to ensure appropriate items are taken to the STP PEG for consideration in a timely manner.",
                    "A brief synopsis of the first 3 meetings of the STP PEG: Meeting One (22 September 2018): welcome and introductory networking; Dorset Clinical Services Review decisions; Dorset's Accountable Care System (now ICS) and STP portfolios and programmes. Meeting Two (21 November 2017): Public Health's Live Well Dorset website; a STP PEG Guide for Person Centred Discussions. Meeting Three (22 January 2018): Dorset's Dementia Review; a Social Prescription, Health Coaching and Voluntary Sector Navigation Service in Dorset.",
                ]),
            PaperSubsection(
                heading: "Feedback from PEG",
                paragraphs: [
                    "PEG members are being asked to complete a quarterly feedback form to help review progress.",
                    "To date PEG members feel that the purpose of the group is being met and that that the content of the meetings has been logical and informative.",
                    "In terms of what is working well, members were very positive about the interactive workshop sessions which allow them to provide feedback based on their experience and insight.",
                    "In terms of what they would change, some members felt there could be less presentation and more active contribution and also further information on progress since the Clinical Services Review and the Accountable Care System.",
                    "Overall all respondents rated the meetings so far as either \"Excellent\" or \"Good\".",
                    "This feedback will be used to inform future agenda planning.",
                ]),
            PaperSubsection(
                heading: "Future Meetings",
                paragraphs: [
                    "The fourth meeting of the PEG will be held on 22 March 2018.",
                    "There is a forward schedule of meetings for 2018/19.",
                ]),
        ],
        conclusion: ["The Governing Body is asked to note the report."])
}
