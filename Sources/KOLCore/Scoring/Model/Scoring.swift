import Foundation

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
        String(format: "%.\(digits)f %%", share * 100)
    }

    /// "3.1M", "280k", "950" style counts for messages.
    static func compact(_ value: Double) -> String {
        let magnitude = Swift.abs(value)
        if magnitude >= 1_000_000 {
            var text = String(format: "%.2f", value / 1_000_000)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text + "M"
        }
        if magnitude >= 10_000 { return String(format: "%.0fk", value / 1000) }
        return String(format: "%.0f", value)
    }

    static func number(_ value: Double, _ digits: Int = 2) -> String {
        String(format: "%.\(digits)f", value)
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
