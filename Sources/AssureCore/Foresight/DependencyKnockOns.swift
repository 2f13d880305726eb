import Foundation

/// An end put at risk through others: something it waits on, directly or down a chain, waits on a milestone that is at
/// risk. The chain runs from the milestone at risk to this end, so a reader sees where the risk starts.
public struct DependencyKnockOn: Sendable, Hashable {
    public let end: DependencyEnd
    /// The dependency at risk that the chain starts from.
    public let origin: DependencyRisk
    /// From the origin's upstream, through its dependant, to `end`.
    public let chain: [DependencyEnd]
}

extension DependencyGraph {
    /// Every end downstream of a dependency at risk, other than that dependency's own dependant (flagged by the risk
    /// itself), with the shortest chain from the first risk (in `risks`' order) that reaches it. A project as a whole
    /// at risk passes the risk on through each of its milestones that others wait on.
    public func knockOns(of risks: [DependencyRisk]) -> [DependencyEnd: DependencyKnockOn] {
        let direct = Set(risks.map(\.dependency.dependant))
        var found: [DependencyEnd: DependencyKnockOn] = [:]
        for risk in risks {
            let start = risk.dependency.dependant
            let starts =
                start.milestone == nil
                ? Set(dependencies.map(\.upstream).filter { $0.projectID == start.projectID }).sorted {
                    ($0.milestone ?? "") < ($1.milestone ?? "")
                } : [start]
            for from in starts {
                let lead = from == start ? [risk.dependency.upstream, start] : [risk.dependency.upstream, start, from]
                for (end, chain) in downstream(of: from) where !direct.contains(end) {
                    let whole = lead + chain.dropFirst()
                    if let known = found[end], known.chain.count <= whole.count { continue }
                    found[end] = DependencyKnockOn(end: end, origin: risk, chain: whole)
                }
            }
        }
        return found
    }
}
