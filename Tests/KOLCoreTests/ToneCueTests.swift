import Foundation
import Testing

@testable import KOLCore

/// Per-cue tests on the lexicon alone (no trained model), so every expectation is hand-computed from the
/// lexicon weights: score = sigmoid(bias + Σ weights). Bias: humour −0.5, formality 0, sentiment 0,
/// intensity −1.5, commerciality −2.
@Suite struct ToneCueTests {
    let lexiconOnly = ToneProfiler(model: .empty)

    func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    @Test func emptyTextIsTheBias() {
        let profile = lexiconOnly.profile("")
        #expect(abs(profile.dimensions.humor - sigmoid(-0.5)) < 1e-9)
        #expect(abs(profile.dimensions.formality - 0.5) < 1e-9)
        #expect(abs(profile.dimensions.commerciality - sigmoid(-2)) < 1e-9)
        #expect(profile.evidence.isEmpty)
    }

    @Test func laughterRaisesHumorAndCountsLongestMatches() throws {
        // 哈哈哈哈哈哈 = 哈哈哈 ×2 (longest match, no overlap): humour −0.5 + 2 × 1.6 = 2.7.
        let profile = lexiconOnly.profile("哈哈哈哈哈哈")
        #expect(abs(profile.dimensions.humor - sigmoid(2.7)) < 1e-9)
        let evidence = try #require(profile.evidence(for: .humor).first)
        #expect(evidence.cue == "哈哈哈")
        #expect(evidence.count == 2)
        #expect(abs(evidence.effect - (sigmoid(2.7) - sigmoid(-0.5))) < 1e-9)
        #expect(evidence.description == "\"哈哈哈\" ×2 → humor +0.56")
        // And with the trained model too, laughter raises humour over a plain statement.
        #expect(
            ToneProfiler.standard.profile("今天去公司开会。哈哈哈").dimensions.humor
                > ToneProfiler.standard.profile("今天去公司开会。").dimensions.humor)
    }

    @Test func formalInvitationRaisesFormality() {
        // 敬请 1.6 + 莅临 1.8 = 3.4.
        let profile = lexiconOnly.profile("敬请莅临")
        #expect(abs(profile.dimensions.formality - sigmoid(3.4)) < 1e-9)
        #expect(profile.dimensions.formality > 0.95)
        // Traditional characters fold onto the same cues.
        #expect(lexiconOnly.profile("敬請蒞臨").dimensions == profile.dimensions)
    }

    @Test func limitedTimeOfferRaisesCommerciality() {
        // −2 + 限时 1.6 + 优惠 1.4 = 1.0.
        let profile = lexiconOnly.profile("限时优惠")
        #expect(abs(profile.dimensions.commerciality - sigmoid(1.0)) < 1e-9)
        // A cue counts at most three times per text: −2 + 3 × 1.6 = 2.8, but the evidence says ×4.
        let repeated = lexiconOnly.profile("限时限时限时限时")
        #expect(abs(repeated.dimensions.commerciality - sigmoid(2.8)) < 1e-9)
        #expect(repeated.evidence(for: .commerciality).first?.count == 4)
    }

    @Test func notTastyIsNegative() {
        // 不好 (−1.1) is matched before 好 alone.
        let profile = lexiconOnly.profile("不好吃")
        #expect(abs(profile.dimensions.sentiment - sigmoid(-1.1)) < 1e-9)
        #expect(ToneProfiler.standard.profile("不好吃").dimensions.sentiment < 0.5)
        // Negation flips a negative word to mildly positive: 没有 + 问题 (−0.5 × −0.8 = +0.4).
        let fine = lexiconOnly.profile("没有问题")
        #expect(abs(fine.dimensions.sentiment - sigmoid(0.4)) < 1e-9)
        #expect(fine.evidence.contains { $0.cue == "negated 问题" })
        // Negation does not reach across a comma: 不，好吃 stays positive.
        #expect(lexiconOnly.profile("不，好吃").dimensions.sentiment > 0.5)
    }

    @Test func soTastyIsPositiveAndIntense() {
        // 太 (degree 1.8, intensity 0.5) 好吃 (1.2 × 1.8 = 2.16, intensity 0.1) 了 ！！！ (intensity 1.5).
        let profile = lexiconOnly.profile("太好吃了！！！")
        #expect(abs(profile.dimensions.sentiment - sigmoid(2.16)) < 1e-9)
        #expect(abs(profile.dimensions.intensity - sigmoid(-1.5 + 0.5 + 0.1 + 1.5)) < 1e-9)
        // Full-width and ASCII punctuation read the same.
        #expect(lexiconOnly.profile("太好吃了!!!").dimensions == profile.dimensions)
        let trained = ToneProfiler.standard.profile("太好吃了！！！").dimensions
        #expect(trained.sentiment > 0.8)
        #expect(trained.intensity > 0.6)
    }

    @Test func weiboEmoticonsCarryPolarity() {
        let doge = lexiconOnly.profile("[doge]").dimensions
        #expect(abs(doge.humor - sigmoid(1.0)) < 1e-9)
        #expect(lexiconOnly.profile("[怒]").dimensions.sentiment < 0.25)
        #expect(lexiconOnly.profile("[爱你]").dimensions.sentiment > 0.75)
        // An emoticon not in the lexicon still reads as one (generic weights).
        let unknown = lexiconOnly.profile("[新表情]")
        #expect(unknown.evidence.contains { $0.cue == "[emoticon]" })
        #expect(abs(unknown.dimensions.formality - sigmoid(-0.6)) < 1e-9)
        // So does an emoji without its own entry.
        #expect(lexiconOnly.profile("🍎").evidence.contains { $0.cue == "emoji" })
        #expect(lexiconOnly.profile("😂").dimensions.humor > 0.7)
    }

    @Test func particlesAndSlangLowerFormality() {
        #expect(lexiconOnly.profile("好的呀").dimensions.formality < 0.4)
        #expect(lexiconOnly.profile("yyds 绝绝子").dimensions.formality < 0.2)
        #expect(lexiconOnly.profile("233333").dimensions.humor > 0.7)
    }

    @Test func englishCuesMatchWholeWordsOnly() {
        #expect(lexiconOnly.profile("lol").dimensions.humor > 0.7)
        #expect(lexiconOnly.profile("LOL!").dimensions.humor > 0.7)
        #expect(lexiconOnly.profile("lollipop").evidence.isEmpty)
        #expect(lexiconOnly.profile("not good").dimensions.sentiment < 0.5)
        #expect(lexiconOnly.profile("really good").dimensions.sentiment > lexiconOnly.profile("good").dimensions.sentiment)
    }

    @Test func mixedTextCombinesCues() {
        let profile = lexiconOnly.profile("新品上市，限时优惠！链接在这里 lol 哈哈哈")
        #expect(profile.dimensions.commerciality > 0.9)
        #expect(profile.dimensions.humor > 0.8)
    }

    @Test func awkwardInputDoesNotCrash() {
        let long = String(repeating: "哈哈[doge]限时优惠！！！不好吃", count: 20_000)
        #expect(ToneProfiler.standard.profile(long).dimensions.humor > 0.5)
        for text in ["[", "]", "[[[[", "[a", "\u{FE0F}", "\n\t ", "!", "不", "太", "😂\u{200D}"] {
            let dimensions = ToneProfiler.standard.profile(text).dimensions
            for dimension in ToneDimension.allCases {
                #expect(dimensions[dimension] >= 0 && dimensions[dimension] <= 1)
            }
        }
    }

    @Test func setProfileIsTheMeanOfPostsWithPerText() {
        let texts = ["哈哈哈", "敬请莅临", ""]
        let profile = lexiconOnly.profile(texts, perText: true)
        #expect(profile.posts == 3)
        #expect(profile.perText.count == 3)
        let meanHumor = (sigmoid(1.1) + sigmoid(-0.5 - 0.5 - 0.5) + sigmoid(-0.5)) / 3
        #expect(abs(profile.dimensions.humor - meanHumor) < 1e-9)
        // Set evidence averages each post's effect over all posts.
        let laughter = profile.evidence.first { $0.cue == "哈哈哈" && $0.dimension == .humor }
        #expect(abs((laughter?.effect ?? 0) - (sigmoid(1.1) - sigmoid(-0.5)) / 3) < 1e-9)
        #expect(lexiconOnly.profile([]).posts == 0)
    }
}
