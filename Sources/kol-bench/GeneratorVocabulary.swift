/// The words the workspace generator draws from: provinces the scoring tables know, star-level magnitudes
/// (the `StarLevelTable` rows), and topic phrase books for Chinese posts of realistic length.
enum GeneratorVocabulary {
    struct Topic {
        var name: String
        var phrases: [String]
    }

    struct StarRow {
        var followers: Double
        var price: Double
    }

    /// Index = star level; followers and prices grow about 2.5× per star.
    static let starRows: [StarRow] = [
        StarRow(followers: 5_000, price: 200), StarRow(followers: 20_000, price: 600),
        StarRow(followers: 100_000, price: 1_500), StarRow(followers: 300_000, price: 4_000),
        StarRow(followers: 800_000, price: 8_000), StarRow(followers: 2_000_000, price: 20_000),
        StarRow(followers: 5_000_000, price: 50_000),
    ]
    /// Star levels drawn uniformly from this list: the marketplace is mostly one to three stars.
    static let starWeights = [0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6]

    static let provinces = [
        "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
        "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
        "陕西", "甘肃", "青海", "宁夏", "新疆",
    ]
    static let channelPlatforms = ["wechat", "douyin", "xiaohongshu", "bilibili", "blog"]
    static let namePrefixes = ["小", "阿", "大", "爱吃", "会玩", "认真", "快乐", "佛系", "元气", "深夜"]
    static let nameSuffixes = ["姐姐", "君", "酱", "日记", "研究所", "小站", "达人", "笔记"]

    static let topics: [Topic] = [
        Topic(name: "茶", phrases: ["今天泡了一壶普洱", "汤色红亮回甘明显", "这款礼盒送长辈很有面子", "喝茶要慢慢品",
                                   "云南的老树茶就是不一样", "冲泡第三泡味道最好", "办公室必备的下午茶"]),
        Topic(name: "美妆", phrases: ["今天给大家分享一款超好用的面霜", "新品试色来啦", "这个颜色太显白了", "成分党必看",
                                     "敏感肌也能放心用", "持妆一整天不脱妆", "学生党也能轻松入手"]),
        Topic(name: "美食", phrases: ["这家店的火锅真的绝了", "排队两小时也值得", "自己在家做的红烧肉", "甜品控狂喜",
                                     "人均不到五十吃到撑", "老板人超好还送了小菜", "周末探店记录"]),
        Topic(name: "旅行", phrases: ["夏天出游必备的防晒攻略", "周末去了趟杭州", "西湖边的日落太美了", "这条路线适合自驾",
                                     "民宿推荐在评论区", "拍照机位分享给大家", "下一站想去云南"]),
        Topic(name: "数码", phrases: ["开箱视频已更新", "续航比上一代强了不少", "这个价位没有对手", "拍照效果实测",
                                     "系统流畅度还可以", "游戏党可以冲", "真实测评不踩雷"]),
        Topic(name: "健身", phrases: ["跑步打卡第100天", "今天练腿差点走不动", "减脂期也能吃得很开心", "坚持就是胜利",
                                     "分享一套居家训练动作", "体脂率终于降下来了", "早起运动一整天精神都好"]),
        Topic(name: "母婴", phrases: ["宝宝最近爱上了这款辅食", "新手妈妈必看", "睡眠问题终于解决了", "出门带娃好物清单",
                                     "这个安全座椅装起来很方便", "分享一下我的育儿心得"]),
    ]
    static let fillers = ["哈哈哈", "真的", "姐妹们冲鸭", "性价比超高", "我的年度爱用物", "评论区抽三位宝子送同款",
                          "感谢品牌方的邀请", "链接在主页", "大家觉得怎么样", "说实话", "强烈推荐", "有点失望"]
    static let emoji = ["😀", "🔥", "😂", "👍", "❤️", "🍵", "✨", "😭"]

    /// A post of 10–120 characters (about 60 on average, like most Weibo posts): topic phrases joined with fillers, a hashtag now and then, emoji.
    static func postText(topic: Int, random: inout WorkspaceGenerator.Random) -> String {
        let phrases = topics[topic].phrases
        let target = 10 + random.below(50) + random.below(61)
        var text = random.below(4) == 0 ? "#" + topics[topic].name + "#" : ""
        var length = text.unicodeScalars.count
        while length < target {
            let phrase = random.below(3) == 0 ? random.pick(fillers) : random.pick(phrases)
            let mark = random.below(6) == 0 ? random.pick(emoji) : (random.below(3) == 0 ? "！" : "，")
            text += phrase + mark
            length += phrase.unicodeScalars.count + 1
        }
        return text
    }
}
