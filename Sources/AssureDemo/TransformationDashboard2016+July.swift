import AssureCore

extension TransformationDashboard2016 {
    /// Illustrative, not from the seeds: July 2016, in which some ratings change so derived arrows can be seen.
    /// Returns carry no typed arrows: from here on every arrow is derived.
    static let july2016 = DemoPeriod(
        key: "2016-07", label: "July 2016", asAt: .day(2016, 7, 31), publishOn: .day(2016, 8, 1),
        status: .published, isIllustrative: true,
        returns: june2016.returns.map { june in
            var july = june
            july.trend = nil
            july.update = julyChanges[june.project]?.update ?? "Illustrative: no material change since June."
            if let change = julyChanges[june.project] {
                july.rating = change.rating
                if let milestones = change.milestones { july.milestones = milestones }
            }
            return july
        })

    private static let julyChanges: [String: (rating: String, update: String, milestones: [MilestoneLine]?)] = [
        "PCBC": ("Green", "Illustrative: document locked down on 20 July as planned.", nil),
        "Communication and Engagement": (
            "Amber", "Illustrative: consultation document with designer; partner involvement continuing.",
            [
                MilestoneLine(
                    title: "Public Consultation - version 1 consultation document for feedback", date: "01-Sep-16",
                    rating: "Green"),
                MilestoneLine(title: "Public Consultation", date: "Mid September 2016", rating: "Amber"),
            ]
        ),
        "Mental Health Acute Care Pathway": (
            "Amber", "Illustrative: financial modelling needs a further two weeks.",
            [
                MilestoneLine(title: "Stage 3: Modelling", date: "17-Aug-16")
            ]
        ),
        "Development of proposals for integrated community services": (
            "Green",
            "Illustrative: Governing Body received the consultation options on 20 July.", nil
        ),
        "NHSE Stage II assurance and Investment Committee": (
            "Red", "Illustrative: Stage II date at risk; escalated to SLT.",
            [
                MilestoneLine(title: "Successful completion of NHSE Stage II and IC", date: "31-Aug-16", rating: "Red")
            ]
        ),
        "CWGs": ("Complete", "Illustrative: CWG 11 held on 13 July 2016.", nil),
    ]
}
