// Seed 003: Dorset Health Scrutiny Committee, entered as data: the agenda of 21 December 2016, the outcomes of
// 14 November 2016 (minutes 43–55, with the numbered resolutions), and the forward plan of March 2017 (Appendix 3):
// the meetings of 9 March, 16 June, 4 September and 13 November 2017 with their planned items.
// Also the committees of seed 002: the System Leadership Team and the Governing Body (its meeting of 21 March 2018).
import AssureCore

public enum HealthScrutiny2016 {
    public static let committee = "Dorset Health Scrutiny Committee"
    public static let committees = [committee, "System Leadership Team", "Governing Body"]

    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    static let members = [
        "Ronald Coatsworth (Chairman)", "Bill Batty-Smith (Vice-Chairman)", "Ros Kayes", "Paul Kimber", "Mike Lovell",
        "William Trite", "David Jones", "Tim Morris", "Peter Shorland", "Colin Jamieson", "Peter Ogglesby",
        "Alison Reed",
    ]

    static let november = Meeting(
        committee: committee, date: day(2016, 11, 14), time: "10.00 am - 12.45 pm",
        venue: "County Hall, Colliton Park, Dorchester, Dorset, DT1 1XJ", members: members,
        items: [
            AgendaItem(
                number: "43", title: "Apologies for Absence",
                outcome: "An apology was received from Alison Reed (Weymouth and Portland Borough Council)."),
            AgendaItem(
                number: "44", title: "Code of Conduct",
                outcome:
                    "There were no declarations by members of disclosable pecuniary interests under the Code of Conduct."
            ),
            AgendaItem(
                number: "45", title: "Minutes",
                outcome: "The minutes of the meeting held on 6 September 2016 were confirmed and signed."),
            AgendaItem(
                number: "47", title: "Dorset County Hospital Strategy",
                organisation: "Dorset County Hospital NHS Foundation Trust", format: .presentation, outcome: "Noted."),
            AgendaItem(
                number: "48",
                title: "Safe and Sustainable Neonatal Services at Dorset County Hospital - Re-Designation.",
                organisation: "NHS England South", format: .report, outcome: "Noted."),
            AgendaItem(
                number: "49", title: "Weldmar Hospicecare Trust Quality Account for 2015/16",
                organisation: "Weldmar Hospicecare Trust", format: .report, outcome: "Noted."),
            AgendaItem(
                number: "50", title: "Dorset Healthcare University Foundation Trust CQC March 2016 inspection",
                organisation: "Dorset Healthcare University Foundation Trust", format: .report, outcome: "Noted."),
            AgendaItem(
                number: "51", title: "Joint Health Scrutiny Committee re Clinical Services Review - Update",
                organisation: "Dorset County Council", format: .report,
                purpose: .decision, outcome: "Resolved",
                resolutions: [
                    "That members agree to the setting up of an Inquiry Day to coincide with the public consultation to be launched by the CCG."
                ]),
            AgendaItem(
                number: "52", title: "Continuing Healthcare", organisation: "NHS Dorset Clinical Commissioning Group",
                format: .report, outcome: "Noted."),
            AgendaItem(
                number: "53", title: "Briefings for Information/Noting", organisation: "Dorset County Council",
                format: .briefing, purpose: .information, outcome: "Noted."),
            AgendaItem(
                number: "54",
                title:
                    "URGENT ITEM - Dorset Clinical Commissioning Group's Draft Primary Care Commissioning Strategy and Plan",
                organisation: "NHS Dorset Clinical Commissioning Group", format: .report, purpose: .decision,
                outcome: "Resolved",
                resolutions: [
                    "Evaluates the proposed changes as a major change and thus subject to intervention by the Dorset Health Scrutiny Committee.",
                    "Makes the CCG aware of the Committee's deep regret and displeasure that the CCG did not itself so identify the matter as such and bring it fully to DHSC at an earlier stage.",
                    "Believes that the proposed changes could have a devastating effect on rural communities and in areas with a high concentration of elderly people and therefore require further and intensive scrutiny, and to provide for discussion at this meeting a plan for appropriate consultation with the public as required by the Section 242 (18) of the National Health Service Act 2006.",
                    "Requires therefore that the CCG provide a formal report and send a representative(s) to a special meeting of the Committee to be held within one calendar month of today's date.",
                    "Requires that the CCG take no irreversible decisions in this matter until after the special meeting.",
                ]),
            AgendaItem(
                number: "55", title: "Questions from County Councillors",
                outcome: "No questions were asked by members under standing order 20(2)."),
        ],
        actions: [
            MeetingAction(
                description:
                    "Provide a formal report and send a representative to a special meeting of the Committee (resolution 54.4)",
                owner: "NHS Dorset Clinical Commissioning Group", due: day(2016, 12, 14)),
            MeetingAction(
                description: "Arrange an Inquiry Day to coincide with the CCG's public consultation (resolution 51.1)",
                owner: "Ann Harris", due: nil),
        ])

    static let december = Meeting(
        committee: committee, date: day(2016, 12, 21), time: "10.00 am",
        venue: "Council Chamber - County Hall, County Hall, Colliton Park, Dorchester, Dorset, DT1 1XJ",
        members: members,
        items: [
            AgendaItem(number: "1", title: "Apologies for Absence", note: "To receive any apologies for absence."),
            AgendaItem(number: "2", title: "Code of Conduct"),
            AgendaItem(
                number: "3", title: "Minutes", pages: "3 - 8",
                note: "To confirm and sign the minutes of the meeting held on 14 November 2016."),
            AgendaItem(number: "4", title: "Public Participation"),
            AgendaItem(number: "4(a)", title: "Public Speaking"),
            AgendaItem(number: "4(b)", title: "Petitions"),
            AgendaItem(
                number: "5", title: "Draft Primary Care Commissioning Strategy and Plan",
                organisation: "NHS Dorset Clinical Commissioning Group",
                format: .report, purpose: .discussion, raisedBy: "Transforming General Practice", pages: "9 - 72",
                note: "To consider a report by NHS Dorset Clinical Commissioning Group."),
            AgendaItem(
                number: "6", title: "Briefings for Information / Noting", format: .briefing, purpose: .information,
                pages: "73 - 82"),
            AgendaItem(
                number: "7", title: "Questions from County Councillors",
                note:
                    "To answer any questions received in writing by the Chief Executive by not later than 10.00am on 16 December 2016."
            ),
        ])

    static func planned(
        _ format: AgendaFormat, _ organisation: String, _ subject: String, _ comments: String,
        _ purpose: AgendaPurpose = .business
    ) -> AgendaItem {
        AgendaItem(title: subject, organisation: organisation, format: format, purpose: purpose, note: comments)
    }

    static let forwardPlanItem = planned(
        .forwardPlan, committee, "Forward Plan – Dates of future meetings, including planned agenda items",
        "To raise awareness of future agenda items, meetings, workshops and seminars.", .information)

    static let march2017 = Meeting(
        committee: committee, date: day(2017, 3, 9), venue: "County Hall",
        items: [
            planned(
                .report, "The Care Quality Commission", "CQC Inspections of GP surgeries in Dorset",
                "To look at the outcomes of local inspections and the quality of GP services"),
            planned(
                .report, "NHS Dorset Clinical Commissioning Group", "Primary Care Commissioning Strategy",
                "Following reports to Committee on 6 Septembe 14 November and 21 December 2016"),
            planned(
                .report, "Dorset County Hospital",
                "Update re action plan following the CQC inspection carried out in March 2016",
                "Following report to Committee on 6 September 2016"),
            planned(
                .report, "NHS Dorset Clinical Commissioning Group", "Non-emergency patient transport services",
                "To provide further information re progress and performance, following report to Committee on September 2016"
            ),
            planned(
                .report, "Joint Health Scrutiny Committee", "Clinical Services Review – update",
                "To provide an update regarding progress, as appropriate"),
            planned(
                .report, "NHS England", "Changes to services for individuals with Cystic Fibrosis",
                "To provide an update regarding progress, following a briefing to Committee on 21 December 2016 (TBC – may be a further information briefing only)"
            ),
            planned(
                .report, "NHS England", "Changes to the provision of specialist Vascular Services",
                "To provide an update regarding progress, following a briefing to Committee on 21 December 2016 (TBC – may be a further information briefing only)"
            ),
            planned(
                .briefing, "Joint Health Scrutiny Committee", "South Western Ambulance Service NHS Foundation Trust",
                "To provide an update regarding the progress and/or outcome of the Joint Committee considering issues relating to services provided by SWASFT",
                .information),
            forwardPlanItem,
        ])

    static let june2017 = Meeting(
        committee: committee, date: day(2017, 6, 16),
        items: [
            planned(.report, committee, "DHSC Terms of Reference", "To refresh - TBC"),
            planned(
                .report, committee, "Appointments to Committees and sub- Committees",
                "Following any changes to membership in May 2017"),
            planned(.report, committee, "Annual Work Programme", "To agree the Programme discussed at annual workshop"),
            planned(
                .report, "Joint Health Scrutiny Committee", "Clinical Services Review – update",
                "To provide an update regarding progress, as appropriate"),
            planned(
                .briefing, committee, "Quality Accounts – commentaries from Dorset Health Scrutiny Committee",
                "Annual report", .information),
            forwardPlanItem,
        ])

    static let september2017 = Meeting(
        committee: committee, date: day(2017, 9, 4),
        items: [
            planned(
                .report, "Joint Health Scrutiny Committee", "Clinical Services Review – update",
                "To provide an update regarding progress, as appropriate"),
            forwardPlanItem,
        ])

    static let november2017 = Meeting(committee: committee, date: day(2017, 11, 13))

    /// Seed 002: the Governing Body meeting the ICS delivery update went to.
    static let governingBody = Meeting(
        committee: "Governing Body", date: day(2018, 3, 21),
        items: [
            AgendaItem(
                title: "Integrated Care System (ICS) Delivery Update",
                organisation: "NHS Dorset Clinical Commissioning Group", format: .report,
                purpose: .information, note: "The Governing Body is asked to note the report.")
        ])

    public static let meetings = [november, december, march2017, june2017, september2017, november2017, governingBody]
}
