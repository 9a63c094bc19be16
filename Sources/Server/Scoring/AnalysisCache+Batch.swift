import Foundation
import KOLCore

extension AnalysisCache {
    /// One answered batch: the KOL list asked about, the context and peer statistics it was judged under,
    /// and the answer (same order as the list).
    ///
    /// Why: a weights-only change of the brief asks for the red flags and criterion outcomes of the very
    /// same KOL list under the same context and peers. Per-KOL reuse still costs a dictionary lookup, a
    /// content comparison and a peer-view lookup per KOL, with both cores retaining shared storage: ~60 % of
    /// a weights-only `kol/rank` at 10^4 KOLs. Recognising the batch is O(1): the list is the same storage
    /// (the batch holds it, so its buffer cannot be freed and reused while compared), and equal peer
    /// statistics compare by storage identity first. Same KOLs, context and peers give the same answer.
    struct Batch<Answer> {
        var kols: [KOL]
        var key: ContextKey
        var peers: PeerStatistics
        var answer: [Answer]
    }

    /// The remembered answer when `kols`, `key` and the engine's peers are the remembered batch's.
    func reused<Answer>(_ path: ReferenceWritableKeyPath<AnalysisCache, Batch<Answer>?>, kols: [KOL],
                        key: ContextKey, engine: ScoringEngine) -> [Answer]? {
        guard let last = lock.withLock({ self[keyPath: path] }), last.key == key,
              AnalysisCache.sameStorage(last.kols, kols), last.peers == engine.context.peers else { return nil }
        return last.answer
    }

    func remember<Answer>(_ kols: [KOL], key: ContextKey, engine: ScoringEngine, _ answer: [Answer],
                          in path: ReferenceWritableKeyPath<AnalysisCache, Batch<Answer>?>) {
        let batch = Batch(kols: kols, key: key, peers: engine.context.peers, answer: answer)
        lock.withLock { self[keyPath: path] = batch }
    }

    /// Whether two KOL lists are one storage (not merely equal: that would be a pass over every KOL).
    static func sameStorage(_ a: [KOL], _ b: [KOL]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }
}
