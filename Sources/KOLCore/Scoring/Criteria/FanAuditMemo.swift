import Foundation

/// Fan audits already run under one scoring context, by KOL id.
///
/// Why: the `fake-fans` rule and the `fanQuality` component both measure the same audit of the same fan
/// sample (`FanQualityMeasurement`), and the audit (a verdict and reasons per fan) was the costliest
/// measurement of a cold `kol/rank`. A context fixes `now` and the thresholds, so the second caller takes
/// the first one's result; an entry is used only for the same fan sample and options.
final class FanAuditMemo: @unchecked Sendable {
    private struct Entry {
        var fans: [Fan]
        var now: Date
        var options: FanAuditOptions
        var result: FanAuditResult
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// The audit of `fans` at `now` for the KOL `id`, run by `audit` unless this memo already holds it
    /// (same sample, day and options: a copied context with other values does not reuse it).
    func result(id: String, fans: [Fan], now: Date, options: FanAuditOptions,
                audit: () -> FanAuditResult) -> FanAuditResult {
        lock.lock()
        let known = entries[id]
        lock.unlock()
        if let known, known.now == now, known.options == options, known.fans == fans { return known.result }
        let result = audit()
        lock.lock()
        entries[id] = Entry(fans: fans, now: now, options: options, result: result)
        lock.unlock()
        return result
    }
}
