import Dispatch
import Foundation
import JSON
import KOLCore

/// Per-KOL results that do not depend on the request, kept between requests and document edits.
///
/// Why: `KOLFeatures` (text index, tone profile, topics of every post) cost milliseconds per KOL, and
/// document red flags are judged on every keystroke. Features depend on the KOL alone, so they are
/// reused while the KOL's content is unchanged (compared without source ranges; unchanged KOLs share
/// their storage, so the comparison is cheap). A KOL's red flags are reused while its content *and* the
/// whole scoring context (brief, now, thresholds, weights, peer statistics) are unchanged; when the
/// context changes every KOL is judged again, so the cache never serves a stale flag.
/// Missing entries are computed on all cores.
final class AnalysisCache: @unchecked Sendable {
    /// What a KOL's red flags depend on besides the KOL (not the weights: no rule reads them, so a
    /// weights-only change of the brief reuses every flag).
    struct ContextKey: Equatable, Sendable {
        var brief: Brief?
        var now: KOLDate
        var thresholds: Thresholds
        var peers: PeerStatistics

        init(_ context: ScoringContext) {
            brief = context.brief
            now = context.now
            thresholds = context.thresholds
            peers = context.peers
        }
    }

    private let lock = NSLock()
    private var features: [String: (kol: KOL, features: KOLFeatures)] = [:]
    private var flags: [String: (kol: KOL, flags: KOLRedFlags)] = [:]
    private var flagsContext: ContextKey?
    private var outcomes: [String: (kol: KOL, outcomes: [ComponentOutcome])] = [:]
    private var outcomesContext: ContextKey?
    /// Counters for `kol/stats`: how many KOLs had features or red flags computed (not reused).
    private(set) var featuresComputed = 0
    private(set) var redFlagsComputed = 0
    private(set) var lastRedFlagsComputed = 0

    /// Features of every KOL of `workspace`, reusing those whose KOL did not change.
    func features(for workspace: Workspace) -> [String: KOLFeatures] {
        let kols = workspace.kols
        var result = [String: KOLFeatures](minimumCapacity: kols.count)
        var missing: [Int] = []
        lock.lock()
        for (index, kol) in kols.enumerated() {
            if let cached = features[kol.id], AnalysisCache.sameContent(cached.kol, kol) {
                result[kol.id] = cached.features
            } else {
                missing.append(index)
            }
        }
        lock.unlock()
        let computed = ParallelMap.map(missing) { KOLFeatures(kol: kols[$0]) }
        lock.lock()
        for (slot, index) in missing.enumerated() {
            result[kols[index].id] = computed[slot]
            features[kols[index].id] = (kols[index], computed[slot])
        }
        featuresComputed += missing.count
        lock.unlock()
        return result
    }

    /// An engine over `workspace` that reuses cached features.
    func engine(_ workspace: Workspace, now: KOLDate, options: ScoringOptions = ScoringOptions()) -> ScoringEngine {
        ScoringEngine(workspace: workspace, now: now, options: options, featureCache: features(for: workspace))
    }

    /// Red flags of `kols` under `engine`, reusing those whose KOL and context did not change.
    func redFlags(_ kols: [KOL], engine: ScoringEngine) -> [KOLRedFlags] {
        let key = ContextKey(engine.context)
        var result = [KOLRedFlags?](repeating: nil, count: kols.count)
        var missing: [Int] = []
        lock.lock()
        if flagsContext != key {
            flags.removeAll(keepingCapacity: true)
            flagsContext = key
        }
        for (index, kol) in kols.enumerated() {
            if let cached = flags[kol.id], AnalysisCache.sameContent(cached.kol, kol) {
                let moved = AnalysisCache.moved(cached.flags, from: cached.kol, to: kol)
                result[index] = moved
                if moved != cached.flags { flags[kol.id] = (kol, moved) }
            } else {
                missing.append(index)
            }
        }
        lock.unlock()
        let computed = ParallelMap.map(missing) { engine.redFlags(kols[$0]) }
        lock.lock()
        if flagsContext == key {
            for (slot, index) in missing.enumerated() { flags[kols[index].id] = (kols[index], computed[slot]) }
        }
        redFlagsComputed += missing.count
        lastRedFlagsComputed = missing.count
        lock.unlock()
        for (slot, index) in missing.enumerated() { result[index] = computed[slot] }
        return result.compactMap { $0 }
    }

    /// Flags judged on `old` with their ranges moved to where `new` sits (an edit above moved the KOL).
    static func moved(_ flags: KOLRedFlags, from old: KOL, to new: KOL) -> KOLRedFlags {
        guard let before = old.source?.range?.start, let after = new.source?.range?.start, before != after else {
            return flags
        }
        var moved = flags
        for k in moved.flags.indices {
            if let range = moved.flags[k].range {
                moved.flags[k].range = SourceRange(start: range.start + after - before, end: range.end + after - before)
            }
        }
        return moved
    }

    /// The counters, as the `analyses` member of the `kol/stats` result.
    func countersJSON() -> JSONValue {
        lock.lock()
        defer { lock.unlock() }
        return ["featuresComputed": .int(Int64(featuresComputed)), "redFlagsComputed": .int(Int64(redFlagsComputed)),
                "lastRedFlagsComputed": .int(Int64(lastRedFlagsComputed))]
    }

    /// Scores of `kols` on every core, with their red flags from `flags` (same order) for the penalty.
    /// Criterion outcomes are kept like red flags (same context key): only the weighted sum depends on the
    /// weights, so a weights-only change recomputes nothing per KOL but that sum.
    func scores(_ kols: [KOL], flags: [KOLRedFlags], engine: ScoringEngine) -> [String: KOLScore] {
        let key = ContextKey(engine.context)
        var known = [[ComponentOutcome]?](repeating: nil, count: kols.count)
        lock.lock()
        if outcomesContext != key {
            outcomes.removeAll(keepingCapacity: true)
            outcomesContext = key
        }
        for (index, kol) in kols.enumerated() {
            if let cached = outcomes[kol.id], AnalysisCache.sameContent(cached.kol, kol) { known[index] = cached.outcomes }
        }
        lock.unlock()
        let reused = known
        let worked = ParallelMap.map(Array(kols.indices)) { index -> ([ComponentOutcome], KOLScore) in
            let kolOutcomes = reused[index] ?? engine.outcomes(kols[index])
            return (kolOutcomes, engine.score(kols[index], flags: index < flags.count ? flags[index] : nil,
                                              outcomes: kolOutcomes))
        }
        lock.lock()
        if outcomesContext == key {
            for (index, kol) in kols.enumerated() where known[index] == nil { outcomes[kol.id] = (kol, worked[index].0) }
        }
        lock.unlock()
        let computed = worked.map(\.1)
        var result = [String: KOLScore](minimumCapacity: kols.count)
        for (kol, score) in zip(kols, computed) { result[kol.id] = score }
        return result
    }

    /// Same KOL data, whatever its position in a file.
    static func sameContent(_ a: KOL, _ b: KOL) -> Bool {
        a.id == b.id && a.withoutSource == b.withoutSource
    }
}
