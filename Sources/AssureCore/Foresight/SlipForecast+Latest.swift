import Foundation

extension SlipForecast {
    /// What a forecast needs to have learnt from before it is shown: milestones whose next period is known.
    public static let fewestLearnt = 100
    /// The most recent milestones learnt from, at most: a portfolio's fit costs the same in its fifth year as its second.
    public static let mostLearnt = 20_000

    /// The forecasts for the open milestones of the history's last period, fitted on every earlier period's milestones
    /// and what became of them; nil while the history has taught fewer than `fewestLearnt` outcomes (a new portfolio, or
    /// the demo's two months), so that no chance is shown that rests on next to nothing.
    public static func latest(_ history: [PeriodMilestones]) -> [Forecast]? {
        var learner = Learner()
        for period in history { learner.add(period) }
        return learner.forecasts()
    }
}
