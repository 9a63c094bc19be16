import Foundation
import JSON

/// Counters of the work the engine did, for `kol/stats` (protocol.md §10): what a benchmark or a test
/// asserts on when it must know *how much* was recomputed, not just that the answer is right.
final class EngineStatistics: @unchecked Sendable {
    /// How a document analysis was done.
    enum AnalysisKind: String, Sendable {
        /// Parsed and analysed the whole text.
        case full
        /// Re-analysed only the KOL the edit fell in (see `DocumentLayout`).
        case incremental
    }

    struct DocumentAnalysis: Sendable {
        var uri: String
        var version: Int
        var kind: AnalysisKind
        var kolsAnalysed: Int
    }

    private let lock = NSLock()
    private var fullAnalyses = 0
    private var incrementalAnalyses = 0
    private var kolAnalyses = 0
    private var lastAnalysis: DocumentAnalysis?
    private var loads = 0
    private var loadedKOLs = 0

    func recordAnalysis(_ analysis: DocumentAnalysis) {
        lock.lock()
        defer { lock.unlock() }
        switch analysis.kind {
        case .full: fullAnalyses += 1
        case .incremental: incrementalAnalyses += 1
        }
        kolAnalyses += analysis.kolsAnalysed
        lastAnalysis = analysis
    }

    func recordLoad(kols: Int) {
        lock.lock()
        defer { lock.unlock() }
        loads += 1
        loadedKOLs += kols
    }

    /// The document counters, as the `documents` member of the `kol/stats` result.
    func documentsJSON() -> JSONValue {
        lock.lock()
        defer { lock.unlock() }
        var result: JSONObject = ["fullAnalyses": .int(Int64(fullAnalyses)),
                                  "incrementalAnalyses": .int(Int64(incrementalAnalyses)),
                                  "kolAnalyses": .int(Int64(kolAnalyses))]
        if let lastAnalysis {
            result["last"] = ["uri": .string(lastAnalysis.uri), "version": .int(Int64(lastAnalysis.version)),
                              "kind": .string(lastAnalysis.kind.rawValue),
                              "kolsAnalysed": .int(Int64(lastAnalysis.kolsAnalysed))]
        }
        return .object(result)
    }

    /// The load counters, as the `loads` member of the `kol/stats` result.
    func loadsJSON() -> JSONValue {
        lock.lock()
        defer { lock.unlock() }
        return ["count": .int(Int64(loads)), "kols": .int(Int64(loadedKOLs))]
    }
}
