/// `kol/returns`: what each KOL's campaigns cost and returned, with uncertainty, and which KOL is most
/// likely the best value. Pure and deterministic (the Monte Carlo is seeded).
package enum ReturnsAnalysis {
    package static func analyse(_ kols: [KOL], options: ReturnsOptions = ReturnsOptions()) -> ReturnsReport {
        let totals = kols.map { CampaignTotals($0.campaigns ?? []) }
        let pooled = ConversionModel.pooledRevenuePerConversion(totals.map(\.funnel))
        var results = zip(kols, totals).map { kol, totals in
            evaluate(id: kol.id, totals, pooledRevenuePerConversion: pooled, options: options)
        }
        let best = probabilityBest(results.map(\.model), options: options)
        for index in results.indices { results[index].probabilityBest = best[index] }

        var all = CampaignTotals()
        for t in totals { all.add(t) }
        let overall = evaluate(id: nil, all, pooledRevenuePerConversion: pooled, options: options)
        return ReturnsReport(kols: results, overall: overall, options: options)
    }

    /// Metrics, posterior, interval and verdict for one set of campaigns.
    package static func evaluate(id: String?, _ totals: CampaignTotals, pooledRevenuePerConversion pooled: Double?,
                                 options: ReturnsOptions) -> KOLReturns {
        let rate = totals.pairedClicks > 0
            ? BetaDistribution.posterior(successes: Double(totals.pairedConversions),
                                         failures: Double(totals.pairedClicks - totals.pairedConversions))
            : nil
        let model = ConversionModel(totals.funnel, pooledRevenuePerConversion: pooled)
        let interval = model?.roiInterval(mass: options.mass)
        let (verdict, says) = judge(totals, model: model, interval: interval, options: options)
        return KOLReturns(id: id, totals: totals, conversionRate: rate,
                          conversionRateInterval: rate?.credibleInterval(mass: options.mass), model: model,
                          roiInterval: interval, probabilityBest: nil, verdict: verdict, says: says)
    }

    /// For each model, the share of seeded draws in which it gave the most revenue per CNY (nil entries
    /// stay nil). Draws take the models in order, so the answer depends only on the seed and the data.
    package static func probabilityBest(_ models: [ConversionModel?], options: ReturnsOptions) -> [Double?] {
        let present = models.indices.filter { models[$0] != nil }
        var result = [Double?](repeating: nil, count: models.count)
        guard !present.isEmpty else { return result }
        if present.count == 1 {
            result[present[0]] = 1
            return result
        }
        let draws = effectiveDraws(options.draws, models: present.count)
        var generator = SeededGenerator(seed: options.seed)
        var wins = [Int](repeating: 0, count: models.count)
        for _ in 0..<draws {
            var bestIndex = -1
            var bestValue = -Double.infinity
            for index in present {
                guard let model = models[index] else { continue }
                let value = model.drawValuePerCNY(&generator)
                if value > bestValue {
                    bestValue = value
                    bestIndex = index
                }
            }
            if bestIndex >= 0 { wins[bestIndex] += 1 }
        }
        for index in present { result[index] = Double(wins[index]) / Double(draws) }
        return result
    }

    /// Draws actually run: `requested` (1 … 1,000,000), but at most 20 million model draws in all, and
    /// never fewer than 1,000, so a request over a huge workspace stays bounded.
    package static func effectiveDraws(_ requested: Int, models: Int) -> Int {
        let asked = Swift.max(1, Swift.min(requested, 1_000_000))
        return Swift.min(asked, Swift.max(1_000, 20_000_000 / Swift.max(1, models)))
    }

    static func judge(_ totals: CampaignTotals, model: ConversionModel?, interval: ProportionInterval?,
                      options: ReturnsOptions) -> (ReturnVerdict, String) {
        typealias T = ReturnsText
        guard totals.campaigns > 0 else {
            return (.noCampaigns, "No campaign recorded yet: record one with kol/recordCampaign to measure the return.")
        }
        let spent = "\(T.count(totals.campaigns, "campaign")) for \(T.money(totals.cost)) CNY"
        guard let model, let interval else {
            var text = "\(spent), but none reports clicks, conversions and revenue together, so the return cannot be modelled"
            if let roi = totals.roi { text += "; ROI from the reported revenue \(T.roi(roi))" }
            return (.noConversionData, text + ".")
        }
        let funnel = totals.funnel
        let roiText = "ROI \(T.roi(model.roi(rate: model.posterior.mean))) (\(Int(options.mass * 100)) % interval "
            + "\(T.roi(interval.low)) to \(T.roi(interval.high)))"
        let evidence = "\(T.count(funnel.campaigns, "campaign")), \(T.count(funnel.clicks, "click")), "
            + "\(T.count(funnel.conversions, "conversion"))"
        if funnel.campaigns < options.minimumCampaigns || funnel.clicks < options.minimumClicks {
            var needs: [String] = []
            if funnel.campaigns < options.minimumCampaigns { needs.append("at least \(T.count(options.minimumCampaigns, "campaign"))") }
            if funnel.clicks < options.minimumClicks { needs.append("at least \(T.count(options.minimumClicks, "click"))") }
            return (.tooLittleData, "Too little data to tell: \(evidence) (a judgement needs "
                + needs.joined(separator: " and ") + "). So far \(roiText).")
        }
        if interval.low > 0 { return (.profitable, "Returned more than it cost: \(roiText) over \(evidence).") }
        if interval.high < 0 { return (.losing, "Returned less than it cost: \(roiText) over \(evidence).") }
        return (.unclear, "Cannot tell yet whether it pays: \(roiText) spans break-even over \(evidence).")
    }
}
