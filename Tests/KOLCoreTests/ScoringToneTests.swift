import JSON
import Testing
@testable import KOLCore

/// The tone component and the three tone rules (`tone-clash`, `tone-drift`, `channel-tone-mismatch`) on
/// hand-made KOLs. Expected distances are computed with the tone module itself (its own numbers are tested in
/// ToneComparisonTests); here we check what scoring does with them: ramps, strict thresholds, skips.
struct ScoringToneTests {
    static let jokes = ["哈哈哈哈笑死我了[doge]", "233333 这也太沙雕了吧 xswl", "救命哈哈哈 绝绝子[笑cry]", "笑死，yyds 哈哈哈"]
    static let notices = ["尊敬的客户：本公司特此公告，敬请莅临。", "本公司秉承匠心品质，诚邀您届时莅临。",
                          "特此公告：官方旗舰店敬请关注。", "尊敬的您好，本公司诚邀各位莅临指导。"]
    static let ads = ["限时优惠！下单链接在评论区，转发抽奖！", "秒杀折扣，包邮，优惠券链接戳这里！", "限时抽奖！转发抽奖送礼盒，下单立减！",
                      "折扣最后一天，链接下单，秒杀包邮！"]

    static func kol(_ texts: [String], channels: [Channel]? = nil, start: KOLDate = ScoringFixture.day(2026, 11, 1)) -> KOL {
        let posts = texts.enumerated().map { index, text in
            Post(at: KOLDate(secondsSinceEpoch: start.secondsSinceEpoch + Int64(index) * 86_400), text: text)
        }
        return KOL(id: "k", name: "测试", posts: posts, channels: channels)
    }

    static func engine(_ kol: KOL, tone: BriefTone?, thresholds: JSONObject? = nil) -> ScoringEngine {
        ScoringFixture.engine([kol], brief: Brief(tone: tone), thresholds: thresholds)
    }

    @Test func toneComponentIsNotApplicableWithoutABriefTone() {
        let score = Self.engine(Self.kol(Self.jokes), tone: nil).score(Self.kol(Self.jokes))
        #expect(!score.components.contains { $0.name == .tone })
        #expect(score.notApplicable[.tone] != nil)
        #expect(Self.engine(Self.kol(Self.jokes), tone: nil).evaluate(.toneClash, on: Self.kol(Self.jokes))
                == .notApplicable(reason: "the brief names no tone (add brief.tone: a preset or sample texts)"))
    }

    @Test func brandSamplesEqualToThePostsFitPerfectly() throws {
        let kol = Self.kol(Self.jokes)
        let score = Self.engine(kol, tone: .samples(Self.jokes)).score(kol)
        let tone = try #require(score.components.first { $0.name == .tone })
        #expect(tone.value == 100)
        #expect(tone.weight == 0.10)
        #expect(tone.measured["distance"] == .double(0))
        #expect(tone.measured["verdict"] == "fits")
        #expect(tone.explanation.hasPrefix("voice fits the brief's brand voice (4 samples)"))
    }

    @Test func componentRampsFromFitsToPointFortyTwo() throws {
        let kol = Self.kol(Self.notices)
        let profile = ToneProfiler.standard.profile(Self.notices)
        let distance = ToneComparisonThresholds.standard.distance(profile.dimensions, TonePreset.humorous.target)
        #expect(distance > 0.42)  // a notice board is the opposite of a humorous voice: value 0
        let tone = try #require(Self.engine(kol, tone: .preset(.humorous)).score(kol).components.first { $0.name == .tone })
        #expect(tone.value == 0)
        // Halfway along the ramp: 0.27 → 50.
        #expect(abs(Scoring.ramp(0.27, good: 0.12, bad: 0.42) - 50) < 1e-9)
    }

    @Test func toneClashTripsOnACorporateKOLForAHumorousBriefAndPointsAtTheWorstPost() throws {
        let kol = Self.kol(Self.notices)
        let flag = try #require(Self.engine(kol, tone: .preset(.humorous)).redFlags(kol).flags.first { $0.code == .toneClash })
        #expect(flag.severity == .warning)
        #expect(flag.evidence["verdict"] == "clashes")
        #expect(flag.evidence["threshold"] == .double(0.22))
        #expect(flag.fieldPath.hasPrefix("posts[") && flag.fieldPath.hasSuffix("].text"))
        #expect(flag.message.contains("more formal"))
    }

    @Test func toneClashIsStrictAtItsThreshold() throws {
        let kol = Self.kol(Self.notices)
        let profile = ToneProfiler.standard.profile(Self.notices)
        let distance = ToneComparisonThresholds.standard.distance(profile.dimensions, TonePreset.humorous.target)
        let at = Self.engine(kol, tone: .preset(.humorous), thresholds: ["tone-clash": .double(distance)])
        #expect(ScoringFixture.isPassed(at.evaluate(.toneClash, on: kol)))
        let below = Self.engine(kol, tone: .preset(.humorous), thresholds: ["tone-clash": .double(distance - 0.001)])
        #expect(ScoringFixture.isRaised(below.evaluate(.toneClash, on: kol)))
    }

    @Test func toneClashNeedsThreePosts() {
        let kol = Self.kol(Array(Self.notices.prefix(2)))
        let outcome = Self.engine(kol, tone: .preset(.humorous)).evaluate(.toneClash, on: kol)
        guard case .skipped(let needed)? = outcome else {
            Issue.record("expected skipped, got \(String(describing: outcome))")
            return
        }
        #expect(needed.first?.field == "posts[].text (at least 3 posts)")
        let fewer = Self.engine(kol, tone: .preset(.humorous), thresholds: ["tone-clash": ["minPosts": 2]])
        #expect(ScoringFixture.isRaised(fewer.evaluate(.toneClash, on: kol)))
    }

    @Test func driftTripsWhenJokesTurnIntoAdsAndNamesTheMonth() throws {
        let september = Self.kol(Self.jokes, start: ScoringFixture.day(2026, 9, 10)).posts ?? []
        let november = Self.kol(Self.ads, start: ScoringFixture.day(2026, 11, 2)).posts ?? []
        let kol = KOL(id: "k", posts: september + november)
        let flag = try #require(Self.engine(kol, tone: nil).evaluate(.toneDrift, on: kol)?.flag)
        #expect(flag.evidence["changeWindow"] == "2026-11")
        #expect(flag.fieldPath == "posts[4]")
        #expect(flag.evidence["windows"] == [["window": "2026-09", "posts": 4], ["window": "2026-11", "posts": 4]])
        let drift = ToneDrift(posts: (september + november).compactMap { post in
            post.at.map { ($0.secondsSinceEpoch, post.text ?? "") }
        })
        #expect(flag.evidence["drift"] == .double(Scoring.round(drift.statistic, 3)))
        #expect(drift.statistic > 0.22)
        let raised = Self.engine(kol, tone: nil, thresholds: ["tone-drift": .double(drift.statistic)])
        #expect(ScoringFixture.isPassed(raised.evaluate(.toneDrift, on: kol)))
    }

    @Test func driftNeedsFourDatedPostsEachSideAndASteadyVoicePasses() {
        let short = KOL(id: "k", posts: Array((Self.kol(Self.jokes).posts ?? []).prefix(3)) + Array((Self.kol(Self.ads).posts ?? []).prefix(3)))
        if case .skipped? = Self.engine(short, tone: nil).evaluate(.toneDrift, on: short) {} else {
            Issue.record("6 posts must be skipped")
        }
        let steady = KOL(id: "k", posts: (Self.kol(Self.jokes, start: ScoringFixture.day(2026, 9, 10)).posts ?? [])
                         + (Self.kol(Self.jokes, start: ScoringFixture.day(2026, 11, 2)).posts ?? []))
        #expect(ScoringFixture.isPassed(Self.engine(steady, tone: nil).evaluate(.toneDrift, on: steady)))
    }

    @Test func channelToneMismatchComparesWeiboWithTheBlog() throws {
        let blog = Channel(platform: "blog", name: "札记", posts: Self.notices.map { Post(text: $0) })
        let kol = Self.kol(Self.jokes, channels: [blog])
        let flag = try #require(Self.engine(kol, tone: nil).evaluate(.channelToneMismatch, on: kol)?.flag)
        #expect(flag.severity == .information)
        #expect(flag.fieldPath == "channels[0]")
        #expect(flag.message.hasPrefix("Weibo and “札记” sound like different people"))
        let same = Self.kol(Self.jokes, channels: [Channel(platform: "wechat", posts: Self.jokes.map { Post(text: $0) })])
        #expect(ScoringFixture.isPassed(Self.engine(same, tone: nil).evaluate(.channelToneMismatch, on: same)))
        let none = Self.kol(Self.jokes, channels: [])
        #expect(ScoringFixture.isPassed(Self.engine(none, tone: nil).evaluate(.channelToneMismatch, on: none)))
        let unknown = Self.kol(Self.jokes, channels: nil)
        #expect(Self.engine(unknown, tone: nil).evaluate(.channelToneMismatch, on: unknown)
                == .skipped(needed: [DataRequirement("channels", present: false)]))
    }
}
