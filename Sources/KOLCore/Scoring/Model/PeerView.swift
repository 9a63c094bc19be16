/// What the workspace's peer statistics look like to one KOL: all that a peer-reading criterion or rule
/// (`readsPeers`) sees of them. Two engines that give a KOL the same view judge those rules alike.
///
/// Why: an edit of one KOL's followers or price moves the statistics of its star level (and of levels
/// within ±1 star that widen to it), so only KOLs whose view changed need their peer rules judged again.
public struct PeerView: Hashable, Sendable {
    public var followers: PeerStatistics.Reference?
    public var price: PeerStatistics.Reference?
    public var costPerEngagement: PeerStatistics.Reference?
}

extension ScoringEngine {
    public func peerView(of kol: KOL) -> PeerView {
        PeerView(followers: context.peers.followers(for: kol), price: context.peers.price(for: kol),
                 costPerEngagement: context.peers.costPerEngagement(for: kol))
    }

    /// Both groups of `redFlags(_:of:)` as one `redFlags(_:)` result (most severe first, then by code).
    public static func merging(_ a: KOLRedFlags, _ b: KOLRedFlags) -> KOLRedFlags {
        var flags = a.flags + b.flags
        flags.sort { $0.severity != $1.severity ? $0.severity < $1.severity : $0.code < $1.code }
        return KOLRedFlags(id: a.id, flags: flags, notChecked: a.notChecked.merging(b.notChecked) { first, _ in first })
    }

    /// `outcomes(_:)` keeping the criteria that do not read peers from `previous` (same KOL content, brief,
    /// thresholds and day) and evaluating only the peer-reading ones again.
    public func outcomes(_ kol: KOL, reusing previous: [ComponentOutcome]) -> [ComponentOutcome] {
        guard previous.count == catalog.criteria.count else { return outcomes(kol) }
        let subject = subject(kol)
        var result = previous
        for (position, criterion) in catalog.criteria.enumerated() where criterion.readsPeers {
            result[position] = criterion.evaluate(subject)
        }
        return result
    }
}
