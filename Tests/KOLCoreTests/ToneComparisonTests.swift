import Testing

@testable import KOLCore

@Suite struct ToneComparisonTests {
    let thresholds = ToneComparisonThresholds.standard

    @Test func presetsAreDocumentedNumbers() {
        #expect(TonePreset.humorous.target == ToneVector(humor: 0.85, formality: 0.2, sentiment: 0.55, intensity: 0.45, commerciality: 0.12))
        #expect(TonePreset.corporate.target.formality == 0.9)
        #expect(TonePreset.allCases.map(\.rawValue) == ["humorous", "lighthearted", "serious", "corporate"])
    }

    @Test func distanceIsWeightedMeanAbsoluteDifference() {
        // Weights 0.3/0.25/0.15/0.15/0.15 (sum 1): humorous vs corporate =
        // 0.3·0.7 + 0.25·0.7 + 0.15·0.15 + 0.15·0.25 + 0.15·0.33 = 0.4945.
        let d = thresholds.distance(TonePreset.humorous.target, TonePreset.corporate.target)
        #expect(abs(d - 0.4945) < 1e-9)
        #expect(thresholds.distance(.zero, ToneVector(repeating: 1)) == 1)
        #expect(thresholds.distance(TonePreset.serious.target, TonePreset.serious.target) == 0)
        // Symmetric.
        #expect(d == thresholds.distance(TonePreset.corporate.target, TonePreset.humorous.target))
    }

    @Test func verdictThresholdsAreInclusive() {
        #expect(thresholds.verdict(forDistance: 0) == .fits)
        #expect(thresholds.verdict(forDistance: 0.12) == .fits)
        #expect(thresholds.verdict(forDistance: 0.1201) == .partly)
        #expect(thresholds.verdict(forDistance: 0.22) == .partly)
        #expect(thresholds.verdict(forDistance: 0.2201) == .clashes)
        let strict = ToneComparisonThresholds(weights: thresholds.weights, fits: 0.05, partly: 0.1)
        #expect(strict.verdict(forDistance: 0.12) == .clashes)
        // Neighbouring presets partly fit; opposite ones clash.
        #expect(ToneComparison(TonePreset.humorous.profile, TonePreset.lighthearted.profile).verdict == .partly)
        #expect(ToneComparison(TonePreset.humorous.profile, TonePreset.corporate.profile).verdict == .clashes)
    }

    @Test func bestAndWorstPostsAgainstABrief() throws {
        let posts = ["哈哈哈哈笑死我了[doge]", "特此公告：本公司将于届时举行发布会，敬请莅临。", "今天好开心呀哈哈～"]
        let profile = ToneProfiler.standard.profile(posts, perText: true)
        let comparison = ToneComparison(profile, TonePreset.corporate.profile, texts: posts, postLimit: 1)
        let best = try #require(comparison.best.first)
        let worst = try #require(comparison.worst.first)
        #expect(best.index == 1)
        #expect(best.text == posts[1])
        #expect(worst.index != 1)
        #expect(best.distance < worst.distance)
        #expect(comparison.differences.formality == profile.dimensions.formality - 0.9)
    }

    @Test func briefClashAndChannelMismatch() {
        let playful = ["哈哈哈哈笑死[doge]", "xswl 这也太好笑了吧！！", "今天又摸鱼了[允悲]", "233333 绝绝子"]
        let official = ["尊敬的用户：特此公告。", "本公司秉承匠心，致力于品质。", "敬请莅临发布会现场。", "感谢您的信赖，届时敬请关注官方通知。"]
        let clash = ToneFitCheck.briefFit(posts: playful, brief: TonePreset.corporate.profile)
        #expect(clash.flagged)
        #expect(clash.comparison.verdict == .clashes)
        #expect(!ToneFitCheck.briefFit(posts: playful, brief: TonePreset.humorous.profile).flagged)
        // Too few posts: no flag whatever the distance.
        #expect(!ToneFitCheck.briefFit(posts: Array(playful.prefix(2)), brief: TonePreset.corporate.profile).flagged)
        #expect(ToneFitCheck.channelMismatch(weibo: playful, other: official).flagged)
        #expect(!ToneFitCheck.channelMismatch(weibo: playful, other: playful).flagged)
        // Brand samples make a profile like any other.
        let brand = ToneProfiler.standard.brandProfile(samples: official)
        #expect(ToneFitCheck.briefFit(posts: official, brief: brand).comparison.verdict == .fits)
    }
}
