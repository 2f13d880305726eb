// Seed 002: section 3 ("Portfolio Progress") of the Governing Body report of 21 March 2018, entered as data: each
// programme, its workstreams, and their numbered paragraphs (3.1–3.106) in order. Generated once from the paper.
public enum GoverningBody2018Narrative {
    public static let programmes: [(heading: String, workstreams: [(name: String, paragraphs: [String])])] = [
        (
            "One Acute Network (OAN)",
            [
                (
                    "Merger",
                    [
                        "Patient benefits cases continue to be iterated and work on post transaction integration plan (PTIP) has commenced",
                        "Due diligence process being developed and resourcing options being considered.",
                        "Business case drafting is ongoing and Finance are progressing the long term financial model plan (LTFM)",
                    ]
                ),
                (
                    "East Reconfiguration",
                    [
                        "Engaging with NHS Improvement (NHSI) to clarify requirements for Capital OBC",
                        "Clinical design paused for winter pressures - resuming end February",
                        "Development of design lab space progressing and discussions with local authority planning services held",
                        "Staff briefing events held at both sites with Q & A session with CEOs – Q&A newsheet being developed",
                        "Patient engagement plan in development and OAN intranet portal now live",
                    ]
                ),
                (
                    "Business Support Services (BSS)",
                    [
                        "The BSS Steering Group will continue to meet on a quarterly basis to provide oversight and leadership to on-going projects",
                        "Sub groups are continuing to meet on a regular basis and build on trust and working relationships that have developed through Vanguard",
                        "The Finance workstream will continue to lead on the Payroll/Pensions Project",
                        "Estates Leads will meet quarterly as part of a Collaborative Dorset Community of Practice to support the preparation of any aligned plans and strategies",
                        "Health Informatics subgroups will move forwards as part of the Shared Care Record and Enabling Technologies portfolios within Digitally Transformed Dorset",
                    ]
                ),
                (
                    "Vanguard/Dorset Clinical Networks",
                    [
                        "The work in the vanguard programme is focussed on the key deliverables by end March 2018",
                        "Each workstream is producing a position statement report regarding achievement of deliverables and any outstanding activity that needs to continue beyond vanguard.",
                        "A process is in development for prioritising services to include in Dorset Clinical Networks programme.",
                    ]
                ),
                (
                    "Resources",
                    [
                        "End of temporary contract letters issued to Vanguard team.",
                        "OAN team on fixed term contracts",
                        "Funding for continuation of programme team and loan to start estates work being sought from Integrated Care System (ICS) transformation funds.",
                        "Key posts agreed to be funded by ICS Transformation funds.",
                    ]
                ),
                (
                    "Merger transaction – Lead Alan Betts",
                    [
                        "The Patient benefit cases continue to be iterated. The latest draft version will be reviewed and discussed by the East Reconfiguration Joint Executive Group and NHS Improvement on Tuesday 27 February.",
                        "The drafting of the Post transaction integration plan has commenced. Responses to the queries within the draft documents are in some cases slow and the queries not fully answered; this puts delivery at risk.",
                        "Deep dive meetings with priority clinical specialisms are taking place this month.",
                        "An Executive update for PTIP will be shared next week.",
                        "A Due diligence process document and options for audit resourcing is progressing.",
                        "The merger full business case drafting is ongoing. The first iteration of some of the sections will be drafted by early March 2018.",
                        "Updates continue between Aldwych and the OAN Programme Management Office at least twice weekly.",
                        "Draft PTIPs from 2013 are being reviewed by Executive pairs; some returns are outstanding. This is delaying development and circulation of the PTIP template in draft format.",
                    ]
                ),
                (
                    "Clinical Design – Lead Chris Simms",
                    [
                        "Focus of team continues to be on support of Merger work for Patient Benefits Cases and Development of Post Transaction Integration Plan (PTIP)",
                        "Haematology & Oncology workshop outputs circulated; this aligns to the pre-Clinical Services Review (CSR) derogation paper. Potential impact on capital plan as majority of beds relocate to Major Emergency site.",
                        "Critical Care; Haematology & Oncology, and: Women's & Children's Work streams all due to meet w/c. Acute Take meeting planning for workshops and specialty feedback taken place.",
                        "Information teams met and are developing a common base data set; update of the CSR model; performance metrics / monitoring, and; answers to the Patient Benefits Case data queries.",
                    ]
                ),
                (
                    "Estates – Lead Edwin Davies",
                    [
                        "Planning consultant appointed to review existing planning application status and to prepare a report and suggested process to support merger and capital OBC",
                        "Plan on a page updated to indicate a start on site date of 2020 with completion 2023",
                        "Travel and traffic impact consultant appointed to link with wider Dorset travel and traffic group. Will prepare report on travel planning and parking strategies that need to be included in planning applications",
                        "Met with Council regarding letter of support in principle for the Trust site development plans. Further contact both formal and informal is planned over the next few weeks.",
                    ]
                ),
                (
                    "Communications – Lead Richard Moremon",
                    [
                        "OAN is now linked to both Intranet sites, giving information and contact details.",
                        "Staff briefings held at both sites with Q& As with CEOs",
                        "Q&A sheet being produced to be available to staff unable to attend briefings",
                    ]
                ),
                (
                    "Organisational Development & Design- Lead Gillian Crooks",
                    [
                        "Engagement continues with the Royal Free.",
                        "Workshops for Haematology & Oncology plus Women and Children's are ongoing.",
                        "Attending Aston Training day for progression.",
                    ]
                ),
            ]
        ),
        (
            "Integrated Community & Primary Care Services (ICPS)",
            [
                (
                    "Resourcing",
                    [
                        "Business Case & prioritisation for ICPS capital - Formulating part of the strategic estates refresh – consideration at System Leadership Team (SLT) Jan 18 meeting and principles agreed.",
                        "New resourcing model agreed - Approach agreed at Nov and Dec Operational and Finance reference Group (OFRG), business cases developed for FIC. SLT February deep dive undertaken.",
                    ]
                ),
                (
                    "Clinical Design",
                    [
                        "Frailty Framework Implementation – Implementation on track.",
                        "Development and delivery of the operating model in Shaftesbury - Implementation and engagement reference group commenced, on track.",
                        "Move St. Leonards beds off site - Outline business case due to be completed for East Dorset end of Feb 18, repatriation plan in development. On track",
                    ]
                ),
                (
                    "Digital",
                    [
                        "Online consultations in general practice - National framework due to be issued Jan 18 – on track, however key supplier pulled out of framework, review being undertaken."
                    ]
                ),
                (
                    "Workforce",
                    [
                        "Further workforce planning & transition - Primary care workforce mapping and transition planning being undertaken in each locality. Transition planning will be in line with resourcing model agreements and timelines. workforce initiatives and organisational developments being mobilised e.g. clinical pharmacists, steps to wellbeing practitioners"
                    ]
                ),
            ]
        ),
        (
            "Prevention at Scale",
            [
                (
                    "Starting Well",
                    [
                        "Workforce workstream will discuss midwifery training curriculum with Bournemouth University to see if more soft skills training can be included.",
                        "Survey currently running with stakeholders on potential projects in schools around physical activity. Steering Group in early March will review and make decision on projects to take forward.",
                        "Work with the Head Teachers Alliance is ongoing with a workshop late February to discuss next steps on emotional and physical wellbeing. Business cases will then be written for any potential projects with sign off by the Health and Wellbeing boards.",
                    ]
                ),
                (
                    "Living Well",
                    [
                        "Next steps development of the NHS Health Checks project is in discussion with Dorset Clinical Commissioning group (CCG) primary care colleagues to see how localities can be involved in improving reach and delivery.",
                        "A working demo of the digital platform of Living Well Dorset will be available in early March. It is hoped that it can be demonstrated at the CCG event on the 7th and the Dorset districts prevention meeting on the 15th March",
                        "Work is ongoing with acute trusts around workforce development. Workshops will run from May and outputs will be fed back to the organisations and an action plan drawn up.",
                    ]
                ),
                (
                    "Ageing Well",
                    [
                        "There is an Escape Pain project meeting 28th February to ensure all stakeholders are involved in developing the referral process and ensuring that it is robust and well embedded.",
                        "Altogether Better Development Manager in post and progressing the engagement with GP practices and gathering expressions of interest – around 24 practices so far engaged.",
                        "Active Ageing – second steering group taken place and an engagement event with stakeholders and interested organisations. North Dorset locality have expressed an interest in being involved in the pilot.",
                    ]
                ),
                (
                    "Healthy Places",
                    [
                        "Healthy Homes – Over 160 homes upgraded against target of 150 for Phase 2. Important to get more referrals and Jon Bird will be attending next locality Action Learning Set to brief on project. Also looking to identify a locality particularly interested in this as have additional funding to work with GP practices to identify potential cases.",
                        "PHD have signed a Memorandum of Understanding (MoU) with Exeter University for development of work in this area and the first piece of work undertaken will be on the GIS mapping work.",
                        "Plan being developed and work being scoped for spatial planning project.",
                    ]
                ),
                (
                    "Resource",
                    [
                        "Business case submitted to the Implementation & Planning Group (IPG) and recommended to Finance & Investment Committee for additional fixed term resource to support scoping and project development in localities, particularly in relation to Ageing Well and Healthy Places.",
                        "Locality profiles completed for all areas, and 8 of 13 now have public health link workers in place.",
                    ]
                ),
            ]
        ),
        (
            "Digitally Transformed Dorset (DTD)",
            [
                (
                    "",
                    [
                        "Dorset Care Record (DCR) is now live. The soft launch is to allow us to be certain the functionality is performing in the live released state as expected before rolling forward with the next planned phases. The concerns around data supply from Dorset Health Care (DHC) have been resolved, but the situation highlighted a need for a concerted effort from DHC to assure their data quality before releasing it to the DCR again. This work is well underway.",
                        "Conversations have continued around the LHACRE bid planned in partnership between Dorset and HIOW. The Invitation to Participate is due in early March and we have joint workshops planned to prepare a full and fast response. We continue the partnership with the Wessex Academic Health Science Network on the formation of a Digital Innovation Hub.",
                        "A new national Test Bed opportunity has arisen, and we plan to put forward some bids to win in this space. We are currently considering everything from a Care Flow deployment to development of Blockchain solutions. Decisions on this will happen in March before the deadline of the 27th.",
                        "Nationally the NHS is close to a deal with Microsoft on the provision of a national contract for Windows10. whilst this is excellent news there are a couple areas of concern that I continue to raise with Will Smart and others. Firstly, by not including Office 365 in this deal we miss the considerable opportunities offered with that software suite, and secondly with no additional funding there is a very real risk that our Trusts will not be able to afford the costs of replacing our existing aged desktop/laptop hardware with new compatible devices. I am reviewing options available to us as a System to address this situation.",
                        "From next month Digital Innovation will be included in this report.",
                    ]
                ),
                (
                    "DTD SRO Comments",
                    [
                        "The Dorset Care Record Board and working group working in partnership with Orion have achieved a significant milestone this month. For the first time in Dorset there is visibility of the primary care records in the secondary care setting. This is a significant achievement by the teams from health and local authorities. The ongoing support from SLT and System Partnership Board (SPB) will be critical to keeping the momentum and in realising the full benefits of DCR.",
                        "This month we also made progress with the work on population analytics. A significant investment from NHS England (NHSE) coupled with the local funding enables us to start this key programme. The collaborative working across partners means that we are in very good shape not only to drive this forward in Dorset but to be a leading influencer in the national picture.",
                        "Our relationship with the regional and national team is in good shape. We are supported by Cathy Francis, regional director for digital and patients to be the lead for the interoperability for both Wessex and the wider South West. Will Smart, the national joint Chief Information officer (CIO) for the Department of Health and NHS is scheduled to visit in the coming months to learn how we are using digital as a core enabler of delivering the STP.",
                        "However, we are missing the opportunity to work in a better way. The previous discussions about organisation form for digital and informatics has clouded the opportunity. I am proposing opening up the discussion in 18/19 as a system function and would welcome both support and input from SLT and SPB colleagues. This is an essential element of being able to deliver the DTD portfolio.",
                    ]
                ),
            ]
        ),
        (
            "Leading & Working Differently (LWD)",
            [
                (
                    "",
                    [
                        "Stocktake took place at the February the Dorset Workforce Action Board (DWAB) in order to refocus the purpose and commitment and how we plan to work together and align work streams. Outcomes from the stocktake were to seek wider views (survey deployed) from SLT and STP Portfolio Boards to inform further discussion in March. Secondly to develop a business proposal to enhance the existing primary care workforce centre to act as the delivery arm to LWD and enable DWAB to focus primarily on strategy and partner level collaboration.",
                        "The One Dorset Talent Plan – has progressed to outline proposals and plans for system level TM subject to approval of the SLT in March.",
                        "The workforce planning and redesign toolkit has undertaken further development and the workstream is actively looking for areas to deploy as a pilot stage.",
                        "Freedom of Movement is due for approval by DWAB",
                        "The system cohort of Aston organisational development (OD) team coaches has completed its development programme and is now consolidating their learning in their organisations pending wider system deployment.",
                    ]
                )
            ]
        ),
        (
            "Urgent & Emergency Care (UEC)",
            [
                (
                    "Integrated Urgent Care Procurement",
                    [
                        "Prospectus and service specification (planning phase) complete",
                        "Advert is placed 31.1.18",
                        "Briefing for those who has expressed an interest in providing the service planned for 8 March 2018",
                    ]
                ),
                (
                    "111 Online",
                    [
                        "Initial scoping work is complete. Project documentation including project plans have been developed in Sycle and are due to go to the Independent Self Care Project Board on 13th March.",
                        "Procurement process has started. A clear route to procurement now needs to be agreed in order to progress to appointing a system supplier and enabling the local system to comply with national implementation milestone of Dec 18.",
                        "Decision previously taken to joint procure with system for GP Online Consultations in lieu of potential duplication",
                    ]
                ),
                (
                    "Urgent Treatment Centres (UTC)",
                    [
                        "Wave 1 UTC sites confirmed – Weymouth and Royal Bournemouth Hospital.",
                        "UTC Standards Assessment Tool being used to monitor compliance levels – on track to meet majority of required standards for both wave 1 UTC sites by end of March 2018. Exemptions associated with factors beyond local control sought",
                        "Activity modelling complete – considers potential scenario options for future configuration of UTCs pan Dorset and movement of activity from Emergency Department (ED) settings to UTC settings.",
                        "Critical interdependency with development of GP locality transformation plans",
                        "Workshop convened 15th March to define UTC clinical cohort of patients; workforce skill mix and associated physical infrastructure. Workshop will also feed in development of mobile UTC – interdependent with Ambulance project.",
                        "Further engagement required at a locality level. Comms and engagement plan being developed as part of overarching STP plan",
                    ]
                ),
                (
                    "Ambulance Transformation",
                    [
                        "Ambulance Pillar Project Group established with associated project documents such as the Project Initiation Document (PID) and project plan defining the phased approach and key deliverables in place.",
                        "UEC Transformation monies (£350k) for 2017/18 awarded with an agreed MoU in place with NHS England for Phase 1 – Mobile UTC.",
                        "Phase 1 of the ambulance project scope agreed – Mobile UTC implementation and mobilisation plans currently in discussion with South Western Ambulance Service NHS Foundation Trust (SWASFT). Draft pathway has been produced.",
                        "Clinical workshop planned for March 2018 – aim is to establish and agree the cohort of patients who are able to access the UTCs (both static and mobile). Understand where the gaps in provision are for alternative services (other than ED) and also agree a direct access protocol for the Ambulance Trust to these sites.",
                        "Links to other key work streams such as the UTC project, IUCATs, ICPS and the Primary Care Workforce Centre in place.",
                    ]
                ),
                (
                    "National Ambulance Response Programme (ARP)",
                    [
                        "ARP trial period is complete and a new set of standards have been introduced.",
                        "SWASFT identified as one of four outliers in respect of non-achievement of new standards – focus of national and regional attention. Action plan developed in conjunction with SWASFT, NHS E, NHSI which features consideration of an identified resource gap associated with achieving the standards.",
                        "Critical to the success of ARP is the mobilisation of a pilot in Dorset for a “Mobile UTC” which is starting off in Phase 1 by targeting Cat 3 and 4 calls (lower acuity) and bringing a GP to the patient, or the patient to a UTC / primary care hub. Phase 1 funding outlined above",
                        "No funding identified for phase 2 of pilot - intended to be piloted in other areas across the SW, to expand both the mobile treatments available by paramedics and SPs, as well as expand the alternative destinations patients can be conveyed to.",
                    ]
                ),
                (
                    "Hospital & Hospital to Home Pillar",
                    [
                        "Initiatives outlined within the 8 High Impact Change Model continue to be implemented.",
                        "Delayed Transfers of Care remain challenging and above the agreed trajectories. This is being impacted by high levels of acuity presenting to hospitals and a lack of capacity within the care market to meet higher levels of demand.",
                        "Compliance with the ED 4-hour standard is currently below target. The UEC system is currently considering ways of prioritising achievement of this standard through March 2018 in lieu of risk of loss of significant financial resources associated with missing the 95% threshold at month end. A report was presented to SLT in February. Focus agreed. Regular calls to be held in March",
                    ]
                ),
                (
                    "ACS National Work Streams",
                    [
                        "Delayed Transfer of Care (DToC) guidance and weekly data monitoring - Local partners are keen to consider the wider cohort of patients who are ‘medically ready for discharge’ as an expansion of the current DToC measurement.",
                        "System demand and capacity modelling - Two calls convened with the national ACS team regarding work on system demand and capacity modelling – continuing to refine and agree scope and approach.",
                        "Intention is to have automated system for demand and capacity management",
                        "Evaluation of UEC Programme - National team in process of tendering with Commissioning Support Units (CSU)’s to undertake scoping work to define scope and specification. Final specification anticipated April/May 2018",
                        "Milestones for completion of full evaluation to be agreed.",
                    ]
                ),
            ]
        ),
    ]
}
