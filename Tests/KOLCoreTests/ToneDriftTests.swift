import Testing

@testable import KOLCore

@Suite struct ToneDriftTests {
    /// 2024-01-15 00:00 UTC.
    let january15: Int64 = 1_705_276_800
    let day: Int64 = 86_400

    @Test func calendarMonthsInUTC() {
        let windowing = ToneWindowing.calendarMonth
        #expect(windowing.window(of: 0).label == "1970-01")
        #expect(windowing.window(of: january15).label == "2024-01")
        #expect(windowing.window(of: january15).start == 1_704_067_200)  // 2024-01-01
        #expect(windowing.window(of: 1_709_164_800).label == "2024-02")  // 2024-02-29 (leap day)
        #expect(windowing.window(of: 1_709_251_199).label == "2024-02")  // last second of February
        #expect(windowing.window(of: 1_709_251_200).label == "2024-03")
        #expect(windowing.window(of: -1).label == "1969-12")
        #expect(ToneWindowing.days(7).window(of: january15).label == "2024-01-11")  // epoch-aligned weeks
    }

    /// Six months of a lifestyle voice, then three months of an ad feed: the change is April 2024.
    @Test func detectsTheMonthTheVoiceChanged() throws {
        let lifestyle = ["今天去公园散步啦，阳光很好～", "哈哈哈我家猫又在捣乱[doge]", "周末和朋友吃火锅，好开心呀"]
        let ads = ["限时优惠！点击链接立即下单，包邮", "转发抽奖送好礼，关注参与", "秒杀价99元，优惠券戳链接"]
        var posts: [(date: Int64, text: String)] = []
        for month in 0..<9 {
            let absolute = Int64(10 + month)  // months after 2023-01, zero-based
            let start = ToneWindowing.days(year: 2023 + absolute / 12, month: absolute % 12 + 1, day: 5) * day
            for (offset, text) in (month < 5 ? lifestyle : ads).enumerated() {
                posts.append((start + Int64(offset) * day, text))
            }
        }
        let drift = ToneDrift(posts: posts)
        #expect(drift.windows.map(\.label) == [
            "2023-11", "2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07",
        ])
        #expect(drift.windows.allSatisfy { $0.posts == 3 })
        #expect(drift.drifted)
        #expect(try #require(drift.changeWindow).label == "2024-04")
        #expect(drift.change.commerciality > 0.4)
        #expect(drift.statistic >= 0.15)
    }

    @Test func steadyVoiceDoesNotDrift() {
        let texts = ["今天去公园散步啦，阳光很好～", "哈哈哈我家猫又在捣乱[doge]", "周末和朋友吃火锅，好开心呀"]
        let posts = (0..<12).map { (january15 + Int64($0) * 20 * day, texts[$0 % 3]) }
        let drift = ToneDrift(posts: posts)
        #expect(!drift.drifted)
        #expect(drift.statistic < 0.15)
    }

    @Test func tooFewPostsNeverDrift() {
        let drift = ToneDrift(posts: [(january15, "哈哈哈"), (january15 + 60 * day, "特此公告，敬请莅临")])
        #expect(drift.windows.count == 2)
        #expect(drift.changeWindow == nil)
        #expect(!drift.drifted)
        #expect(ToneDrift(posts: []).windows.isEmpty)
    }

    @Test func splitStatisticOnHandMadeWindows() throws {
        // Four posts each side, humour 0.2 → 0.8, everything else equal: distance = 0.3 · 0.6 = 0.18.
        let calm = ToneVector(humor: 0.2, formality: 0.5, sentiment: 0.5, intensity: 0.2, commerciality: 0.1)
        var funny = calm
        funny.humor = 0.8
        let windows = [
            ToneWindow(start: 0, label: "a", posts: 2, profile: calm),
            ToneWindow(start: 1, label: "b", posts: 2, profile: calm),
            ToneWindow(start: 2, label: "c", posts: 2, profile: funny),
            ToneWindow(start: 3, label: "d", posts: 2, profile: funny),
        ]
        let drift = ToneDrift(windows: windows)
        #expect(abs(drift.statistic - 0.18) < 1e-9)
        #expect(try #require(drift.changeWindow).label == "c")
        #expect(drift.drifted)
        var lenient = ToneDriftThresholds()
        lenient.distance = 0.2
        #expect(!ToneDrift(windows: windows, thresholds: lenient).drifted)
    }
}
