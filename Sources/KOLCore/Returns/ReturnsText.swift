#if canImport(Glibc)
import Glibc
#endif

/// Wording of money, ratios and percentages in `says` and `why` texts, without a locale (the engine
/// answers the same everywhere).
enum ReturnsText {
    /// "3,500" (whole CNY, thousands separated).
    static func money(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        guard Swift.abs(value) < 1e15 else { return "\(value)" }  // beyond Int: no trap on absurd input
        return FanReasonWriter.grouped(Int(value.rounded()))
    }

    /// A signed ROI as a percentage: "+64 %", "−12 %".
    static func roi(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        guard Swift.abs(value) < 1e13 else { return "\(value * 100) %" }
        let pct = Int((value * 100).rounded())
        return pct > 0 ? "+\(pct) %" : pct < 0 ? "−\(-pct) %" : "0 %"
    }

    /// A rate with one decimal: "1.8 %".
    static func rate(_ value: Double) -> String {
        guard value.isFinite, Swift.abs(value) < 1e12 else { return "?" }
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10) %"
    }

    /// Two decimals: "3.27".
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        guard Swift.abs(value) < 1e13 else { return "\(value)" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let m = hundredths.magnitude
        let cents = m % 100
        return "\(sign)\(m / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    static func count(_ n: Int, _ noun: String) -> String { FanReasonWriter.count(n, noun) }
}
