/// `kol/allocate`: splits the next round's budget into whole posts by Thompson sampling over revenue per
/// CNY.
///
/// Each step draws a value per CNY for every KOL that can still take a post (affordable, under the
/// per-KOL cap) and gives one post to the highest draw; it stops when no KOL can take one. A tried KOL's
/// draw comes from its conversion model (Beta posterior of the conversion rate × clicks per CNY ×
/// revenue per conversion); an untried one's from a wide Gamma prior whose mean follows its score. So
/// KOLs that returned well get most posts, and promising untried ones win some draws and get tried.
/// Money is counted in whole fen (cents), so the plan is never over budget by a rounding error.
package enum BudgetAllocator {
    /// What is believed about a KOL's revenue per CNY.
    enum Belief {
        case measured(ConversionModel, CampaignTotals)
        case prior(mean: Double, score: Double?, hasCampaigns: Bool)

        func draw(_ generator: inout SeededGenerator, shape: Double) -> Double {
            switch self {
            case .measured(let model, _): return model.drawValuePerCNY(&generator)
            case .prior(let mean, _, _): return mean * generator.nextGamma(shape: shape) / shape
            }
        }

        var mean: Double {
            switch self {
            case .measured(let model, _): return model.meanValuePerCNY
            case .prior(let mean, _, _): return mean
            }
        }
    }

    struct Arm {
        var kol: KOL
        var priceFen: Int64
        var belief: Belief
        var posts = 0
        var wins = 0
    }

    /// - Parameters:
    ///   - kols: the candidates, in the order results are listed.
    ///   - evidence: KOLs whose measured returns set the reference for priors (usually the workspace).
    ///   - scores: the score (0–100) of each candidate by id, for untried KOLs' priors; a missing or nil
    ///     entry uses `neutralScore`.
    ///   - errorFlags: the error-severity red flags of candidates by id; an untried KOL with any is excluded
    ///     unless `options.includeErrorFlagged`.
    package static func allocate(budget: Double, kols: [KOL], evidence: [KOL], scores: [String: Double?],
                                 errorFlags: [String: [RedFlagCode]] = [:],
                                 options: AllocationOptions = AllocationOptions()) -> AllocationPlan {
        let budgetFen = fen(budget) ?? 0
        let evidenceTotals = evidence.map { CampaignTotals($0.campaigns ?? []) }
        let candidateTotals = kols.map { CampaignTotals($0.campaigns ?? []) }
        // Revenue per conversion for KOLs with clicks but no conversion yet: pooled over the evidence (the
        // candidates only when the evidence has none), never counting a KOL twice.
        let pooled = ConversionModel.pooledRevenuePerConversion(evidenceTotals.map(\.funnel))
            ?? ConversionModel.pooledRevenuePerConversion(candidateTotals.map(\.funnel))
        let measured = evidenceTotals.compactMap { ConversionModel($0.funnel, pooledRevenuePerConversion: pooled)?.meanValuePerCNY }
        let referenceAssumed = measured.isEmpty
        let reference = Descriptive.median(measured) ?? options.referenceWhenUntested

        var arms: [Arm] = []
        var excluded: [(id: String, reason: AllocationExclusion, why: String)] = []
        for (kol, totals) in zip(kols, candidateTotals) {
            if kol.relationship?.stage == .dropped {
                excluded.append((kol.id, .dropped, "Dropped from the pipeline (relationship stage \"dropped\")."))
                continue
            }
            guard let price = kol.price, let priceFen = fen(price), priceFen > 0 else {
                excluded.append((kol.id, .noPrice, "No price per post, so whole posts cannot be costed."))
                continue
            }
            guard priceFen <= budgetFen else {
                excluded.append((kol.id, .priceAboveBudget,
                                 "One post (\(ReturnsText.money(price)) CNY) costs more than the budget."))
                continue
            }
            let belief: Belief
            if let model = ConversionModel(totals.funnel, pooledRevenuePerConversion: pooled) {
                belief = .measured(model, totals)
            } else if !options.includeErrorFlagged, let flags = errorFlags[kol.id], !flags.isEmpty {
                let codes = flags.map(\.rawValue).joined(separator: ", ")
                excluded.append((kol.id, .errorFlags, "Not tried yet and has an error-severity red flag (\(codes)): "
                    + "not explored; pass includeErrorFlagged to let it take part."))
                continue
            } else {
                let score = scores[kol.id] ?? nil
                belief = .prior(mean: options.priorMean(score: score, reference: reference), score: score,
                                hasCampaigns: totals.campaigns > 0)
            }
            arms.append(Arm(kol: kol, priceFen: priceFen, belief: belief))
        }

        let cap = Swift.max(0, options.maxPostsPerKOL)
        let shape = options.priorShape > 0 && options.priorShape.isFinite ? options.priorShape : 2
        var generator = SeededGenerator(seed: options.seed)
        var remaining = budgetFen
        while true {
            var best = -1
            var bestValue = -Double.infinity
            for index in arms.indices where arms[index].posts < cap && arms[index].priceFen <= remaining {
                let value = arms[index].belief.draw(&generator, shape: shape)
                if value > bestValue {
                    bestValue = value
                    best = index
                }
            }
            guard best >= 0 else { break }
            arms[best].posts += 1
            remaining -= arms[best].priceFen
        }

        var allocations: [Allocation] = []
        var notChosen: [(id: String, why: String)] = []
        for arm in arms {
            if arm.posts > 0 {
                allocations.append(Allocation(id: arm.kol.id, posts: arm.posts, amount: Double(Int64(arm.posts) * arm.priceFen) / 100,
                                              why: why(arm, cap: cap, remaining: remaining, reference: reference,
                                                       referenceAssumed: referenceAssumed, exponent: options.priorExponent)))
            } else {
                notChosen.append((arm.kol.id, "Lost every draw to better value before the budget ran out: "
                    + belief(arm.belief, reference: reference, referenceAssumed: referenceAssumed, exponent: options.priorExponent) + "."))
            }
        }
        return AllocationPlan(allocations: allocations, unspent: Double(remaining) / 100, excluded: excluded,
                              notChosen: notChosen, reference: reference, referenceAssumed: referenceAssumed,
                              seed: options.seed)
    }

    /// Whole fen of a non-negative finite amount; nil otherwise (or when too large to count).
    static func fen(_ amount: Double) -> Int64? {
        guard amount.isFinite, amount >= 0, amount < 1e15 else { return nil }
        return Int64((amount * 100).rounded())
    }

    static func belief(_ belief: Belief, reference: Double, referenceAssumed: Bool, exponent: Double) -> String {
        typealias T = ReturnsText
        switch belief {
        case .measured(let model, let totals):
            let f = totals.funnel
            var text = "measured over \(T.count(f.campaigns, "campaign")) (\(T.count(f.clicks, "click")), "
                + "\(T.count(f.conversions, "conversion"))): expected \(T.decimal(model.meanValuePerCNY)) CNY back per CNY"
            if let interval = model.roiInterval(mass: 0.95) {
                text += " (ROI \(T.roi(model.roi(rate: model.posterior.mean))), 95 % \(T.roi(interval.low)) to \(T.roi(interval.high)))"
            }
            if model.pooledRevenuePerConversion { text += ", revenue per conversion pooled from other KOLs" }
            return text
        case .prior(let mean, let score, let hasCampaigns):
            let untried = hasCampaigns ? "campaigns recorded without clicks, conversions and revenue, so treated as untried"
                                       : "not tried yet"
            let scoreText = score.map { "score \(Int($0.rounded()))" } ?? "no score (50 assumed)"
            let anchor = referenceAssumed ? "break-even assumed, no KOL measured yet" : "the median tried KOL"
            return "\(untried); \(scoreText) gives a prior of \(T.decimal(mean)) CNY back per CNY "
                + "(\(T.decimal(reference)) for \(anchor), × (score/100)\(exponent == 2 ? "²" : "^" + T.decimal(exponent))), kept wide so it gets explored"
        }
    }

    static func why(_ arm: Arm, cap: Int, remaining: Int64, reference: Double, referenceAssumed: Bool,
                    exponent: Double) -> String {
        let price = ReturnsText.money(Double(arm.priceFen) / 100)
        var text = "\(ReturnsText.count(arm.posts, "post")) at \(price) CNY: "
            + belief(arm.belief, reference: reference, referenceAssumed: referenceAssumed, exponent: exponent) + "."
        if arm.posts >= cap {
            text += " Stopped at the \(cap)-post cap for one round."
        } else if arm.priceFen > remaining {
            text += " Another post did not fit in the budget left."
        }
        return text
    }
}
