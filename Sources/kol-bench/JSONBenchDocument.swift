import JSON

/// The synthetic benchmark document and its Codable mirror (for the JSONDecoder comparison).
struct JSONBenchDocument: Codable {
    struct Region: Codable {
        var name: String
        var share: Double
    }

    struct Post: Codable {
        var id: String
        var text: String
        var likes: Int
        var reposts: Int
        var comments: Int
        var engagementRate: Double
        var publishedAt: String
        var tags: [String]
        var sponsored: Bool
    }

    struct KOL: Codable {
        var id: String
        var name: String
        var followers: Int
        var stars: Int
        var verified: Bool
        var averageLikes: Double
        var regions: [Region]
        var posts: [Post]
        var note: String?
    }

    var version: Int
    var generator: String
    var kols: [KOL]

    /// A deterministic linear congruential generator (Knuth's MMIX constants): same bytes on every run.
    struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let phrases = [
        "今天给大家分享一款超好用的面霜", "这家店的火锅真的绝了", "夏天出游必备的防晒攻略", "新品试色来啦",
        "姐妹们冲鸭", "性价比超高", "学生党也能轻松入手", "成分党必看", "我的年度爱用物", "开箱视频已更新",
        "评论区抽三位宝子送同款", "周末去了趟杭州", "跑步打卡第100天", "这个颜色太显白了", "真实测评不踩雷",
        "😀", "🔥🔥🔥", "#好物推荐#", "#美妆#", "链接在主页", "感谢品牌方的邀请", "上海 · 静安", "9.9元包邮",
    ]
    static let cities = ["北京", "上海", "广州", "深圳", "杭州", "成都", "重庆", "武汉", "西安", "南京"]
    static let tags = ["美妆", "护肤", "穿搭", "美食", "旅行", "健身", "数码", "母婴", "家居", "宠物"]

    /// Writes KOLs until the document reaches about `approximateBytes`.
    static func generate(approximateBytes: Int) -> [UInt8] {
        var random = LCG(state: 20_240_601)
        var writer = JSONWriter(reservingCapacity: approximateBytes + (1 << 16))
        writer.beginObject()
        writer.member("version", 1)
        writer.member("generator", "kol-bench json")
        writer.key("kols")
        writer.beginArray()
        var kolNumber = 0
        while writer.bytes.count < approximateBytes {
            kolNumber += 1
            writer.beginObject()
            writer.member("id", .string("kol-\(kolNumber)"))
            writer.member("name", .string(cities[random.below(cities.count)] + "小\(tags[random.below(tags.count)])达人\(kolNumber)"))
            let followers = 1000 + random.below(5_000_000)
            writer.member("followers", .int(Int64(followers)))
            writer.member("stars", .int(Int64(random.below(7))))
            writer.member("verified", .bool(random.below(3) == 0))
            writer.member("averageLikes", .double(Double(random.below(1_000_000)) / 100))
            writer.key("regions")
            writer.beginArray()
            for _ in 0..<(1 + random.below(4)) {
                writer.beginObject()
                writer.member("name", .string(cities[random.below(cities.count)]))
                writer.member("share", .double(Double(random.below(1000)) / 1000))
                writer.endObject()
            }
            writer.endArray()
            writer.key("posts")
            writer.beginArray()
            for postNumber in 0..<(5 + random.below(10)) {
                writer.beginObject()
                writer.member("id", .string("p-\(kolNumber)-\(postNumber)"))
                var text = ""
                for _ in 0..<(3 + random.below(8)) { text += phrases[random.below(phrases.count)] + "，" }
                if random.below(10) == 0 { text += "\n\"引用\" \\ 结束" }
                writer.member("text", .string(text))
                writer.member("likes", .int(Int64(random.below(100_000))))
                writer.member("reposts", .int(Int64(random.below(10_000))))
                writer.member("comments", .int(Int64(random.below(5_000))))
                writer.member("engagementRate", .double(Double(random.below(100_000)) / 1_000_000))
                writer.member("publishedAt", .string("2024-\(10 + random.below(3))-\(10 + random.below(18))T12:00:00+08:00"))
                writer.key("tags")
                writer.beginArray()
                for _ in 0..<random.below(4) { writer.string(tags[random.below(tags.count)]) }
                writer.endArray()
                writer.member("sponsored", .bool(random.below(5) == 0))
                writer.endObject()
            }
            writer.endArray()
            if random.below(4) == 0 { writer.member("note", .null) }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}
