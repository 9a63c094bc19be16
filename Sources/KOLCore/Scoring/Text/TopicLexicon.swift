/// A small built-in topic lexicon: categories with Chinese and English cue words.
///
/// Why: topics come from posts' `topics`, the KOL's declared `topics`, or, failing both, the text. To compare
/// topics across KOLs and channels (茶 vs 普洱 vs tea) and to measure how spread out a KOL is, free-form
/// labels are mapped to these categories; a label the lexicon does not know stays its own category.
public enum TopicLexicon {
    public struct Category: Hashable, Sendable {
        public var name: String
        public var cues: [String]
    }

    public static let categories: [Category] = [
        Category(name: "tea", cues: ["茶", "龙井", "普洱", "乌龙", "tea"]),
        Category(name: "food", cues: ["美食", "餐厅", "好吃", "探店", "小吃", "火锅", "烘焙", "菜谱", "吃货", "food",
                                      "restaurant"]),
        Category(name: "travel", cues: ["旅行", "旅游", "景点", "酒店", "机票", "自驾", "攻略", "travel", "trip"]),
        Category(name: "tech", cues: ["数码", "手机", "电脑", "科技", "芯片", "相机", "评测", "tech", "phone"]),
        Category(name: "cars", cues: ["汽车", "车型", "试驾", "油耗", "二手车", "提车", "新能源车", "car", "cars"]),
        Category(name: "finance", cues: ["理财", "基金", "股票", "投资", "财经", "保险", "finance", "fund", "stock"]),
        Category(name: "beauty", cues: ["美妆", "口红", "护肤", "化妆", "面膜", "粉底", "beauty", "makeup"]),
        Category(name: "parenting", cues: ["育儿", "宝宝", "母婴", "亲子", "辅食", "parenting", "baby"]),
        Category(name: "sports", cues: ["健身", "运动", "跑步", "马拉松", "篮球", "足球", "瑜伽", "增肌", "减脂",
                                        "fitness", "gym", "sport", "sports"]),
        Category(name: "games", cues: ["游戏", "手游", "电竞", "开黑", "game", "games", "gaming"]),
        Category(name: "fashion", cues: ["时尚", "穿搭", "服装", "潮牌", "fashion", "outfit"]),
        Category(name: "pets", cues: ["宠物", "猫咪", "狗狗", "铲屎", "萌宠", "pet", "pets"]),
        Category(name: "film", cues: ["电影", "影院", "剧集", "追剧", "综艺", "movie", "film"]),
        Category(name: "music", cues: ["音乐", "演唱会", "歌曲", "专辑", "music"]),
        Category(name: "home", cues: ["家居", "装修", "收纳", "家装"]),
        Category(name: "education", cues: ["教育", "考研", "高考", "课程", "education"]),
        Category(name: "health", cues: ["养生", "健康", "中医", "health"]),
    ]

    public static var count: Int { categories.count }

    private static let patterns: [(String, [KeywordPattern])] = categories.map { category in
        (category.name, category.cues.map(KeywordPattern.init))
    }

    /// All cues in one pass (see `TopicMatcher`); nil only if the lexicon outgrew the matcher.
    private static let matcher = TopicMatcher(patterns)

    /// Whether `categories(in:)` runs the one-pass matcher (for the equivalence test).
    static var usesMatcher: Bool { matcher != nil }

    /// Categories whose cues occur in the text (a cue needs all its grams: cues are short and exact).
    public static func categories(in text: TextIndex) -> [String] {
        matcher?.categories(in: text) ?? categoriesByCoverage(in: text)
    }

    /// `categories(in:)` cue by cue through `KeywordPattern.coverage`: the definition the one-pass
    /// matcher must agree with (asserted in `TopicMatcherTests`).
    static func categoriesByCoverage(in text: TextIndex) -> [String] {
        patterns.compactMap { name, cues in
            cues.contains { !$0.isEmpty && $0.coverage(in: text) >= 1 } ? name : nil
        }
    }

    /// The category of a free-form topic label (`普洱`, `茶文化`, `Tea`), or the label itself (lowercased,
    /// trimmed) when the lexicon has no cue for it.
    public static func category(ofLabel label: String) -> String {
        let trimmed = label.trimmingCharactersInWhitespace().lowercased()
        if categories.contains(where: { $0.name == trimmed }) { return trimmed }
        let found = categories(in: TextIndex(trimmed))
        return found.first ?? trimmed
    }
}
