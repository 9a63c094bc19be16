import Foundation
import JSON

/// How a KOL compares with the workspace's other KOLs of the same star level: median and MAD of log10
/// followers, median price, median cost per engagement.
///
/// Computed once per workspace (`init` is O(n log n)); cheap to recompute after an edit.
///
/// Peers exclude the KOL itself: with five ★3 accounts, a 20 000 CNY asking price must not pull up the very
/// median it is compared with. Levels with more than `leaveOneOutLimit` KOLs use the precomputed level
/// statistics (one KOL barely moves a median of 50), which keeps a 10^4-KOL workspace linear.
///
/// Fallback when a level has fewer than `minimumPeers` peers: widen to neighbouring levels (±0.5 star, then
/// ±1 star), then use the built-in `StarLevelTable`. The basis used is reported in the evidence.
public struct PeerStatistics: Hashable, Sendable {
    /// Fewer peers than this and the median/MAD are too noisy to judge anyone (engineering judgement: the
    /// MAD of 2 values is half their distance).
    public static let minimumPeers = 3
    public static let leaveOneOutLimit = 50

    struct Entry: Hashable, Sendable {
        var id: String
        var halfStars: Int
        var log10Followers: Double?
        var price: Double?
        var costPerEngagement: Double?
    }

    /// What a KOL was compared with.
    public struct Reference: Hashable, Sendable {
        public enum Basis: Hashable, Sendable {
            case sameLevel
            /// Peers within ±`stars` of the KOL's level.
            case widened(stars: Double)
            case builtInTable
        }
        public var basis: Basis
        public var peerCount: Int
        public var median: Double
        /// Unscaled MAD (nil for prices, where only the median is used).
        public var mad: Double?

        public var basisDescription: String {
            switch basis {
            case .sameLevel: return "same star level"
            case .widened(let stars): return "star levels within ±\(Scoring.number(stars, 1))"
            case .builtInTable: return "built-in star-level table"
            }
        }

        public var json: JSONObject {
            var object: JSONObject = ["basis": .string(basisDescription), "peers": .int(Int64(peerCount)),
                                      "median": .double(Scoring.round(median, 4))]
            if let mad { object["mad"] = .double(Scoring.round(mad, 4)) }
            return object
        }
    }

    /// The measurement compared with peers.
    enum Field: Hashable, Sendable, CaseIterable {
        case log10Followers, price, costPerEngagement
    }

    struct CacheKey: Hashable, Sendable {
        var level: Int
        var radius: Int
        var field: Field
    }

    var byLevel: [Int: [Entry]]
    /// Statistics of big neighbourhoods (more than `leaveOneOutLimit` values), computed once.
    var cache: [CacheKey: Reference] = [:]

    public init(kols: [KOL], features: (KOL) -> KOLFeatures) {
        var byLevel: [Int: [Entry]] = [:]
        for kol in kols {
            guard let entry = PeerStatistics.entry(kol, features: features) else { continue }
            byLevel[entry.halfStars, default: []].append(entry)
        }
        self.byLevel = byLevel
        for level in byLevel.keys {
            for field in Field.allCases { updateCache(level: level, field: field) }
        }
    }

    /// What a KOL contributes (nil without a usable star level).
    static func entry(_ kol: KOL, features: (KOL) -> KOLFeatures) -> Entry? {
        guard let stars = kol.stars, stars.isFinite else { return nil }
        let halfStars = PeerStatistics.halfStars(stars)
        let log10Followers = kol.followers.flatMap { $0 > 0 ? log10(Double($0)) : nil }
        let price = kol.price.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
        var cpe: Double?
        if let price, let expected = features(kol).medianEngagements, expected > 0 { cpe = price / expected }
        return Entry(id: kol.id, halfStars: halfStars, log10Followers: log10Followers, price: price,
                     costPerEngagement: cpe)
    }

    /// Sets or clears the cached statistics of a level's neighbourhoods (radius 0, 1, 2) from the current
    /// entries. Only the smallest big neighbourhood is kept: a lookup stops at the first cached radius, so
    /// larger ones would never be read (and sorting them cost most of building the statistics).
    mutating func updateCache(level: Int, field: Field) {
        var found = false
        for radius in 0...2 {
            let key = CacheKey(level: level, radius: radius, field: field)
            cache[key] = nil
            guard !found else { continue }
            let values = values(level: level, radius: radius, field: field, excluding: nil)
            if values.count > PeerStatistics.leaveOneOutLimit,
               let stats = PeerStatistics.stats(values, basis: PeerStatistics.basis(radius), field: field) {
                cache[key] = stats
                found = true
            }
        }
    }

    public init(kols: [KOL]) {
        self.init(kols: kols, features: KOLFeatures.init(kol:))
    }

    static func halfStars(_ stars: Double) -> Int { Int((Scoring.clamp(stars, 0, 6) * 2).rounded()) }

    static func basis(_ radius: Int) -> Reference.Basis {
        radius == 0 ? .sameLevel : .widened(stars: Double(radius) / 2)
    }

    /// Peers' log10 followers (median, MAD) for this KOL.
    public func followers(for kol: KOL) -> Reference? {
        reference(for: kol, field: .log10Followers)
    }

    /// Peers' median asking price.
    public func price(for kol: KOL) -> Reference? {
        reference(for: kol, field: .price)
    }

    /// Peers' median cost per expected engagement (no built-in fallback: it needs real posts).
    public func costPerEngagement(for kol: KOL) -> Reference? {
        reference(for: kol, field: .costPerEngagement)
    }

    private func values(level: Int, radius: Int, field: Field, excluding id: String?) -> [Double] {
        var values: [Double] = []
        for l in (level - radius)...(level + radius) {
            for entry in byLevel[l] ?? [] where entry.id != id {
                let value: Double?
                switch field {
                case .log10Followers: value = entry.log10Followers
                case .price: value = entry.price
                case .costPerEngagement: value = entry.costPerEngagement
                }
                if let value { values.append(value) }
            }
        }
        return values
    }

    private static func stats(_ values: [Double], basis: Reference.Basis, field: Field) -> Reference? {
        guard values.count >= minimumPeers, let median = Descriptive.median(values) else { return nil }
        let mad = field == .log10Followers ? Descriptive.medianAbsoluteDeviation(values) : nil
        return Reference(basis: basis, peerCount: values.count, median: median, mad: mad)
    }

    private func reference(for kol: KOL, field: Field) -> Reference? {
        reference(stars: kol.stars, id: kol.id, field: field)
    }

    /// What a KOL with these stars and id is compared with: all a lookup reads of the KOL.
    func reference(stars: Double?, id: String, field: Field) -> Reference? {
        guard let stars, stars.isFinite else { return nil }
        let level = PeerStatistics.halfStars(stars)
        for radius in 0...2 {
            if let cached = cache[CacheKey(level: level, radius: radius, field: field)] { return cached }
            let peers = values(level: level, radius: radius, field: field, excluding: id)
            if let stats = PeerStatistics.stats(peers, basis: PeerStatistics.basis(radius), field: field) {
                return stats
            }
        }
        let row = StarLevelTable.row(stars: stars)
        switch field {
        case .log10Followers:
            return Reference(basis: .builtInTable, peerCount: 0, median: log10(row.medianFollowers),
                             mad: StarLevelTable.log10FollowersMAD)
        case .price:
            return Reference(basis: .builtInTable, peerCount: 0, median: row.medianPrice, mad: nil)
        case .costPerEngagement:
            return nil
        }
    }
}
