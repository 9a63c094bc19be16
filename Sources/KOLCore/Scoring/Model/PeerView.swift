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

extension PeerStatistics {
    /// The view of a KOL with these stars and id (what `ScoringEngine.peerView(of:)` reads of the KOL):
    /// an editor asks it for 10^4 KOLs per keystroke without copying each KOL.
    public func view(stars: Double?, id: String) -> PeerView {
        PeerView(followers: reference(stars: stars, id: id, field: .log10Followers),
                 price: reference(stars: stars, id: id, field: .price),
                 costPerEngagement: reference(stars: stars, id: id, field: .costPerEngagement))
    }

    /// Whether every KOL with these stars sees the same view: each measurement's statistics of the level
    /// are cached (a big level, no leave-one-out), so one lookup serves the whole level.
    public func viewIsLevelWide(stars: Double?) -> Bool {
        guard let stars, stars.isFinite else { return true }
        let level = PeerStatistics.halfStars(stars)
        return Field.allCases.allSatisfy { cache[CacheKey(level: level, radius: 0, field: $0)] != nil }
    }

    /// The star level (half-stars) views are shared by when `viewIsLevelWide`; nil without stars.
    public static func level(stars: Double?) -> Int? {
        guard let stars, stars.isFinite else { return nil }
        return halfStars(stars)
    }
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

/// Peer views of many KOLs under one `PeerStatistics`, looked up once per star level where the level's
/// statistics are shared by all its KOLs (`viewIsLevelWide`). Why: an editor checks every KOL's view on
/// each keystroke; at 10^4 KOLs in a dozen levels, three hashed lookups per KOL showed in profiles.
/// Answers always equal `PeerStatistics.view(stars:id:)`.
public struct PeerViewLookup {
    private let peers: PeerStatistics
    /// By half-star level (0...12), and the last slot for KOLs without stars: nil until asked; then
    /// whether the level is wide and, if so, its view.
    private var levels: [(wide: Bool, view: PeerView?)?]

    public init(_ peers: PeerStatistics) {
        self.peers = peers
        levels = Array(repeating: nil, count: 14)
    }

    public mutating func view(stars: Double?, id: String) -> PeerView {
        let slot = PeerStatistics.level(stars: stars).map { min(max($0, 0), 12) } ?? 13
        if let known = levels[slot] {
            if let view = known.view { return view }
            if !known.wide { return peers.view(stars: stars, id: id) }
        }
        let wide = peers.viewIsLevelWide(stars: stars)
        let view = peers.view(stars: stars, id: id)
        levels[slot] = (wide, wide ? view : nil)
        return view
    }
}
