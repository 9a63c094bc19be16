/// The KOLs a ranking keeps out of the shortlist, gathered in rank order: the first `limit` are built as
/// `RankExclusion`s, all are counted, and each error flag is counted per KOL.
///
/// Why: in a 10^5-KOL category a brief can exclude nearly everyone; building an exclusion (id string,
/// codes array, explanation) for each only to return a hundred was most of the pass's allocations.
struct RankExclusionTally {
    let limit: Int?
    private(set) var listed: [RankExclusion] = []
    private(set) var total = 0
    private var flagCounts: [RedFlagCode: Int] = [:]

    init(limit: Int?) {
        self.limit = limit
    }

    /// One more excluded KOL; `make` runs only while fewer than `limit` are listed.
    mutating func add(_ make: () -> RankExclusion) {
        total += 1
        if limit.map({ listed.count < $0 }) ?? true { listed.append(make()) }
    }

    /// One error flag of the KOL being excluded.
    mutating func count(_ code: RedFlagCode) {
        flagCounts[code, default: 0] += 1
    }

    func fill(_ result: inout RankResult) {
        result.excluded = listed
        result.excludedTotal = total
        result.excludedFlags = RankResult.sortedCounts(flagCounts)
    }
}
