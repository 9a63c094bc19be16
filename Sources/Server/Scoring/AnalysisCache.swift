import Dispatch
import Foundation
import JSON
import KOLCore

/// Per-KOL results that do not depend on the request, kept between requests and document edits.
///
/// Why: `KOLFeatures` (text index, tone profiles, topics of every post) cost milliseconds per KOL, and
/// document red flags are judged on every keystroke. Features depend on the KOL alone, so they are
/// reused while the KOL's content is unchanged (compared without source ranges; unchanged KOLs share
/// their storage, so the comparison is cheap). A KOL's red flags and criterion outcomes are kept in two
/// parts: the rules and criteria that do not read peer statistics, reused while the KOL's content and the
/// context (brief, day, thresholds) are unchanged; and the peer-reading ones (`readsPeers`), reused while
/// in addition the KOL's `PeerView` (the peer references it is compared with) is unchanged. An edit that
/// moves a star level's median so re-judges only the peer rules of the KOLs that see that level, and the
/// result always equals a full judgement (asserted in `AnalysisCacheEquivalenceTests`).
/// Missing entries are computed on all cores.
final class AnalysisCache: @unchecked Sendable {
    /// What a KOL's red flags depend on besides the KOL and its peer view (not the weights: no rule reads
    /// them, so a weights-only change of the brief reuses every flag). `now` is already the UTC day.
    struct ContextKey: Equatable, Sendable {
        var brief: Brief?
        var now: KOLDate
        var thresholds: Thresholds

        init(_ context: ScoringContext) {
            brief = context.brief
            now = context.now
            thresholds = context.thresholds
        }
    }

    /// A KOL's flags in the two groups, the peer view the peer group was judged with, and both merged.
    struct FlagEntry: Sendable {
        var kol: KOL
        var own: KOLRedFlags
        var view: PeerView
        var all: KOLRedFlags
    }

    /// What to judge for one KOL: everything, or only the peer rules (the other flags kept, moved).
    struct FlagWork: Sendable {
        var index: Int
        var own: KOLRedFlags?
    }

    /// Guards every table here (internal, not private: `AnalysisCache+Batch` takes it too).
    let lock = NSLock()
    /// Features and peer statistics of the workspace the last engine was built on.
    private let tables = EngineTables()
    private var flags: [String: FlagEntry] = [:]
    private var flagsContext: ContextKey?
    private var outcomes: [String: (kol: KOL, view: PeerView, outcomes: [ComponentOutcome])] = [:]
    private var outcomesContext: ContextKey?
    /// The last batch each of `redFlags` and `outcomes` answered (see `Batch`).
    var lastFlags: Batch<KOLRedFlags>?
    var lastOutcomes: Batch<[ComponentOutcome]>?
    /// Counters for `kol/stats`: how many KOLs had features or red flags computed (not reused); of the
    /// latter, how many in the latest batch had only their peer rules judged.
    private(set) var featuresComputed = 0
    private(set) var redFlagsComputed = 0
    private(set) var lastRedFlagsComputed = 0
    private(set) var lastPeerRulesOnly = 0

    /// An engine over `workspace` on the kept tables (`EngineTables`: only changed KOLs are worked on).
    func engine(_ workspace: Workspace, now: KOLDate, options: ScoringOptions = ScoringOptions()) -> ScoringEngine {
        engine(workspace, now: now, options: options, revision: nil).engine
    }

    /// The same for an editor document's workspace at a revision (see `EngineTables.Revision`), with the
    /// star levels whose peer statistics changed since the edit's base revision (nil when unknown).
    func engine(_ workspace: Workspace, now: KOLDate, options: ScoringOptions = ScoringOptions(),
                revision: EngineTables.Revision?) -> (engine: ScoringEngine, changedLevels: Set<Int>?) {
        let built = tables.tables(for: workspace, revision: revision) { kols in
            let computed = ParallelMap.map(kols) { KOLFeatures(kol: $0) }
            lock.lock()
            featuresComputed += kols.count
            lock.unlock()
            return computed
        }
        let engine = ScoringEngine(workspace: workspace, now: now, options: options, features: built.features,
                                   peers: built.peers)
        return (engine, built.changedLevels)
    }

    /// Red flags of `kols` under `engine`, reusing those whose KOL, context and peer view did not change.
    func redFlags(_ kols: [KOL], engine: ScoringEngine) -> [KOLRedFlags] {
        let key = ContextKey(engine.context)
        if let answer = reused(\.lastFlags, kols: kols, key: key, engine: engine) {
            lock.withLock {
                lastRedFlagsComputed = 0
                lastPeerRulesOnly = 0
            }
            return answer
        }
        let answer = judgedRedFlags(kols, engine: engine, key: key)
        remember(kols, key: key, engine: engine, answer, in: \.lastFlags)
        return answer
    }

    private func judgedRedFlags(_ kols: [KOL], engine: ScoringEngine, key: ContextKey) -> [KOLRedFlags] {
        var result = [KOLRedFlags?](repeating: nil, count: kols.count)
        var work: [FlagWork] = []
        lock.lock()
        if flagsContext != key {
            flags.removeAll(keepingCapacity: true)
            flagsContext = key
        }
        for (index, kol) in kols.enumerated() {
            guard let cached = flags[kol.id], AnalysisCache.sameContent(cached.kol, kol) else {
                work.append(FlagWork(index: index, own: nil))
                continue
            }
            if engine.peerView(of: kol) == cached.view {
                let moved = AnalysisCache.moved(cached.all, from: cached.kol, to: kol)
                result[index] = moved
                if moved != cached.all {
                    flags[kol.id] = FlagEntry(kol: kol, own: AnalysisCache.moved(cached.own, from: cached.kol, to: kol),
                                              view: cached.view, all: moved)
                }
            } else {
                work.append(FlagWork(index: index, own: AnalysisCache.moved(cached.own, from: cached.kol, to: kol)))
            }
        }
        lock.unlock()
        let computed = ParallelMap.map(work) { item -> FlagEntry in
            let kol = kols[item.index]
            let own = item.own ?? engine.redFlags(kol, of: false)
            let all = ScoringEngine.merging(own, engine.redFlags(kol, of: true))
            return FlagEntry(kol: kol, own: own, view: engine.peerView(of: kol), all: all)
        }
        lock.lock()
        if flagsContext == key {
            for entry in computed { flags[entry.kol.id] = entry }
        }
        redFlagsComputed += work.count
        lastRedFlagsComputed = work.count
        lastPeerRulesOnly = work.reduce(0) { $0 + ($1.own == nil ? 0 : 1) }
        lock.unlock()
        for (slot, item) in work.enumerated() { result[item.index] = computed[slot].all }
        return result.compactMap { $0 }
    }

    /// Flags judged on `old` with their ranges where they are in `new` (same content, maybe elsewhere).
    /// A rule points a flag at `kol.source?.range(of: fieldPath)`, so that is looked up again in `new`:
    /// shifting by the KOL's move is not enough, since an edit inside the KOL that keeps its content
    /// (whitespace, a line break) moves its fields without moving the KOL.
    static func moved(_ flags: KOLRedFlags, from old: KOL, to new: KOL) -> KOLRedFlags {
        guard old.source != nil || new.source != nil else { return flags }
        var moved = flags
        for k in moved.flags.indices {
            let range = new.source?.range(of: moved.flags[k].fieldPath)
            if range != moved.flags[k].range { moved.flags[k].range = range }
        }
        return moved
    }

    /// The counters, as the `analyses` member of the `kol/stats` result.
    func countersJSON() -> JSONValue {
        lock.lock()
        defer { lock.unlock() }
        return ["featuresComputed": .int(Int64(featuresComputed)), "redFlagsComputed": .int(Int64(redFlagsComputed)),
                "lastRedFlagsComputed": .int(Int64(lastRedFlagsComputed)),
                "lastPeerRulesOnly": .int(Int64(lastPeerRulesOnly))]
    }

    /// Scores of `kols` on every core, with their red flags from `flags` (same order) for the penalty.
    /// Criterion outcomes are kept like red flags (see `outcomes(_:engine:)`): only the weighted sum
    /// depends on the weights, so a weights-only change recomputes nothing per KOL but that sum.
    func scores(_ kols: [KOL], flags: [KOLRedFlags], engine: ScoringEngine) -> [String: KOLScore] {
        let kolOutcomes = outcomes(kols, engine: engine)
        let scored = ParallelMap.map(Array(kols.indices)) { index in
            engine.score(kols[index], flags: index < flags.count ? flags[index] : nil, outcomes: kolOutcomes[index])
        }
        var result = [String: KOLScore](minimumCapacity: kols.count)
        for (kol, score) in zip(kols, scored) { result[kol.id] = score }
        return result
    }

    /// Every criterion's outcome for each of `kols` (same order), kept like red flags: same context key,
    /// and the peer criteria evaluated again only when the KOL's peer view moved. No criterion reads the
    /// weights, so a weights-only change reuses them all.
    func outcomes(_ kols: [KOL], engine: ScoringEngine) -> [[ComponentOutcome]] {
        let key = ContextKey(engine.context)
        if let answer = reused(\.lastOutcomes, kols: kols, key: key, engine: engine) {
            return answer
        }
        let answer = evaluatedOutcomes(kols, engine: engine, key: key)
        remember(kols, key: key, engine: engine, answer, in: \.lastOutcomes)
        return answer
    }

    private func evaluatedOutcomes(_ kols: [KOL], engine: ScoringEngine, key: ContextKey) -> [[ComponentOutcome]] {
        var known = [(view: PeerView, outcomes: [ComponentOutcome])?](repeating: nil, count: kols.count)
        lock.lock()
        if outcomesContext != key {
            outcomes.removeAll(keepingCapacity: true)
            outcomesContext = key
        }
        for (index, kol) in kols.enumerated() {
            if let cached = outcomes[kol.id], AnalysisCache.sameContent(cached.kol, kol) {
                known[index] = (cached.view, cached.outcomes)
            }
        }
        lock.unlock()
        let reused = known
        let worked = ParallelMap.map(Array(kols.indices)) { index -> (PeerView, [ComponentOutcome], Bool) in
            let kol = kols[index]
            let view = engine.peerView(of: kol)
            guard let previous = reused[index] else { return (view, engine.outcomes(kol), true) }
            if previous.view == view { return (view, previous.outcomes, false) }
            return (view, engine.outcomes(kol, reusing: previous.outcomes), true)
        }
        lock.lock()
        if outcomesContext == key {
            for (index, kol) in kols.enumerated() where worked[index].2 {
                outcomes[kol.id] = (kol, worked[index].0, worked[index].1)
            }
        }
        lock.unlock()
        return worked.map(\.1)
    }

    /// Same KOL data, whatever its position in a file (field by field: `withoutSource` would copy both).
    static func sameContent(_ a: KOL, _ b: KOL) -> Bool {
        EngineTables.sameContent(a, b)
    }
}
