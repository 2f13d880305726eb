import AssureCore

extension CDGPriorities2016 {
    /// Illustrative, not from the seeds: October 2016 open for returns, some in, some changed, so that
    /// derived arrows and missing returns can be seen.
    static let october2016 = DemoPeriod(
        key: "2016-10", label: "October 2016", asAt: .day(2016, 10, 31), publishOn: .day(2016, 11, 1),
        status: .open, isIllustrative: true,
        returns: [
            DemoReturn(
                project: "MAT001", rating: "Green",
                update: "Illustrative: frameworks agreed with both Acute Vanguard workstreams.",
                milestones: [MilestoneLine(title: "Women's Healthcare framework redrafted", date: "Nov-16")],
                submittedBy: "Jane Brennan"),
            DemoReturn(
                project: "MAT002", rating: "Green",
                update: "Illustrative: project group established and first meeting held.",
                milestones: [MilestoneLine(title: "PID updated following Vision workshop", date: "30-Nov-16")],
                submittedBy: "Jane Brennan"),
            DemoReturn(
                project: "ICS002", rating: "Red",
                update:
                    "Illustrative: stroke early supported discharge interface with the Acute Vanguard still unclear.",
                mitigation: "Escalated to the Integrated Community Services CDG.",
                milestones: [
                    MilestoneLine(title: "Task and finish group recommendations", date: "Dec-16", rating: "Red")
                ],
                submittedBy: "Sally Sandcraft"),
            DemoReturn(
                project: "MH002", rating: "Amber",
                update: "Illustrative: diagnosis rate recovering after prevalence estimates were refreshed.",
                milestones: [MilestoneLine(title: "Care home identification exercise", date: "Mar-17")],
                submittedBy: "Kath Florey Saunders"),
        ])
}
