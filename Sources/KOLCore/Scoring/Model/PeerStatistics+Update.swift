/// Peer statistics kept up to date across edits instead of built again.
///
/// Why: an editor keystroke changes one KOL, but building the statistics of a 10^4-KOL workspace sorts every
/// star level's values nine times (three radii, three measurements): tens of milliseconds per keystroke.
/// `updating` swaps the changed KOLs' entries and recomputes only the neighbourhoods (star level, radius)
/// that contain a changed level, for the measurements that changed. The result answers every query exactly
/// as a fresh build over the new KOLs (asserted in `PeerStatisticsUpdateTests`).
extension PeerStatistics {
    /// The statistics after KOLs `removed` left and `added` joined (a changed KOL is in both: old, new).
    /// `features` gives the features of an added KOL.
    public func updating(removing removed: [KOL], adding added: [KOL], features: (KOL) -> KOLFeatures) -> PeerStatistics {
        updatingReportingLevels(removing: removed, adding: added, features: features).statistics
    }

    /// `updating`, and the star levels (half-stars) whose entries changed. Why: a KOL's peer view reads
    /// only the entries of levels within ±2 half-stars of its own (the widest neighbourhood) and the
    /// cached statistics of its own level, which are recomputed only when such a level changed; so a KOL
    /// more than 2 half-stars from every changed level sees exactly what it saw, and an editor need not
    /// look its view up again (asserted in `PeerStatisticsUpdateTests`).
    public func updatingReportingLevels(removing removed: [KOL], adding added: [KOL], features: (KOL) -> KOLFeatures)
        -> (statistics: PeerStatistics, changedLevels: Set<Int>) {
        var result = self
        var touched: [Int: Set<Field>] = [:]
        // Where a removed KOL's entry sat, so a KOL that stays at its level keeps its place.
        var vacated: [String: (level: Int, position: Int, entry: Entry)] = [:]
        for kol in removed {
            guard let stars = kol.stars, stars.isFinite else { continue }
            let level = PeerStatistics.halfStars(stars)
            guard let position = result.byLevel[level]?.firstIndex(where: { $0.id == kol.id }),
                  let entry = result.byLevel[level]?[position] else { continue }
            result.byLevel[level]?[position].id = ""  // a hole, filled or dropped below
            vacated[kol.id] = (level, position, entry)
        }
        for kol in added {
            guard let entry = PeerStatistics.entry(kol, features: features) else { continue }
            if let old = vacated[kol.id], old.level == entry.halfStars {
                vacated[kol.id] = nil
                result.byLevel[old.level]?[old.position] = entry
                let changed = Field.allCases.filter { PeerStatistics.value(old.entry, $0) != PeerStatistics.value(entry, $0) }
                if !changed.isEmpty { touched[old.level, default: []].formUnion(changed) }
            } else {
                if let old = vacated[kol.id] { touched[old.level, default: []].formUnion(Field.allCases) }
                vacated[kol.id] = nil
                result.byLevel[entry.halfStars, default: []].append(entry)
                touched[entry.halfStars, default: []].formUnion(Field.allCases)
            }
        }
        for old in vacated.values { touched[old.level, default: []].formUnion(Field.allCases) }
        for level in Set(touched.keys) {
            result.byLevel[level]?.removeAll { $0.id.isEmpty }
            if result.byLevel[level]?.isEmpty == true { result.byLevel[level] = nil }
        }
        guard !touched.isEmpty else { return (result, []) }
        // A level's neighbourhoods hold the levels within ±2: recompute them when one of those changed.
        let levels = Set(result.byLevel.keys).union(self.byLevel.keys)
        for level in levels {
            // Per measurement, the nearest changed level: neighbourhoods smaller than that distance did not
            // change, and when one of them is cached the larger ones are never read.
            var nearest: [Field: Int] = [:]
            for (changed, which) in touched where abs(changed - level) <= 2 {
                for field in which { nearest[field] = min(nearest[field] ?? 3, abs(changed - level)) }
            }
            for (field, distance) in nearest {
                if (0..<distance).contains(where: { result.cache[CacheKey(level: level, radius: $0, field: field)] != nil }) {
                    continue
                }
                if result.byLevel[level] == nil {
                    for radius in 0...2 { result.cache[CacheKey(level: level, radius: radius, field: field)] = nil }
                } else {
                    result.updateCache(level: level, field: field)
                }
            }
        }
        return (result, Set(touched.keys))
    }

    /// Whether a KOL with these stars may see other peer statistics after `changedLevels` changed.
    public static func viewMayChange(stars: Double?, changedLevels: Set<Int>) -> Bool {
        guard let stars, stars.isFinite, !changedLevels.isEmpty else { return false }
        let level = halfStars(stars)
        return changedLevels.contains { abs($0 - level) <= 2 }
    }

    static func value(_ entry: Entry, _ field: Field) -> Double? {
        switch field {
        case .log10Followers: return entry.log10Followers
        case .price: return entry.price
        case .costPerEngagement: return entry.costPerEngagement
        }
    }

    /// The same statistics regardless of entry order (what a fresh build and an updated one share).
    package var canonical: [String: [String]] {
        var result: [String: [String]] = [:]
        for (level, entries) in byLevel {
            result["level \(level)"] = entries.map { "\($0.id) \(String(describing: $0.log10Followers)) \(String(describing: $0.price)) \(String(describing: $0.costPerEngagement))" }.sorted()
        }
        for (key, reference) in cache {
            result["cache \(key.level) \(key.radius) \(key.field)"] = ["\(reference)"]
        }
        return result
    }
}
