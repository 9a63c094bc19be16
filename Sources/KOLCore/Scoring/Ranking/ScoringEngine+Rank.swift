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
        let kols = workspace.kols
        return try withoutActuallyEscaping(flags) { flags in
            try rank(request, summary: { ScoreSummary(score(kols[$0])) },
                     flags: JudgedRankFlags(count: kols.count) { flags(kols[$0]) }, progress: progress)
        }
    }

    /// `rank` with every KOL's score summary and red flags given in workspace order (`summaries[i]` and
    /// `flags[i]` belong to `workspace.kols[i]`), as `ScoreSummary.summary` and `redFlags(_:)` give them.
    /// Why: the Server keeps outcomes and flags between requests, so a weights-only change costs a weighted
    /// sum per KOL and this pass, which touches only the page's KOLs beyond a few numbers per KOL.
    public func rank(_ request: RankRequest, summaries: [ScoreSummary], flags: [KOLRedFlags],
                     progress: (_ done: Int, _ total: Int) throws -> Void) rethrows -> RankResult {
        let kols = workspace.kols
        let summary = { (index: Int) in index < summaries.count ? summaries[index] : ScoreSummary(score(kols[index])) }
        if flags.count >= kols.count {
            return try rank(request, summary: summary, flags: GivenRankFlags(flags: flags), progress: progress)
        }
        let judged = JudgedRankFlags(count: kols.count) { $0 < flags.count ? flags[$0] : redFlags(kols[$0]) }
        return try rank(request, summary: summary, flags: judged, progress: progress)
    }

    /// The ranking pass. `summary(i)` and `flags` give the score and flags of `workspace.kols[i]`
    /// (flags asked only for KOLs that pass the filters). Rows are a few numbers and an index: KOLs are not
    /// copied, flags are read in place, and `RankedKOL`s and exclusions are built for what is returned only.
    private func rank<Flags: RankFlagSource>(_ request: RankRequest, summary: (Int) -> ScoreSummary, flags: Flags,
                                             progress: (_ done: Int, _ total: Int) throws -> Void) rethrows -> RankResult {
        let kols = workspace.kols
        var rows: [RankRow] = []
        rows.reserveCapacity(kols.count)
        var excluded = RankExclusionTally(limit: request.excludedLimit)
        // Rows whose KOL has a fan sample, in workspace order (see the counting below for why here).
        var sampled: [Int] = []
        let target = request.region.flatMap { TargetRegions([$0]) }
        // Fields are read in place through a buffer pointer, never from a local copy of the KOL (a copy
        // retains every field; perf showed even `kols[i].relationship?.stage` retaining per KOL).
        try kols.withUnsafeBufferPointer { kols in
            for done in kols.indices {
                try progress(done, kols.count)
                if let stages = request.stages, !stages.contains(kols[done].relationship?.stage ?? .candidate) { continue }
                if request.region != nil {
                    let share = (kols[done].followerRegions?.shares(followers: kols[done].followers) ?? [])
                        .filter { target?.contains($0.region) ?? false }.reduce(0) { $0 + $1.value }
                    guard share >= RankRequest.minRegionShare else { continue }
                }
                let scored = summary(done)
                if let minScore = request.minScore, (scored.score ?? -1) < minScore { continue }
                let hasErrors = flags.contains(done, severity: .error)
                let hasWarnings = flags.contains(done, severity: .warning)
                let isDropped = kols[done].relationship?.stage == .dropped
                // Counted here, in workspace order, while the KOL and its flags are in cache: after the sort
                // the rows are visited in score order, which at 10^5 KOLs is a cache miss per KOL.
                if !isDropped && hasErrors && !request.includeErrorFlagged {
                    flags.forEachCode(done, severity: .error) { excluded.count($0) }
                }
                if kols[done].fanSample?.isEmpty == false { sampled.append(done) }
                rows.append(RankRow(index: done, score: scored.score, confidence: scored.confidence,
                                    hasErrors: hasErrors, hasWarnings: hasWarnings, isDropped: isDropped))
            }
        }
        // Ids compared in place too: error-flagged KOLs often tie on score and confidence, and a retained
        // pair of id strings per comparison was a quarter of a weights-only rank at 10^5 KOLs.
        kols.withUnsafeBufferPointer { kols in
            rows.sort { a, b in
                let (x, y) = (a.score ?? -1, b.score ?? -1)
                if x != y { return x > y }
                if a.confidence != b.confidence { return a.confidence > b.confidence }
                return kols[a.index].id < kols[b.index].id
            }
        }
        let fanIDs = AudienceTieBreak.fanIDs(kols, at: sampled)
        let order = AudienceTieBreak.order(rows.map { (id: kols[$0.index].id, score: $0.score) }, fanIDs: fanIDs)
        rows = order.map { rows[$0] }
        let start = min(max(0, request.offset), rows.count)
        // `rows.count - start` first: `start + limit` overflows for a limit near Int.max.
        let end = request.limit.map { start + min(rows.count - start, max(0, $0)) } ?? rows.count
        let budget = request.budget ?? context.brief?.budget
        // Error-flagged KOLs stay in the ranking (with their penalty) but out of the shortlist and pilot.
        // Dropped KOLs too: the business already decided against them (kol/setStage can bring one back).
        var eligible: [RankRow] = []
        for row in rows {
            if row.isDropped {
                excluded.add { RankExclusion(id: kols[row.index].id, reason: .dropped) }
            } else if !request.includeErrorFlagged && row.hasErrors {
                excluded.add {
                    RankExclusion(id: kols[row.index].id, reason: .errorFlags(flags.codes(row.index, severity: .error)))
                }
            } else {
                eligible.append(row)
            }
        }
        var shortlist: Knapsack.Solution?
        if let budget {
            let items = eligible.compactMap { row -> Knapsack.Item? in
                guard let price = kols[row.index].price, let score = row.score else { return nil }
                return Knapsack.Item(id: kols[row.index].id, price: price, score: score)
            }
            shortlist = AudienceTieBreak.preferReach(Knapsack.solve(items, budget: budget), items: items,
                                                     budget: budget, fanIDs: fanIDs)
        }
        let candidates = eligible.compactMap { row -> Pilot.Candidate? in
            guard !row.hasWarnings, let score = row.score, let price = kols[row.index].price,
                  price >= 0, budget.map({ price <= $0 }) ?? true else { return nil }
            let kol = kols[row.index]
            let f = features(of: kol)
            let topic = f.topicCounts?.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
            let tier = kol.followers.map { EngagementBenchmarks.tier(followers: $0).label }
            let region = kol.followerRegions?.shares(followers: kol.followers).max { $0.value < $1.value }
                .flatMap { RegionNames.province(of: $0.region) ?? $0.region }
            return Pilot.Candidate(id: kol.id, name: kol.name ?? kol.id, score: score, price: price,
                                   topic: topic, tier: tier, region: region, fanIDs: fanIDs[kol.id] ?? [])
        }
        let page = rows[start..<end].map { row -> RankedKOL in
            let kol = kols[row.index]
            return RankedKOL(id: kol.id, name: kol.name, score: row.score, confidence: row.confidence,
                             price: kol.price, flags: flags.codes(row.index, severity: nil), hasErrors: row.hasErrors)
        }
        var result = RankResult(kols: page, total: rows.count, shortlist: shortlist,
                                budget: budget, pilot: Pilot.choose(candidates, budget: budget))
        excluded.fill(&result)
        return result
    }
}

/// One KOL in the ranking pass: a few numbers and its workspace index (the KOL itself is not copied).
struct RankRow {
    var index: Int
    var score: Double?
    var confidence: Double
    var hasErrors: Bool
    var hasWarnings: Bool
    /// Relationship stage `dropped`: kept out of the shortlist whatever its flags.
    var isDropped: Bool
}
