// Seed 001: "Risks and Mitigating Actions" from the Dorset STP delivery plan (draft, November 2016), entered as data:
// the CCG's risks and the STP's system-wide risks, rated High/Medium/Low, with their register references.
import AssureCore

public enum RiskRegister2016 {
    public static let register = RiskRegister(
        name: "Dorset CCG and STP risks, November 2016", scale: .highMediumLow, risks: risks)

    static let risks: [Risk] = [
        Risk(
            section: "CCG RISKS",
            description:
                "Organisational self-interest – ineffective partnership working resulting in ineffective integration of services (Corporate Risk Register S03).",
            severity: "H", likelihood: "M",
            mitigation:
                "Robust clinical delivery groups in place with appropriate communications networks, partners and stakeholders. Development of joint priorities and action plans."
        ),
        Risk(
            section: "CCG RISKS", description: "Failure to deliver control total (Corporate Risk Register FIN21)",
            severity: "H", likelihood: "M",
            mitigation:
                "Robust financial management process in place Robust, align operational plans in place across the system"
        ),
        Risk(
            section: "CCG RISKS",
            description:
                "NHS providers sustainability – impacting on service delivery and implementation of service changes (Corporate Risk Register S02).",
            severity: "H", likelihood: "H",
            mitigation:
                "Work with providers to ensure safe, effective and efficient implementation of services. Continued monitoring and review of contracts."
        ),
        Risk(
            section: "CCG RISKS",
            description:
                "Impact of diminished cash reserves impacts on ability to pay core function on time (Corporate Risk Register S02)",
            severity: "H", likelihood: "M",
            mitigation: "Support providers to deliver the efficiency required to deliver a balanced position."),
        Risk(
            section: "CCG RISKS",
            description:
                "Impact on NHS providers, particularly secondary care in transferring money to the Better Care Fund, and diverting from front line NHS services. (GBAF 3.2).",
            severity: "H", likelihood: "M", mitigation: "CCG to align contractual spend against pooled fund."),
        Risk(
            section: "CCG RISKS", description: "Increase in secondary care referrals.",
            severity: "H", likelihood: "M",
            mitigation:
                "Full range of evidence based pathways and referral protocols in place; Contract levers and activity thresholds in place."
        ),
        Risk(
            section: "CCG RISKS",
            description: "Public, patient, stakeholder challenge and judicial review (Corporate Risk Register 025).",
            severity: "H", likelihood: "M",
            mitigation:
                "Detailed communications and engagement plans for each service change ensuring involvement through each stage of the process. Regular media/press releases to ensure wide involvement."
        ),
        Risk(
            section: "CCG RISKS",
            description:
                "Urgent care/A&E pressures impacting on system sustainability, discharge and patient care (Corporate Risk Register CDG4.1, CDG 4.2).",
            severity: "H", likelihood: "H",
            mitigation: "System resilience group have system wide plans in place to mitigate against these pressures."),
        Risk(
            section: "STP - SYSTEM WIDE RISKS",
            description:
                "Access to Sustainability and Transformation Plan Funding for Dorset including provider request for additional financial support and capital funding (Corporate Risk Register S01).",
            severity: "H", likelihood: "H",
            mitigation: "Work across the system to establish the system benefits of funding coming into Dorset."),
        Risk(
            section: "STP - SYSTEM WIDE RISKS",
            description:
                "Delivery of Sustainability and Transformation Fund (STPF) objectives (Corporate Risk Register S03).",
            severity: "H", likelihood: "H",
            mitigation: "Work across the system to establish how the objective of the STPF can be delivered."),
        Risk(
            section: "STP - SYSTEM WIDE RISKS",
            description:
                "Local Authority financial position post comprehensive spending review impacting on social care and transformation (Corporate Risk Register O31).",
            severity: "H", likelihood: "H",
            mitigation:
                "Work across the system to identify service areas which may be reshaped to release savings and assist with communications in support of changes."
        ),
        Risk(
            section: "STP - SYSTEM WIDE RISKS",
            description:
                "Primary care pressures including the sustainability of the workforce, finances and impact of devolution (Corporate Risk Register O36).",
            severity: "H", likelihood: "M",
            mitigation:
                "Implement primary care development plan. Devolved commissioning of primary care enable local decisions. Work with LMC and Deanery to identify placements and support programmes for workforce development."
        ),
        Risk(
            section: "STP - SYSTEM WIDE RISKS",
            description: "System wide workforce pressures (Corporate Risk Register O36).",
            severity: "M", likelihood: "M",
            mitigation:
                "Work with Health Education England, LMC and Deanery to identify placements and support programmes for workforce development."
        ),
        Risk(
            section: "STP - SYSTEM WIDE RISKS",
            description: "Capacity within the system to deliver all Workstreams (Corporate Risk Register O36).",
            severity: "M", likelihood: "M",
            mitigation: "Clear delivery mechanisms in place and additional focussed project support."),
        Risk(
            section: "STP - SYSTEM WIDE RISKS",
            description:
                "Wider political appetite and support- balancing cost, quality, service delivery, outcomes and patient preference (GBAF 4.1).",
            severity: "H", likelihood: "M",
            mitigation: "Engagement and involvement, testing levels of ambition of all partners at each stage."),
        Risk(
            section: "STP - SYSTEM WIDE RISKS",
            description: "Impact of NHS transformation programmes on social care services.",
            severity: "M", likelihood: "M",
            mitigation: "Work with social care to understand and mitigate potential risks."),
    ]
}
