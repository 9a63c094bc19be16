extension ScoringEngine {
    /// `kol/rank`: scores every KOL, filters, sorts (score desc, then confidence desc, then id; equal scores
    /// by lower audience overlap with the KOLs above, see `AudienceTieBreak`), pages; with a budget also the
    /// exact best shortlist over all filtered KOLs without an error-severity flag (not just the page,
    /// preferring unique reach among equally good sets) and a pilot (preferring fresh audiences). KOLs with an
    /// error flag are listed in `excluded` instead, unless `request.includeErrorFlagged`.
    ///
    /// `progress(done, total)` is called after each KOL is scored; it may throw to stop (the Server uses it
    /// for `$/progress` and cancellation over large workspaces).
    public func rank(_ request: RankRequest = RankRequest()) -> RankResult {
        rank(request, progress: { _, _ in })
    }

    /// `rank` reporting each scored KOL to `progress`.
    public func rank(_ request: RankRequest,
                     progress: (_ done: Int, _ total: Int) throws -> Void) rethrows -> RankResult {
        try rank(request, score: { self.score($0) }, flags: { self.redFlags($0) }, progress: progress)
    }

    /// `rank` with each KOL's score and red flags from the caller, who may have computed them on several
    /// cores or kept red flags from an earlier request (they do not depend on the weights). `score` and
    /// `flags` must give what `score(_:)` and `redFlags(_:)` of this engine give.
    public func rank(_ request: RankRequest, score: (KOL) -> KOLScore, flags: (KOL) -> KOLRedFlags,
                     progress: (_ done: Int, _ total: Int) throws -> Void) rethrows -> RankResult {
        struct Row {
            var kol: KOL
            var ranked: RankedKOL
            var hasWarnings: Bool
            var errorFlags: [RedFlagCode]
        }
        var rows: [Row] = []
        for (done, kol) in workspace.kols.enumerated() {
            try progress(done, workspace.kols.count)
            if let stages = request.stages, !stages.contains(kol.relationship?.stage ?? .candidate) { continue }
            if let region = request.region {
                let target = TargetRegions([region])
                let share = (kol.followerRegions?.shares(followers: kol.followers) ?? [])
                    .filter { target?.contains($0.region) ?? false }.reduce(0) { $0 + $1.value }
                guard share >= RankRequest.minRegionShare else { continue }
            }
            let score = score(kol)
            if let minScore = request.minScore, (score.score ?? -1) < minScore { continue }
            let flags = flags(kol)
            rows.append(Row(kol: kol, ranked: RankedKOL(id: kol.id, name: kol.name, score: score.score,
                                                        confidence: score.confidence, price: kol.price,
                                                        flags: flags.flags.map(\.code), hasErrors: flags.hasErrors),
                            hasWarnings: flags.flags.contains { $0.severity == .warning },
                            errorFlags: flags.flags.filter { $0.severity == .error }.map(\.code)))
        }
        rows.sort { a, b in
            let (x, y) = (a.ranked.score ?? -1, b.ranked.score ?? -1)
            if x != y { return x > y }
            if a.ranked.confidence != b.ranked.confidence { return a.ranked.confidence > b.ranked.confidence }
            return a.ranked.id < b.ranked.id
        }
        let fanIDs = AudienceTieBreak.fanIDs(rows.map(\.kol))
        let order = AudienceTieBreak.order(rows.map { (id: $0.kol.id, score: $0.ranked.score) }, fanIDs: fanIDs)
        rows = order.map { rows[$0] }
        let start = min(max(0, request.offset), rows.count)
        // `rows.count - start` first: `start + limit` overflows for a limit near Int.max.
        let end = request.limit.map { start + min(rows.count - start, max(0, $0)) } ?? rows.count
        let budget = request.budget ?? context.brief?.budget
        // Error-flagged KOLs stay in the ranking (with their penalty) but out of the shortlist and pilot.
        // Dropped KOLs too: the business already decided against them (kol/setStage can bring one back).
        let excluded = rows.compactMap { row -> RankExclusion? in
            if row.kol.relationship?.stage == .dropped { return RankExclusion(id: row.ranked.id, reason: .dropped) }
            if !request.includeErrorFlagged && row.ranked.hasErrors {
                return RankExclusion(id: row.ranked.id, reason: .errorFlags(row.errorFlags))
            }
            return nil
        }
        let excludedIDs = Set(excluded.map(\.id))
        let eligible = rows.filter { !excludedIDs.contains($0.ranked.id) }
        var shortlist: Knapsack.Solution?
        if let budget {
            let items = eligible.compactMap { row -> Knapsack.Item? in
                guard let price = row.ranked.price, let score = row.ranked.score else { return nil }
                return Knapsack.Item(id: row.ranked.id, price: price, score: score)
            }
            shortlist = AudienceTieBreak.preferReach(Knapsack.solve(items, budget: budget), items: items,
                                                     budget: budget, fanIDs: fanIDs)
        }
        let candidates = eligible.compactMap { row -> Pilot.Candidate? in
            guard !row.hasWarnings, let score = row.ranked.score, let price = row.ranked.price,
                  price >= 0, budget.map({ price <= $0 }) ?? true else { return nil }
            let f = features(of: row.kol)
            let topic = f.topicCounts?.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
            let tier = row.kol.followers.map { EngagementBenchmarks.tier(followers: $0).label }
            let region = row.kol.followerRegions?.shares(followers: row.kol.followers).max { $0.value < $1.value }
                .flatMap { RegionNames.province(of: $0.region) ?? $0.region }
            return Pilot.Candidate(id: row.kol.id, name: row.kol.name ?? row.kol.id, score: score, price: price,
                                   topic: topic, tier: tier, region: region, fanIDs: fanIDs[row.kol.id] ?? [])
        }
        return RankResult(kols: rows[start..<end].map(\.ranked), total: rows.count, shortlist: shortlist,
                          budget: budget, pilot: Pilot.choose(candidates, budget: budget), excluded: excluded)
    }
}
