import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Namespace for small helpers shared by the scoring files.
public enum Scoring {
    /// Rounds for display in JSON (`measured`, evidence) so results are stable and readable.
    public static func round(_ value: Double, _ digits: Int) -> Double {
        guard value.isFinite else { return value }
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }

    /// Clamp to [low, high].
    static func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double {
        Swift.min(high, Swift.max(low, value))
    }

    /// Linear ramp: 100 at `good` or better, 0 at `bad` or worse (either direction).
    static func ramp(_ x: Double, good: Double, bad: Double) -> Double {
        guard good != bad, x.isFinite else { return x.isNaN ? 0 : (x == good ? 100 : 0) }
        return 100 * clamp((x - bad) / (good - bad), 0, 1)
    }

    /// "2.6 %" style percentages for messages.
    static func percent(_ share: Double, digits: Int = 1) -> String {
        fixed(share * 100, digits) + " %"
    }

    /// "3.1M", "280k", "950" style counts for messages.
    static func compact(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        if magnitude >= 1_000_000 {
            var text = fixed(value / 1_000_000, 2)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text + "M"
        }
        if magnitude >= 10_000 { return fixed(value / 1000, 0) + "k" }
        return fixed(value, 0)
    }

    static func number(_ value: Double, _ digits: Int = 2) -> String {
        fixed(value, digits)
    }

    private static let fixedFormats: [[CChar]] = (0...9).map { Array("%.\($0)f".utf8CString) }

    /// `String(format: "%.<digits>f", value)`, character for character, straight through C's `vsnprintf`.
    /// Why: Foundation's `String(format:)` builds a CFString per call and was a tenth of a cold
    /// `kol/rank` (every criterion and rule writes its numbers into explanations); both end in the same
    /// C formatting of the double (asserted against `String(format:)` in `ScoringFormatTests`).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard fixedFormats.indices.contains(digits) else { return String(format: "%.\(digits)f", value) }
        let capacity = 64
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer -> String in
            guard let base = buffer.baseAddress else { return String(format: "%.\(digits)f", value) }
            let written = fixedFormats[digits].withUnsafeBufferPointer { format -> Int32 in
                guard let pattern = format.baseAddress else { return -1 }
                return withVaList([value]) { vsnprintf(base, capacity, pattern, $0) }
            }
            guard written >= 0, Int(written) < capacity else { return String(format: "%.\(digits)f", value) }
            return base.withMemoryRebound(to: UInt8.self, capacity: Int(written)) {
                String(decoding: UnsafeBufferPointer(start: $0, count: Int(written)), as: UTF8.self)
            }
        }
    }
}

/// A measurement, or the data it lacked (what `Result` would be if `[DataRequirement]` were an `Error`).
enum Measured<Value> {
    case measured(Value)
    case missing([DataRequirement])
    /// Not meaningful for this brief (nationwide brief, no keywords asked for); not a data gap.
    case notApplicable(String)

    /// A rule's outcome from this measurement: a data gap and a brief the rule does not apply to answer for
    /// themselves, so `judge` only ever sees a real measurement. Every rule starts this way.
    func judge(_ judge: (Value) -> RuleOutcome) -> RuleOutcome {
        switch self {
        case .missing(let needed): .skipped(needed: needed)
        case .notApplicable(let reason): .notApplicable(reason: reason)
        case .measured(let value): judge(value)
        }
    }
}
