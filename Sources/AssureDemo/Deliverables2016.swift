// Seed 001: the "Key Deliverables" tables of the Dorset STP delivery plan (draft, November 2016), entered as data for
// four programmes: each deliverable under its workstream (where the paper has one), ticked against the financial
// years it is due in (2017 is 17/18, 2018 is 18/19). Bullets the paper wrote as HTML are kept as text.
import AssureCore

public enum Deliverables2016 {
    public static let programmes:
        [(programme: String, deliverables: [(workstream: String, title: String, years: [Int])])] = [
            (
                "Prevention at Scale",
                [
                    (
                        "",
                        "Continue to develop and refine the prevention at scale implementation plans to support STP delivery",
                        [2017]
                    ),
                    ("", "Develop additional pathway into 'Live Well Dorset'", [2017]),
                    (
                        "",
                        "Continue to commission self-care programme, work with public health and enhancing digital options (see digital page 22)",
                        [2017]
                    ),
                    ("", "Reduce variation in secondary prevention of diabetes and CVD", [2017, 2018]),
                    (
                        "", "Contribute to the developing multi-sector, multifaceted physical activity programme",
                        [2017, 2018]
                    ),
                    (
                        "",
                        "Implement a range of programmes to support health and wellbeing, building on progress made in 2016",
                        [2017, 2018]
                    ),
                    ("", "Develop diabetes models of care", [2017]),
                    ("", "Implement diabetes models of care through a phased programme", [2017, 2018]),
                ]
            ),
            (
                "Integrated Community Hubs and Teams",
                [
                    ("Community Hubs", "Full business case for revenue and capital implications of ICS model", [2017]),
                    (
                        "Community Hubs",
                        "Complete decision making on community hub configuration post public consultation: • Confirm number of community hubs • Confirm range of services within each hub and the numbers of beds at each community hub with beds • Define other primary care facilities for the delivery of community outpatients • Phase 1 of short term care home bed provision • Establish Step up beds in the west of the county • Implementation of first wave of community hubs",
                        [2017]
                    ),
                    ("Community Hubs", "Phase 2 of short term care home provision expansion", [2018]),
                    (
                        "Community Hubs",
                        "Reduce community hospital length of stay from circa 32 days to 24 days step down and 3 days step up.",
                        [2018]
                    ),
                    ("Community Hubs", "Implementation of wave 2 community hubs", [2018]),
                    (
                        "Integrated Community Teams (health and social care)",
                        "Implement integrated health and care teams to enable 0.5% of the population (all people with very high needs) being supported",
                        [2017]
                    ),
                    (
                        "Integrated Community Teams (health and social care)",
                        "Expand teams so 5% of the population (all people with high needs) are supported", [2018]
                    ),
                    (
                        "Integrated Community Teams (health and social care)",
                        "Expand teams so 15% of the population with moderate need will be receiving co-ordinated signposting, advice and support, personalised to their needs.",
                        [2018]
                    ),
                ]
            ),
            (
                "Transforming General Practice",
                [
                    (
                        "",
                        "Implement local transformation programme to enable 40% the population to be receiving GP Services from practices who are part of a collaboration, working at scale",
                        [2018]
                    ),
                    (
                        "",
                        "Technology enabling the delivery of care through implementing the Dorset Care Record and Digital Dorset",
                        [2017]
                    ),
                    (
                        "",
                        "Improving the primary care estates, working in partnership with integrated community services infrastructure development priorities and plans",
                        [2018]
                    ),
                    (
                        "",
                        "Improve access to general practice by providing additional consultation capacity per 1,000 population including on-line consultation systems, address inequality in access and commission additional capacity for evening and weekends reflecting local need",
                        [2018]
                    ),
                    (
                        "",
                        "Design a rolling Annual Programme of Quality Improvement and set specific standards to address variation and improve outcomes through implementing the Time for Care Programme and 10 high impact changes",
                        [2017]
                    ),
                    (
                        "",
                        "Deliver workforce development plans to address General practice resilience, supporting the development of skill-mixed teams for delivery of new models of care",
                        [2017]
                    ),
                    (
                        "",
                        "Prevention –work with localities to develop models of care which facilitate supported self-care, improved health and wellbeing including training for care navigators",
                        [2017]
                    ),
                    (
                        "",
                        "Support the organisational development of general practice to enable primary care to be equal partners in new collaborative arrangements",
                        [2017]
                    ),
                    ("", "Further develop commissioning of primary care to deliver care at scale", [2018]),
                    (
                        "",
                        "Implementation of the integrated community services new care models to reflect local care needs",
                        [2018]
                    ),
                ]
            ),
            (
                "Transforming Mental Health - adults",
                [
                    (
                        "Acute Care Pathway and Crisis Care Concordat",
                        "NHS England Stage 2 Assurance and consult on options", [2017]
                    ),
                    (
                        "Acute Care Pathway and Crisis Care Concordat", "Implementation of Acute Care Pathway",
                        [2017, 2018]
                    ),
                    (
                        "Complex Care and Recovery Pathway",
                        "Development of business case including view seeking and modelling (consulting on options if required)",
                        [2017]
                    ),
                    ("Complex Care and Recovery Pathway", "Implementation of services", [2018]),
                    (
                        "Integrated Physical and Mental Health",
                        "Commission health screening and interventions to reach 2100 people in 2017/18 and 4200 in 2018/19 in Dorset on SMI register",
                        [2017]
                    ),
                    (
                        "All Age Psychiatric Liaison Services",
                        "Review psychiatric liaison services to reflect outcomes of CSR consultation, develop business case",
                        [2017]
                    ),
                    ("All Age Psychiatric Liaison Services", "Implementation of services", [2017, 2018]),
                    ("Dementia", "Dementia review- development of strategic outline business case", [2017]),
                    ("Dementia", "Dementia Review- Consultation and decision by Governing Body", [2017, 2018]),
                    ("Dementia", "Dementia Review- Implementation of services", [2018]),
                    ("Dementia", "Continuation of Memory Advice Service", [2017, 2018]),
                    (
                        "Dementia",
                        "Dementia Diagnosis- Increase numbers of Care plan reviews (face to face review of their care plan within the last 12 months) March 2017",
                        [2017, 2018]
                    ),
                    ("Dementia", "Dementia Training- review, monitor and evaluate services", [2017, 2018]),
                ]
            ),
        ]

    public static let all: [Deliverable] = programmes.flatMap { programme in
        programme.deliverables.map {
            Deliverable(
                programme: programme.programme, workstream: $0.workstream, title: $0.title,
                years: Set($0.years.map(FinancialYear.init(startingIn:))))
        }
    }
}
