// Seed 004: Transformation Programme Dashboard as at 30 June 2016 (NHS Dorset CCG), entered as data.
// Projects, milestones, SROs, ratings and arrows from the summary table; updates from the detailed table.
// Where the paper contradicts itself the choice is noted in SeedContradictions (tests name each cell).
import AssureCore

enum TransformationDashboard2016 {
    static let portfolio = DemoPortfolio(
        name: "Transformation Programme", scale: .threePoint, programmes: programmes,
        periods: [june2016, july2016], disabledChecks: [.noLead])

    static let programmes: [DemoProgramme] = [
        DemoProgramme(
            name: "Transformation",
            projects: [
                DemoProject(title: "PCBC", sro: "Phil Richardson"),
                DemoProject(title: "Sustainability and Transformation Plan", sro: "Phil Richardson"),
                DemoProject(
                    title: "Communication and Engagement",
                    description: "Communications and continuing engagement/co-design", sro: "Charles Summers"),
                DemoProject(title: "CDGs", sro: "Mike Wood"),
                DemoProject(title: "CWGs", sro: "Phil Richardson"),
                DemoProject(title: "Mental Health Acute Care Pathway", sro: "Mike Wood"),
                DemoProject(title: "Technology Enablement", sro: "Phil Richardson"),
                DemoProject(title: "Finance, Procurement and Estates", sro: "Paul Vater"),
                DemoProject(title: "Benefits Management and Realisation Framework", sro: "Phil Richardson"),
                DemoProject(
                    title: "Prioritisation", description: "Strategic prioritisation paper to be submitted to SLT",
                    sro: "Phil Richardson"),
            ]),
        DemoProgramme(
            name: "Integrated Community Services",
            projects: [
                DemoProject(title: "Dorset (Local) Vanguard", sro: "Phil Richardson"),
                DemoProject(
                    title: "Development of proposals for integrated community services", sro: "Phil Richardson"),
            ]),
        DemoProgramme(
            name: "Acute Hospital",
            projects: [
                DemoProject(title: "Acute re-configuration", sro: "Mike Wood"),
                DemoProject(title: "Acute Vanguard", sro: "Mike Wood"),
            ]),
        DemoProgramme(
            name: "Integrated Community Services & Acute Hospital",
            projects: [
                DemoProject(title: "Decision making process", sro: "Phil Richardson")
            ]),
        DemoProgramme(
            name: "Assurance",
            projects: [
                DemoProject(title: "Senate responses", sro: "Phil Richardson"),
                DemoProject(title: "NHSE Stage II assurance and Investment Committee", sro: "Phil Richardson"),
                DemoProject(title: "NHS Improvement & CMA", sro: "Phil Richardson"),
            ]),
        DemoProgramme(
            name: "Development",
            projects: [
                DemoProject(
                    title: "System Leadership", sro: "Charles Summers",
                    children: [
                        DemoProject(title: "GB Development"), DemoProject(title: "Staff Development"),
                        DemoProject(title: "Membership Development"),
                    ])
            ]),
    ]

    static let june2016 = DemoPeriod(
        key: "2016-06", label: "June 2016", asAt: .day(2016, 6, 30),
        publishOn: .day(2016, 7, 1), status: .published,
        returns: [
            DemoReturn(
                project: "PCBC", rating: "Amber", trend: .unchanged,
                update:
                    "Further updates are being made to content in relation to Community Vanguard, Integrated Community Services and Cancer Services. This project remains as amber due to reliance on completion of other project areas in order to incorporate required information. Timescales being reviewed in line with that of production of Consultation Document.",
                milestones: [MilestoneLine(title: "Final lockdown of document", date: "20-Jul-16")],
                submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Sustainability and Transformation Plan", rating: "Green", trend: .unchanged,
                update: "The STP was submitted to NHS England on 30 June 2016.",
                milestones: [MilestoneLine(title: "Submission to NHS England", date: "30/06/2016 Complete")],
                submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Communication and Engagement", rating: "Green", trend: .declined,
                update:
                    "Engagement roadshow held June 11 - 25 2016 visiting the 13 localities across Dorset and collecting feedback from people on integrated community services. Further pre consultation engagement work undertaken with two Supporting Stronger Voices events on 20 and 21 June, 26 road show 'visits' across all 13 localities from 4 to 25 June. Diverse engagement activities planned through June and July 2016 including Muslim Faith group and Dorset Youth Council. Community and Locality engagement planned throughout June, July and August 2016 including Melplash Show and One World Festival.",
                milestones: [
                    MilestoneLine(
                        title: "Public Consultation - version 1 consultation document for feedback", date: "01-Sep-16",
                        rating: "Green"), MilestoneLine(title: "Public Consultation", date: "08-Jun-16", rating: "Red"),
                    MilestoneLine(
                        title:
                            "Involvement of Dorset LA partners including Health and Wellbeing Boards, HOSCs, Patient Representative groups",
                        date: "Ongoing", rating: "Amber"),
                ], submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "CDGs", rating: "Amber", trend: .unchanged,
                update: "Reported on separately via CDG priorities report",
                milestones: [
                    MilestoneLine(
                        title: "Delivery of Clinical Delivery Group Priorities", date: "Individual plan milestones")
                ], submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "CWGs", rating: "Green", trend: .unchanged,
                update:
                    "CWG 11 is being planned for 13 July 2016 and will focus on the ICS programme in relation to the locality provision and the Dorset picture, an articulation of how these acute and community proposals come together to provide a sustainable and safe healthcare service for Dorset.\nThe agenda for the evening covers:\n• The Dorset Sustainability Transformation Plan;\n• Mental Health;\n• The Dorset Vision for Integrated Community Services.",
                milestones: [MilestoneLine(title: "Delivery of CWG 11", date: "13-Jul-16")],
                submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Mental Health Acute Care Pathway", rating: "Green", trend: .unchanged,
                update:
                    "The workshop for shortlisting of options is scheduled to take place on the 21 July 2016. The stage 3 timeline has been approved for extension by one week to 03 August by project board approval to allow sufficient time for the financial modelling.",
                milestones: [MilestoneLine(title: "Stage 3: Modelling", date: "03-Aug-16")],
                submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Technology Enablement", rating: "Green", trend: .improved,
                update:
                    "This has been successfully submitted on time.\nThe feedback and questions are now awaited from the submission to confirm our plans and appropriate funding.",
                milestones: [
                    MilestoneLine(title: "Digital Roadmap Submission", date: "30-Jun-16"),
                    MilestoneLine(title: "Dorset Care Record - preferred bidder", date: "31-Jul-16", rating: "Green"),
                ], submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Finance, Procurement and Estates", rating: "Amber", trend: .unchanged,
                update:
                    "The contractual discussions were incredibly challenging for 2016/17 and required escalation to Accountable Officers for 2 of our providers. For all Dorset providers contracts are now signed and in place and we are very close to sign off of Salisbury and Yeovil hospital. We have to undertake daily reporting to NHS England as a result until these are signed.\nWe do however still have a requirement to deliver the 1% Headroom of £11m and with the contract settlements made during negotiations the current position adjusted for a full contingency release requires delivery of a QIPP of at least £12.5m.\nIn addition there are a number of risks to the financial position, such as over-performance at RBH capped at £3.5m, over-performance at DCH capped at £1.1m and challenges on over-performance in both the Non-NHS and smaller providers, as well as holding a flat cash CHC position. The over-performance in the provider areas is likely at least in part if we do not deliver mitigating actions through QIPP such as demand management.\nWe are still pursuing access to the STP Funding that has not arrived in Dorset via NHS Improvement as part of a system control total with the CCG and Acute's, however it is too early to determine the success or not of this.\nA QIPP task-force has been set up and names have been put forward which will lead on various savings areas, this group is led by the Accountable Officer with support from the Chief Finance Officer and supported by the named individuals agreed.",
                milestones: [
                    MilestoneLine(
                        title:
                            "Financial Viability; tariff, other payment arrangements, contracting, efficiency savings",
                        date: "On-going")
                ], submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Benefits Management and Realisation Framework", rating: "Green", trend: .unchanged,
                update:
                    "Input has been provided into the Senate response document and the PCBC. The Senate Document has now been submitted on 03 May and the PCBC has been updated to incorporate this work. The response from the Senate Council has now been received and further work identified as part of the opportunities for further work identified through their response to the CCG.",
                milestones: [
                    MilestoneLine(
                        title: "Continuing development of the benefits for Senate Document and PCBC", date: "03-May-16")
                ], submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Prioritisation", rating: "Green", trend: .improved,
                update:
                    "Paper being submitted for discussion at the System Leadership Team (SLT) meeting on 14 July 2016 looking at strategic prioritisation as a system with the purpose of determining next steps and timescales.",
                milestones: [
                    MilestoneLine(title: "Development of process for strategic prioritisation", date: "14-Jul-16"),
                    MilestoneLine(title: "PMO Framework Roll Out", date: "31-Jul-16", rating: "Green"),
                ], submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Dorset (Local) Vanguard", rating: "Green", trend: .unchanged,
                update:
                    "Since ICS Vanguard proposals were submitted in April we have been considering how those plans support and inform the evolving vision for Integrated Community Services.\nAn internal CCG workshop was recently convened to review each proposal in the context of the broader development of integrated community services across Dorset. Each of the Vanguard proposals was well received and the reviewing group identified strengths and areas of added value within each of the proposals. It is important that we are now able to draw out further exploration of these points across a wider group, with a view to supporting the implementation of integrated community services across Dorset. An 'ICS vanguard summit' has been arranged, on the 17th August, as a means of bringing together the different vanguard groups along with other key stakeholders.\nThe purpose of this summit will be to:\n• Present each of the proposals in detail to the wider system to share learning and cross pollination of ideas;\n• Test out areas of strength and added value within the context of deliverability in multiple geographical localities;\n• Consider the proposals in the context of the emerging primary care strategy and estates plan;\n• Determine and agree the elements to consider within future commissioning intentions;\n• Consider proposals that can be incorporated into the ICS Programme design, ready for consultation.",
                milestones: [
                    MilestoneLine(title: "Integration of Vanguard plans to support and inform the ICS vision", date: "")
                ], submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Development of proposals for integrated community services", rating: "Amber",
                trend: .unchanged,
                update:
                    "In preparation for the GB meeting on 20 July there are a number of key milestones:\n06 July 2016 - GB Development and Clinical Leadership Workshop This will be a key event where they will be taken through the evaluation criteria and site options to support the ICS decision making. The Travel Analysis will be incorporated into this along with the Bed paper, Public & Cluster Feedback and rationale on how we got to the preferred options. It will describe what can be delivered in each cluster/locality along with the scoring.\n08 July 2016- QAG We will provide the latest draft of GB paper and the latest slide on the estates modelling (After the FRG).\n13 July 2016- Membership Event Comms & Engagement will pull together all the relevant slides from the ICS programme to show them progress to date.\n14 July 2016- SLT Potentially virtual sign-off of Governing Body Paper.",
                milestones: [MilestoneLine(title: "Development of plans for consultation options", date: "20-Jul-16")],
                submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Acute re-configuration", rating: "Green", trend: .unchanged,
                update:
                    "Preferred option paper for acute reconfiguration went to Governing Body on 18 May 2016 and was approved in full. Planning has commenced around the recommendations given to the CCG by the Royal College of Paediatrics and Child Health (RCPCH). A provider led meeting is planned for 11 July 2016 with the RCPCH in attendance in order to discuss.",
                milestones: [
                    MilestoneLine(
                        title: "Development of work towards the preferred option decision", date: "10/05/2016 Complete")
                ], submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Acute Vanguard", rating: "Green", trend: .unchanged,
                update:
                    "The Acute Vanguard board meeting was held 13 June which considered frameworks for future commissioning and how they will support delivery of the Acute Vanguard. These commissioning frameworks are outcome focussed and have or are being developed for each of the Acute Vanguard workstreams.",
                milestones: [
                    MilestoneLine(title: "Link into main acute hospital acute re-configuration", date: "On-going"),
                    MilestoneLine(title: "Implementation Plan to be agreed", date: "31-Jul-16"),
                ], submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Decision making process", rating: "Green", trend: .improved,
                milestones: [
                    MilestoneLine(
                        title: "Dorset Models of Care (Acute & ICS) Preferred Option Decision", date: "20-Jul-16")
                ], submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "Senate responses", rating: "Green", trend: .improved,
                milestones: [MilestoneLine(title: "Senate Council Meeting", date: "14-Apr-16")],
                submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "NHSE Stage II assurance and Investment Committee", rating: "Amber", trend: .unchanged,
                milestones: [
                    MilestoneLine(
                        title: "Successful completion of NHSE Stage II and IC", date: "31-Aug-16", rating: "Yellow")
                ], submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "NHS Improvement & CMA", rating: "Green", trend: .unchanged,
                milestones: [
                    MilestoneLine(
                        title: "Successful completion of NHS Improvement and CMA process",
                        date: "Dependant on NHSE Stage II")
                ], submittedBy: "Kelly Spiller"),
            DemoReturn(
                project: "System Leadership", rating: "Green", trend: .unchanged,
                update:
                    "The community hospital visits as part of the preparation for the Governing Body receipt of the consultation options for Integrated Community Services on 20 July 2016 have now all been completed and were well attended. Wednesday 06 July GB Development and Clinical Leadership Workshop planned to support ICS decision. Update of Transformation Programme of work took place at the staff event on 29 June 2016 and staff briefings continue with one planned for 12 July 2016 which will focus of Integrated Community Services consultation options.",
                milestones: [MilestoneLine(title: "Governing Body Development", date: "20-Jul-16")],
                submittedBy: "Kelly Spiller"),
        ])
}
