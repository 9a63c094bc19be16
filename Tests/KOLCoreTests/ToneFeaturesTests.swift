import Testing

@testable import KOLCore

/// The tone rules and component read profiles cached in `KOLFeatures`; results must equal profiling the
/// texts again.
@Suite struct ToneFeaturesTests {
    let day: Int64 = 86_400

    @Test func driftFromCachedProfilesEqualsDriftFromTexts() throws {
        let lifestyle = ["今天去公园散步啦，阳光很好～", "哈哈哈我家猫又在捣乱[doge]", "周末和朋友吃火锅，好开心呀"]
        let ads = ["限时优惠！点击链接立即下单，包邮", "转发抽奖送好礼，关注参与", "秒杀价99元，优惠券戳链接"]
        var posts: [Post] = []
        for month in 0..<9 {
            let start = ToneWindowing.days(year: 2024, month: Int64(month + 1), day: 5) * day
            for (offset, text) in (month < 5 ? lifestyle : ads).enumerated() {
                posts.append(Post(at: KOLDate(secondsSinceEpoch: start + Int64(offset) * day), text: text))
            }
        }
        posts.append(Post(at: nil, text: "没有日期的帖子"))  // profiled, but not part of the drift
        posts.append(Post(at: KOLDate(secondsSinceEpoch: 0), text: "  "))  // no text: neither
        let kol = KOL(id: "k", posts: posts)
        let tone = try #require(KOLFeatures(kol: kol).tone)
        #expect(tone.texts.texts.count == 28)
        #expect(tone.profile.perText.count == 28)
        let dated = tone.datedProfiles(posts)
        #expect(dated.count == 27)
        #expect(dated.map(\.index) == Array(0..<27))
        let fromTexts = ToneDrift(posts: posts.prefix(27).map { ($0.at?.secondsSinceEpoch ?? 0, $0.text ?? "") })
        let fromProfiles = ToneDrift(profiledPosts: dated.map { ($0.date, $0.profile) })
        #expect(fromProfiles.statistic == fromTexts.statistic)
        #expect(fromProfiles.change == fromTexts.change)
        #expect(fromProfiles.windows.map(\.profile) == fromTexts.windows.map(\.profile))
        #expect(fromProfiles.changeWindow?.label == "2024-06")
        #expect(tone.profile.dimensions == ToneProfiler.standard.profile(tone.texts.texts).dimensions)
    }

    @Test func channelProfilesOnlyForChannelsWithText() throws {
        let kol = KOL(id: "k", posts: [Post(text: "哈哈哈")], channels: [
            Channel(platform: "douyin", posts: [Post(text: "限时优惠！"), Post(text: "点击链接")]),
            Channel(platform: "xiaohongshu", posts: [Post(text: " ")]),
        ])
        let tone = try #require(KOLFeatures(kol: kol).tone)
        #expect(tone.channelProfiles.keys.sorted() == [0])
        #expect(tone.channelProfiles[0]?.posts == 2)
        #expect(KOLFeatures(kol: KOL(id: "bare")).tone == nil)
    }
}
