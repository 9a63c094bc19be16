/// Where the ranking pass reads each KOL's red flags, by workspace index.
///
/// Why a protocol: the server passes every KOL's flags (kept between requests) and the pass should read them
/// in place; a copy of a `KOLRedFlags` retains its arrays, and at 10^5 KOLs with most of them excluded that
/// was a tenth of a weights-only `kol/rank`. Code that ranks without kept flags judges them on demand.
protocol RankFlagSource {
    func contains(_ index: Int, severity: RedFlagSeverity) -> Bool
    /// Codes of the KOL's flags with `severity` (all flags when nil), most severe first.
    func codes(_ index: Int, severity: RedFlagSeverity?) -> [RedFlagCode]
    func forEachCode(_ index: Int, severity: RedFlagSeverity, _ body: (RedFlagCode) -> Void)
}

/// Flags the caller already has, one per KOL in workspace order.
struct GivenRankFlags: RankFlagSource {
    let flags: [KOLRedFlags]

    func contains(_ index: Int, severity: RedFlagSeverity) -> Bool { flags[index].contains(severity: severity) }

    func codes(_ index: Int, severity: RedFlagSeverity?) -> [RedFlagCode] { flags[index].codes(severity: severity) }

    func forEachCode(_ index: Int, severity: RedFlagSeverity, _ body: (RedFlagCode) -> Void) {
        flags[index].forEachCode(severity: severity, body)
    }
}

/// Flags judged when first asked for and kept for the rest of the pass.
final class JudgedRankFlags: RankFlagSource {
    private var judged: [KOLRedFlags?]
    private let judge: (Int) -> KOLRedFlags

    init(count: Int, judge: @escaping (Int) -> KOLRedFlags) {
        judged = Array(repeating: nil, count: count)
        self.judge = judge
    }

    private func flags(_ index: Int) -> KOLRedFlags {
        if let known = judged[index] { return known }
        let flags = judge(index)
        judged[index] = flags
        return flags
    }

    func contains(_ index: Int, severity: RedFlagSeverity) -> Bool { flags(index).contains(severity: severity) }

    func codes(_ index: Int, severity: RedFlagSeverity?) -> [RedFlagCode] { flags(index).codes(severity: severity) }

    func forEachCode(_ index: Int, severity: RedFlagSeverity, _ body: (RedFlagCode) -> Void) {
        flags(index).forEachCode(severity: severity, body)
    }
}
