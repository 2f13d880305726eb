// Seed 000: CDG Priorities, September 2016 (NHS Dorset CCG), entered as data.
// Summary titles, ratings, arrows and plan column from the priorities summary; leads, updates, milestones,
// timescales and sub-items from the per-group monitoring reports. Generated once from the paper and then kept as code.
import AssureCore

enum CDGPriorities2016 {
    static let portfolio = DemoPortfolio(
        name: "CDG Priorities", scale: .threePoint, programmes: programmes,
        periods: [september2016, october2016], disabledChecks: [.noSRO])

    static let programmes: [DemoProgramme] = [
        DemoProgramme(
            name: "Maternity and Family Health", kind: .clinicalDeliveryGroup, clinicalLead: "Karen Kirkham",
            headOfService: "Jane Brennan", headOfServiceTitle: "Head of Service",
            projects: [
                DemoProject(
                    reference: "MAT001", title: "Maternity and Paediatric acute hospital network development",
                    lead: "Jane Brennan", commencement: "Jun-16", projectPlan: "Y - through Acute Vanguard",
                    projectTimescale: "Timescale to be agreed jointly with Acute Vanguards and CDG"),
                DemoProject(
                    reference: "MAT002",
                    title: "Define and develop local integrated community children's health service",
                    lead: "Jane Brennan", commencement: "Nov-15", projectPlan: "Y", projectTimescale: "Dec-16"),
            ]),
        DemoProgramme(
            name: "Integrated Community Services", kind: .clinicalDeliveryGroup, clinicalLead: "Karen Kirkham",
            headOfService: "Sally Sandcraft", headOfServiceTitle: "Programme Manager",
            projects: [
                DemoProject(
                    reference: "ICS001",
                    title:
                        "Integrated Teams and End of Life Care: Risk stratification and implementation of end of life care strategy",
                    lead: "Sally Sandcraft", commencement: "Nov-15", projectPlan: "Y",
                    children: [
                        DemoProject(title: "Risk Stratification"),
                        DemoProject(title: "Implementation of End of Life Care Strategy"),
                    ]),
                DemoProject(
                    reference: "ICS002",
                    title:
                        "Intermediate Care: intensive rehabilitation and re-ablement, links with early supported discharge and rapid response",
                    lead: "Sally Sandcraft", commencement: "Dec-15", projectPlan: "Y",
                    children: [
                        DemoProject(title: "Intensive rehabilitation and re-ablement (including stroke)"),
                        DemoProject(title: "Links with Early Supported Discharge - Stroke"),
                        DemoProject(title: "Rapid Response"),
                    ]),
                DemoProject(
                    reference: "ICS003", title: "Longer term project: Out of Hospital Respiratory Services",
                    lead: "Sally Sandcraft", commencement: "Dec-15", projectPlan: "Y",
                    children: [
                        DemoProject(title: "Out of Hospital Respiratory Services")
                    ]),
            ]),
        DemoProgramme(
            name: "Planned and Specialist Care", kind: .clinicalDeliveryGroup, clinicalLead: "Christian Verrinder",
            headOfService: "Cindy Shaw-Fletcher", headOfServiceTitle: "Head of Service",
            projects: [
                DemoProject(
                    reference: "PS001", title: "Rheumatology", lead: "Cindy Shaw-Fletcher", projectPlan: "Y",
                    children: [
                        DemoProject(
                            title: "Development of Rheumatology Clinical Network pan Dorset", commencement: "Nov-15",
                            projectTimescale: "6months"),
                        DemoProject(
                            title:
                                "Move appropriate rheumatology outpatients into the community. Focus on inflammatory disease service provision",
                            projectTimescale: "18months"),
                        DemoProject(
                            title:
                                "Secure new service to ensure any reorganisation agreed to complement and further enable the Dorset MSK strategy and the implementation of the Spinal Pain specification",
                            projectTimescale: "4 years"),
                    ]),
                DemoProject(
                    reference: "PS002", title: "Radiology and Diagnostics", lead: "Cindy Shaw-Fletcher",
                    projectPlan: "Y",
                    children: [
                        DemoProject(
                            title: "Develop a pan Dorset unified radiology platform for reporting and accessing images",
                            commencement: "Nov-15", projectTimescale: "5 years"),
                        DemoProject(
                            title:
                                "Use findings to design and agree the integrated radiology and pathology IT services to include commissioners (quality, procurement, finance, information)",
                            projectTimescale: "18months"),
                        DemoProject(
                            title: "Development of a Dorset radiology clinical network", projectTimescale: "6months"),
                    ]),
                DemoProject(
                    reference: "PS003", title: "Dermatology", lead: "Cindy Shaw-Fletcher", projectPlan: "Y",
                    children: [
                        DemoProject(
                            title: "Development of a Dorset Dermatology clinical network", commencement: "Nov-15"),
                        DemoProject(
                            title: "Agree integrating dermatology model (acute, community, primary care)",
                            projectTimescale: "12 months"),
                        DemoProject(
                            title: "Move appropriate dermatology outpatients into the community",
                            projectTimescale: "18 months"),
                    ]),
                DemoProject(
                    reference: "PS004", title: "Cancer", lead: "Cindy Shaw-Fletcher", commencement: "Nov-15",
                    projectPlan: "Y",
                    children: [
                        DemoProject(title: "Adapt cancer pathways to meet agreed performance targets"),
                        DemoProject(title: "Continue to develop a Dorset Cancer clinical network"),
                        DemoProject(title: "Continue to develop a single Dorset cancer service"),
                        DemoProject(title: "NICE NG12 Rerral Implementation"),
                        DemoProject(title: "GP Education", commencement: "Dec-15"),
                    ]),
            ]),
        DemoProgramme(
            name: "Urgent and Emergency Care", kind: .clinicalDeliveryGroup, clinicalLead: "Simon Watkins",
            headOfService: "Hazel Thorp", headOfServiceTitle: "Head of Service",
            projects: [
                DemoProject(
                    reference: "UE001", title: "Integrated urgent care hub (Out of Hospital/111)", lead: "Hazel Thorp",
                    projectPlan: "Y", projectTimescale: "Mar-18"),
                DemoProject(
                    reference: "UE002",
                    title:
                        "Weymouth urgent care centre mobilisation to be completed including an assessment of transferability of service across system",
                    lead: "Hazel Thorp", projectPlan: "Y"),
                DemoProject(
                    reference: "UE003",
                    title: "Trauma model of care developed to support the proposed acute model configuration",
                    lead: "Hazel Thorp", projectPlan: "Y"),
                DemoProject(
                    reference: "UE004",
                    title:
                        "Implementation of discharge to assess county wide (linked to the work of the systems resilience group).",
                    lead: "Hazel Thorp", projectPlan: "Priority moved to SRG"),
                DemoProject(
                    reference: "UE005",
                    title:
                        "Provision of specialist advice and guidance within one clinical pathway that assists admission avoidance.",
                    lead: "Hazel Thorp", projectPlan: "Y", projectTimescale: "tbc"),
            ]),
        DemoProgramme(
            name: "Mental Health", kind: .clinicalDeliveryGroup, clinicalLead: "Paul French",
            headOfService: "Kath Florey Saunders", headOfServiceTitle: "Head of Service",
            projects: [
                DemoProject(
                    reference: "MH001",
                    title:
                        "Co-produced model for acute mental health services resulting in enhanced access and service user experience (Acute Care Pathway Project)",
                    lead: "Kath Florey Saunders", projectPlan: "Y"),
                DemoProject(
                    reference: "MH002",
                    title:
                        "Improved rates of dementia diagnosis (67% by March 2016 – stretch target 70%) and improving post diagnostic support",
                    lead: "Kath Florey Saunders", projectPlan: "Y"),
                DemoProject(
                    reference: "MH003",
                    title:
                        "Development of effective provision to support the delivery of the 4 stage crisis model for learning disabilities (LD Crisis Assessment and Support)",
                    lead: "Kath Florey Saunders", projectPlan: "Y", projectTimescale: "31/03/2019"),
                DemoProject(
                    reference: "MH004", title: "Deliver the national MH waiting times for IAPT and EIP",
                    lead: "Kath Florey Saunders", projectPlan: "N/A", projectTimescale: "01/04/2016"),
                DemoProject(
                    reference: "MH005",
                    title:
                        "Work with the Maternity and Families CDG to develop an All Age Psychiatric Liaison Service by 2020.",
                    lead: "Kath Florey Saunders", projectPlan: "Y", projectTimescale: "01/04/2020"),
                DemoProject(
                    reference: "MH006",
                    title:
                        "Co-produce model for rehabilitation and recovery services incorporating related employment services and supportive housing",
                    lead: "Kath Florey Saunders", projectPlan: "Due to commence Sept/Oct 16"),
                DemoProject(
                    reference: "MH007",
                    title: "Co-produce model for organic specialist pathway (in-patient and community provision)",
                    lead: "Kath Florey Saunders", projectPlan: "Y", projectTimescale: "Dec-17"),
            ]),
    ]

    static let september2016 = DemoPeriod(
        key: "2016-09", label: "September 2016", asAt: .day(2016, 9, 30),
        publishOn: .day(2016, 10, 1), status: .published,
        returns: [
            DemoReturn(
                project: "MAT001", rating: "Green", trend: .unchanged,
                update:
                    "Work is being progressed through the Acute Vanguard against milestones and timescales. Two Frameworks for Future Commissioning, one for Women's Healthcare - Maternity and one for Paediatrics/Child Health have been developed and shared with both these workstreams.",
                milestones: [
                    MilestoneLine(
                        title:
                            "Attending Paediatric Vanguard on a monthly. Women's Healthcare Vanguard hasn't met since March 16. Linking with the PMO leads in One NHS Dorset since in post - July-August 16.",
                        date:
                            "Drafts shared with both workstreams. Currently redrafting Women's Healthcare to cover both maternity and gynae."
                    )
                ]),
            DemoReturn(
                project: "MAT002", rating: "Amber", trend: .unchanged,
                update:
                    "Feedback from stakeholder workshop (Feb) gathered. Vision to be further defined and agreed following consultation of the Framework for Future Commissioning for Paediatrics/Child Health. A project group is yet to be established. Created a template for collating children's services from Local Authorities. Received update from DCC. Chasing Bournemouth and Poole for feedback. Developing terms of reference for project group, inviting stakeholders and setting up first meeting.",
                milestones: [
                    MilestoneLine(
                        title:
                            "A draft PID has been developed, outlining the whole system redesign programme, this needs to be updated (Sept 16).",
                        date: "Draft PID to be updated following Vision workshop in July on Paediatric/Child Health.")
                ]),
            DemoReturn(project: "ICS001", rating: "Green", trend: .unchanged),
            DemoReturn(
                project: "ICS001 a)", rating: nil, trend: .unchanged,
                update:
                    "Service specification for integrated teams and outcome measures. Frailty reference group established and agreed output, task and finish group will be established. Outcomes agreed for work programme. Mapping of frailty services commenced. 1) Agree frailty risk screening and assessment tools, including the comprehensive Geriatric assessment to recommend pan Dorset. 2) Agree Dorset care plan template pan Dorset interfacing with information systems. 3) Recommend approaches for supporting people in care homes more proactively.",
                milestones: [
                    MilestoneLine(
                        title:
                            "Frailty and End of Life Care Reference Group to provide guidance on risk stratification to build on work of Better Together locality developments. Workshop has taken place and this will inform framework and guidance developed. This will be subsumed within the ICS programme and inform the pyramid of need and recommended models of care.",
                        date: "Jul-16")
                ]),
            DemoReturn(
                project: "ICS001 b)", rating: nil, trend: .unchanged,
                update:
                    "Gap analysis of Dorset EOL services against national strategy EOL. Outcomes: 1) Primary care - integrated with frailty work 2) Understand how to support DHUFT EOL strategic vision and integrated community teams 3) Acute care - ensure Trusts have plan to meet national NICE guidance and understand commissioning implications. ICS will subsume the DHUFT service development and interface with integrated teams and palliative care team.",
                milestones: [
                    MilestoneLine(
                        title:
                            "To define with trusts reporting that is standardised to help inform future planning. Proposals for more integrated care at end of life in East still awaited. This will transfer to the contract management team in the Directorate. The national Audit will form the basis of future reporting. Awaiting DHUFT report this delay impacts on Do plans",
                        date: "")
                ]),
            DemoReturn(
                project: "ICS002", rating: "Amber", trend: .unchanged,
                update:
                    "CDG considered output from stroke workshop and have recommended the service model: 1) Is not disease specific, 2) Is based on a 'pull out' of hospital model 3) Ensures specialism/specialists are included within community teams providing rapid response, intensive rehabilitation and reablement, early supported discharge and 4) Services are integrated and minimise the handovers between teams."
            ),
            DemoReturn(
                project: "ICS002 a)", rating: nil,
                update:
                    "Better Together programme review of intermediate care and reablement. Initial meeting taken place. Mapping of service due to complete in February. Links to the frailty work above. DHUFT meeting to review their service action plan in March.",
                milestones: [
                    MilestoneLine(
                        title:
                            "JCOG agreed work programme. IPC concluding research to inform key features and functions",
                        date: "Jun-16")
                ]),
            DemoReturn(
                project: "ICS002 b)", rating: nil,
                update:
                    "Community Hospital bed modelling for future needs. Modelling completed for stroke care and tested with clinicians. Community bed requirements identified but Acute Vanguard interface unclear. A task and finish group will be established to develop proposals for early supported discharge/ ESD light touch services that are not disease specific",
                milestones: [
                    MilestoneLine(
                        title:
                            "Recommended model based on the principles above for ESD and ESD light touch - Task and finish group meeting in May. Interface with Stroke Vanguard agreed",
                        date: "May-16")
                ]),
            DemoReturn(
                project: "ICS002 c)", rating: nil,
                update:
                    "Stroke rehabilitation model of care for Dorset. Workshop on right time right place stroke rehabilitation completed. Project on target. Acute Vanguard have included within their outputs and direction of travel not including commissioners",
                milestones: [
                    MilestoneLine(
                        title:
                            "Frailty workshop included all clinicians still considerable issues from specialists on more integrated models of care",
                        date: "")
                ]),
            DemoReturn(project: "ICS003", rating: "Green", trend: .unchanged),
            DemoReturn(
                project: "ICS003 a)", rating: nil,
                update:
                    "Dairs non-recurrent funding for 2016/17 to be considered at CCC. Completed and outcomes shared with Trusts. Model of care to be developed for Dorset. Detailed work has not commenced. ICS team to conclude work for CCC in august for implementation by both contracting and primary care function within Directorate",
                milestones: [
                    MilestoneLine(
                        title:
                            "CCIP includes emphasis on COPD. Pulmonary rehab lead provider agreed as DCH. New service spec & performance metrics agreed. Mobilisation plan to be agreed. Proposals for DAIRS resource redistribution to support enhanced primary care will be commenced in June",
                        date: "Apr-16")
                ]),
            DemoReturn(project: "PS001", rating: "Green", trend: .unchanged),
            DemoReturn(
                project: "PS001 a)", rating: "Complete",
                update:
                    "The Rheumatology Task and Finish Group and the existing Rheumatology Clinical Network will meet on May 18th as the new Clinical Network. Development of the model of services commenced.",
                milestones: [
                    MilestoneLine(
                        title: "Clinical Network established. Stage 2 of the project is complete.", date: "Apr-16")
                ]),
            DemoReturn(
                project: "PS001 b)", rating: nil, trend: .unchanged,
                update:
                    "The Task and Finish Group took place in September and work commenced on the development of the model. The next meeting will take place 9th November where a draft model will be agreed. A patient reference group was held on Tuesday 6 September to gain input for the model with patients . A Patient representative agreed to chair the reference group and one GP also attended, alongside members of the planned and specialist team. MSK Masterclass (GP education) will be held on 13 October.",
                milestones: [MilestoneLine(title: "Task and finish Group to be held in September.", date: "Apr-17")]),
            DemoReturn(
                project: "PS001 c)", rating: nil, trend: .unchanged,
                update: "Stage 5 of the project will commence in October 17.",
                milestones: [
                    MilestoneLine(title: "This priority will commence in stage 5 of the project plan.", date: "Jan-19")
                ]),
            DemoReturn(project: "PS002", rating: "Green", trend: .unchanged),
            DemoReturn(
                project: "PS002 a)", rating: nil, trend: .unchanged,
                update:
                    "The project team remain working with the Acute Vanguard Radiology group. New PMO team in place. Working towards delivering the integration of the pathology objective at present. A service brief has been completed and shared with the COO's. The Framework for Future Commissioning has been drafted and will be distributed for comments. This will act as a guide for the the Acute Vanguard Radiology agenda in line with the CSR and CCG agreed outcomes.",
                milestones: [MilestoneLine(title: "On target.", date: "Apr-20")]),
            DemoReturn(
                project: "PS002 b)", rating: nil, trend: .unchanged,
                update:
                    "The Acute Vanguard Radiology group has met and they have limited funding available for their work programme. All 3 acute trusts have agreed dates for connection of Open ICE. Formal confirmation awaited of what these are.",
                milestones: [
                    MilestoneLine(title: "Dates for connecting OpenICE across Dorset imminent.", date: "Apr-17")
                ]),
            DemoReturn(
                project: "PS002 c)", rating: nil, trend: .unchanged,
                update:
                    "The Acute Vanguard Radiology group continue to be the vehicle for delivering the Clinical Network for Pan-Dorset diagnostics and will be reviewed regularly to ensure this is effective. The CCG Clinical lead for diagnostics has met with the COO from DCH to agree how the acute vanguard for diagnostics and transformational work will deliver ICE across Dorset.",
                milestones: [
                    MilestoneLine(
                        title: "The Radiology Clinical Network is currently facilitated through the Acute Vanguard",
                        date: "Apr-16")
                ]),
            DemoReturn(project: "PS003", rating: "Green", trend: .unchanged),
            DemoReturn(
                project: "PS003 a)", rating: "Complete",
                update:
                    "Dermatology Clinical Network members have provided their views on aspects of the proposed service model. Findings are being themed and will be passed onto the working teams for the service development.",
                milestones: [MilestoneLine(title: "Clinical Network Established", date: "Apr-16")]),
            DemoReturn(
                project: "PS003 b)", rating: nil, trend: .unchanged,
                update:
                    "High level service model draft complete and will be finalised following the Task & Finish Group on 21st October 2016. Plans are in progress for the Advice & Guidance/tele dermatology pilot to commence September/October but more engagement with pilot practices is taking place regarding securing equipment to support the process. A further stakeholder workshop, to include patients, is scheduled for 9th November 2016 to establish the viability of the model. Concurrently, work will be started to establish what procurement options are possible. Work has commenced to develop 3 key areas for GP dermatology E-Learning videos.",
                milestones: [MilestoneLine(title: "Stage 2 completing, Stage 3 commencing", date: "Dec-16")]),
            DemoReturn(
                project: "PS003 c)", rating: nil, trend: .unchanged,
                update: "The final stages of the project are scheduled for 18 months from 1st January 2017.",
                milestones: [
                    MilestoneLine(
                        title: "This priority will commence in the final stage of the project plan.", date: "Jan-18")
                ]),
            DemoReturn(project: "PS004", rating: "Green", trend: .unchanged),
            DemoReturn(
                project: "PS004 a)", rating: nil, trend: .unchanged,
                update:
                    "PHFT maintaining Cancer standards performance and RAP closed. The RBCHFT RAP for 31 day and 62 day has met the second milestone. DCHFT met the 2WW standards from May and 62day from June and therefore the RAP process was reduced at the contract meeting into an agreed monitoring process rather than a formal RAP All three trusts achieved all cancer standards in July 2016.",
                milestones: [
                    MilestoneLine(title: "Remedial action plans agreed with RBCH/PHFT.", date: "Dec-16 Jul-16")
                ]),
            DemoReturn(
                project: "PS004 b)", rating: nil, trend: .unchanged,
                update:
                    "It has been agreed that the Dorset Cancer Alliance will be known as the Dorset Cancer Partnership. The outputs from the event on the 21st June have been summarised and will be acted upon in the development of cancer services. One of the key issues to be addressed is patient experience and this will be at the heart of all cancer work. The newly formed Dorset Cancer Alliance met on 16 September 2016. The membership and ToR were agreed. One Dorset Cancer priorities for 2016/17/18 have been agreed and were confirmed on 16 September.",
                milestones: [MilestoneLine(title: "Agreement of Dorset Cancer Priorities", date: "Oct-16")]),
            DemoReturn(
                project: "PS004 c)", rating: nil, trend: .unchanged,
                update:
                    "Patient triggered follow ups for colorectal patients has been designed and the Dorset Cancer Partnership will agree this workstream. A Pan Dorset meets to agree the criteria for IT to support this and moving to one system is being arranged.\nIt has been agreed that a Pan-Dorset review of effectiveness and efficiency of all Endoscopy services will be undertaken by the university of Southampton, commissioned by Wessex Cancer SCN. This will report in the Autumn of 2016.\nDorset has been asked to develop the lung pathway on behalf of Wessex and present at the September Strategic Cancer Network. The draft pathway was discussed at the Wessex Cancer WT meeting on 13th September 2016. Further revisions to be made and next meeting to progress planned for 07 October 2016.\nIt has been agreed that Dorset become a demonstrator site, with RBCHFT leading, to pilot test 28 day referral to diagnostics including patients being informed about whether or not they have cancer. Lung, Prostate and Colorectal pathways will be included.",
                milestones: [MilestoneLine(title: "Project plan has been developed", date: "")]),
            DemoReturn(
                project: "PS004 d)", rating: nil, trend: .unchanged,
                update:
                    "NICE NG12 referrals for suspected cancer will go live from January 2017.\nGP training and communication and provision of additional capacity in diagnostics and fast track appointments, will support this. A plan for education covering Dorset is being developed and will be carried out between October and December 2016l.\nA meeting has been arranged for 27 September 2016 with radiologists from each of the Trusts to agree direct access to radiology as per the referral forms.\nMeetings have been held with the Trusts throughout late September to discuss and agree financial implications of the roll out.",
                milestones: [MilestoneLine(title: "GP Education", date: "Dec-16")]),
            DemoReturn(
                project: "PS004 e)", rating: nil, trend: .unchanged,
                update:
                    "GP training to support patients being referred into Secondary Care for suspected Cancer has been developed jointly with the CCG clinical lead and Macmillan. Wessex Strategic Cancer Network has secured some resources to support this. GP Membership events, Locality GP protected learning times as well as GP bulletins and social media will be used to deliver this. Initial meeting with North Dorset has taken place.",
                milestones: [MilestoneLine(title: "Commenced April-16", date: "Jun-17")]),
            DemoReturn(
                project: "UE001", rating: "Amber", trend: .unchanged,
                update:
                    "Delays evident due to impact on resources within hub associated with elements of recent CQC report and activity linked to a neighbouring CCG (Devon). Contract monitoring meetings continue to track progress. Current focus is upon agreeing target dates/milestones for remaining standards. Awaiting feedback from more recent CQC visit as a follow up to original inspection. Discussions around procurement for service from 01 April 2018 have commenced.",
                milestones: [MilestoneLine(title: "Implement remaining 7 integrated hub standards", date: "Mar-18")]),
            DemoReturn(project: "UE002", rating: "Green", trend: .unchanged, update: "Completed"),
            DemoReturn(project: "UE003", rating: "Green", trend: .unchanged, update: "Completed"),
            DemoReturn(
                project: "UE004", rating: "Green",
                update:
                    "Forms part of wider work on Delayed transfers of care (DTC) that is coordinated via SRG due to cross cutting nature. Dorset wide agreed plan developed and linked to Better Care Fund. Updates will be provided via SRG.",
                milestones: [MilestoneLine(title: "MOVED TO SRG", date: "")]),
            DemoReturn(
                project: "UE005", rating: "Green", trend: .unchanged,
                update:
                    "Pan Dorset Joint Health & Social Care Falls Strategy 2016 - 2019 has been reviewed and updated. Implementation aspect needs further consideration with specific emphasis and link to prevention agenda in the context of increasing trends of incidence of falls and fractures presenting to acute hospitals. Strategy to be put forward for inclusion in CCC with recommendation for multi-agency input around prevention highlighting links to STP and ICS work stream. Strategy also to be presented to both Health & Wellbeing board for consideration. Awaiting further data from SWAST regarding non conveyed fallers pathway before discussing follow up actions needed.",
                milestones: [MilestoneLine(title: "Refresh SWAST non-conveyed fallers pathway", date: "Aug-16")]),
            DemoReturn(
                project: "MH001", rating: "Green", trend: .unchanged,
                update:
                    "Modelling phase successfully completed. Strategic Outline Case produced - to be submitted to FRG and GB for approval to go to consultation. NHS E Stage 2 assurance now required. Consultation timeline amended accordingly. Provisional date for consultation start - 6th February 2017",
                milestones: [MilestoneLine(title: "NHSE Stage II Assurance", date: "Mid January 2017")]),
            DemoReturn(
                project: "MH002", rating: "Red", trend: .unchanged,
                update:
                    "Recent meeting with NHSE (Wessex). NHSE recognised good progress and work that has been completed to date. Now acknowledging that target may be poorly derived. Operational planning guidance has outlined the need to keep pushing for 66.6% diagnosis rates",
                milestones: [
                    MilestoneLine(
                        title:
                            "Increased accuracy of Dorset dementia prevalence estimates Identification, care and support of people with dementia within Care homes",
                        date: "Mar-17")
                ]),
            DemoReturn(
                project: "MH003", rating: "Green", trend: .unchanged,
                update:
                    "TCP plan approved by NHSE. Transformation fund (£180k) confirmed for step down element - Shottsford House. TCP programme plan developed and workstreams progressing as planned. The team have also been successful in securing £145k capital funding for a LA step down unit (subject to approval of the PID). There have been an unprecedented amount of admissions this financial year and the trajectories have been revised and these are being submitted to the TCP Board in October and NHS England and they now reflect people being admitted to MH units for MH specific treatment. Discharges are taking place to Shottsford.",
                milestones: [
                    MilestoneLine(
                        title:
                            "Specified number of service users stepped down from hospital to local service provision by end 2016/17",
                        date: "31/03/2017")
                ]),
            DemoReturn(
                project: "MH004", rating: "Green", trend: .unchanged,
                update:
                    "Delivery by 1st April achieved. Service is compliant with new standards and continues to be monitored and managed under business as usual. work commenced to understand resource requirements to improve penetration rates to 25% by 2020\nNew Access standards for IAPT to continue to be met monthly - continued pressure upon referral rates leading to increasing waiting times due to limited capacity within service as operating over the commissioned demand. local indicators for entering treatment no longer being achieved\nEIP - Interim data collection via UNIFY put in place nationally pending improved reliability of data collected via HSCIC. Work continuing to enable reporting capability within RiO IT system. National reports indicate service is compliant with new standard . Work being undertaken to develop expansion plans in line with the operational planning guidance and the STP for approval at the CCC as there will be requirement for investment to deliver the significant activity increase",
                milestones: [
                    MilestoneLine(
                        title:
                            "Continued achievement of new national Mental health access standards for Early Intervention in Psychosis and IAPT",
                        date: "Apr-16")
                ]),
            DemoReturn(
                project: "MH005", rating: "Priority owned by M&FH", trend: .unchanged,
                update:
                    "A review and development project is being set up to develop a business case for all age psychiatric liaison and the requirement for Core24 in 50% of hospitals with A&E. We are working with Wessex SCN on action groups to ensure that learning can be shared and consistent service commissioned and delivered. Team link with be with Mark Harris to assist in the linkages with the CSR consultation outcomes."
            ),
            DemoReturn(
                project: "MH006", rating: "Green", trend: .unchanged,
                update:
                    "Project scheduled to commence late 2016: may be delayed to 2017 due to resources being focussed on ACP/ PL and EIP"
            ),
            DemoReturn(
                project: "MH007", rating: "Amber", trend: .unchanged,
                update:
                    "PID approved. Project now entering the view finding phase. Schedule of events produced for period 4/10/16 - 14/11/16",
                milestones: [MilestoneLine(title: "View Finding", date: "")]),
        ])
}
