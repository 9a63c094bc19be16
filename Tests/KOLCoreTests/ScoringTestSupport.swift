import JSON
@testable import KOLCore

/// Builders for hand-made scoring fixtures. "Today" is 2026-11-26T00:00Z.
enum ScoringFixture {
    static let now = KOLDate(year: 2026, month: 11, day: 26)!

    static func day(_ y: Int, _ m: Int, _ d: Int) -> KOLDate { KOLDate(year: y, month: m, day: d) ?? now }

    static func post(daysAgo: Int = 1, reposts: Int = 10, comments: Int = 40, likes: Int = 150, replies: Int? = nil,
                     text: String = "今天喝了一杯龙井", topics: [String]? = nil) -> Post {
        Post(at: KOLDate(secondsSinceEpoch: now.secondsSinceEpoch - Int64(daysAgo) * 86_400), text: text,
             reposts: reposts, comments: comments, likes: likes, kolReplies: replies, topics: topics)
    }

    static func engine(_ kols: [KOL], brief: Brief? = Brief(keywords: ["龙井"]), thresholds: JSONObject? = nil,
                       weights: [String: Double]? = nil) -> ScoringEngine {
        ScoringEngine(workspace: Workspace(brief: brief, kols: kols), now: now,
                      options: ScoringOptions(thresholds: thresholds, weights: weights))
    }

    static func outcome(_ code: RedFlagCode, _ kol: KOL, peers: [KOL] = [], brief: Brief? = Brief(keywords: ["龙井"]),
                        thresholds: JSONObject? = nil) -> RuleOutcome? {
        engine([kol] + peers, brief: brief, thresholds: thresholds).evaluate(code, on: kol)
    }

    static func isRaised(_ outcome: RuleOutcome?) -> Bool { outcome?.flag != nil }

    static func isPassed(_ outcome: RuleOutcome?) -> Bool {
        if case .passed? = outcome { return true }
        return false
    }

    static func evidence(_ outcome: RuleOutcome?) -> JSONObject? {
        switch outcome {
        case .passed(let evidence)?: return evidence
        case .raised(let flag)?: return flag.evidence
        default: return nil
        }
    }

    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        default: return nil
        }
    }
}
