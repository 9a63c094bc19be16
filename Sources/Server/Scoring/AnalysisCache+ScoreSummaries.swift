import KOLCore

extension AnalysisCache {
    /// `kol/rank`'s view of `scores`: each KOL's score and confidence (same order as `kols`), from the kept
    /// criterion outcomes and `flags` (same order). Why: a weights-only change then costs one weighted sum
    /// per KOL, not a full `KOLScore` with components and explanation texts that the ranking never reads.
    func scoreSummaries(_ kols: [KOL], flags: [KOLRedFlags], engine: ScoringEngine) -> [ScoreSummary] {
        let kolOutcomes = outcomes(kols, engine: engine)
        let weights = engine.criterionWeights
        let criteria = engine.catalog.criteria.count
        return ParallelMap.map(Array(kols.indices), minimumForParallel: 4096) { index in
            guard index < flags.count, kolOutcomes[index].count == criteria else {
                return ScoreSummary(engine.score(kols[index], flags: index < flags.count ? flags[index] : nil,
                                                 outcomes: kolOutcomes[index]))
            }
            return ScoringEngine.summary(outcomes: kolOutcomes[index], weights: weights, flags: flags[index])
        }
    }
}
