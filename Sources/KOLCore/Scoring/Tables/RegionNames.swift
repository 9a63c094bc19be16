/// Normalises region names: `浙江省` → `浙江`, `Zhejiang` → `浙江`, `杭州` / `杭州市` → `浙江`.
///
/// Why: `followerRegions` comes from different exports (some by province, some by city, some in pinyin) and
/// `brief.targetRegions` is typed by hand; the geography score must compare like with like.
public enum RegionNames {
    /// The province (short name as in `ProvincePopulation`) for a province or city name, or nil when unknown.
    public static func province(of name: String) -> String? {
        let trimmed = name.trimmingCharactersInWhitespace()
        if ProvincePopulation.tenThousands[trimmed] != nil { return trimmed }
        let stripped = stripSuffix(trimmed)
        if ProvincePopulation.tenThousands[stripped] != nil { return stripped }
        if let city = cityProvince[stripped] { return city }
        if let english = pinyin[trimmed.lowercased()] { return english }
        if ["香港", "澳门", "台湾", "海外", "其他"].contains(stripped) { return nil }
        return nil
    }

    /// The name without an administrative suffix: 省, 市, 自治区, 壮族自治区, 特别行政区, …
    static func stripSuffix(_ name: String) -> String {
        for suffix in ["壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市"]
        where name.hasSuffix(suffix) && name.count > suffix.count {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// Prefecture-level and large cities that appear in follower exports, mapped to their province.
    /// Municipalities map to themselves through `ProvincePopulation`.
    static let cityProvince: [String: String] = [
        "杭州": "浙江", "宁波": "浙江", "温州": "浙江", "绍兴": "浙江", "嘉兴": "浙江", "湖州": "浙江",
        "金华": "浙江", "台州": "浙江", "丽水": "浙江", "衢州": "浙江", "舟山": "浙江", "义乌": "浙江",
        "南京": "江苏", "苏州": "江苏", "无锡": "江苏", "常州": "江苏", "南通": "江苏", "扬州": "江苏",
        "徐州": "江苏", "镇江": "江苏", "盐城": "江苏", "泰州": "江苏",
        "广州": "广东", "深圳": "广东", "东莞": "广东", "佛山": "广东", "珠海": "广东", "汕头": "广东",
        "成都": "四川", "绵阳": "四川", "武汉": "湖北", "宜昌": "湖北", "长沙": "湖南",
        "郑州": "河南", "洛阳": "河南", "济南": "山东", "青岛": "山东", "烟台": "山东",
        "石家庄": "河北", "唐山": "河北", "太原": "山西", "呼和浩特": "内蒙古", "包头": "内蒙古",
        "沈阳": "辽宁", "大连": "辽宁", "长春": "吉林", "哈尔滨": "黑龙江", "合肥": "安徽", "黄山": "安徽",
        "福州": "福建", "厦门": "福建", "泉州": "福建", "南昌": "江西", "南宁": "广西", "桂林": "广西",
        "海口": "海南", "三亚": "海南", "贵阳": "贵州", "昆明": "云南", "大理": "云南", "丽江": "云南",
        "拉萨": "西藏", "西安": "陕西", "兰州": "甘肃", "西宁": "青海", "银川": "宁夏", "乌鲁木齐": "新疆",
    ]

    static let pinyin: [String: String] = [
        "beijing": "北京", "tianjin": "天津", "hebei": "河北", "shanxi": "山西", "inner mongolia": "内蒙古",
        "neimenggu": "内蒙古", "liaoning": "辽宁", "jilin": "吉林", "heilongjiang": "黑龙江",
        "shanghai": "上海", "jiangsu": "江苏", "zhejiang": "浙江", "anhui": "安徽", "fujian": "福建",
        "jiangxi": "江西", "shandong": "山东", "henan": "河南", "hubei": "湖北", "hunan": "湖南",
        "guangdong": "广东", "guangxi": "广西", "hainan": "海南", "chongqing": "重庆", "sichuan": "四川",
        "guizhou": "贵州", "yunnan": "云南", "tibet": "西藏", "xizang": "西藏", "shaanxi": "陕西",
        "gansu": "甘肃", "qinghai": "青海", "ningxia": "宁夏", "xinjiang": "新疆",
        "hangzhou": "浙江", "suzhou": "江苏", "nanjing": "江苏", "guangzhou": "广东", "shenzhen": "广东",
        "chengdu": "四川", "wuhan": "湖北",
    ]
}

extension String {
    /// Trims ASCII and ideographic spaces without Foundation's CharacterSet (KOLCore stays light).
    ///
    /// Fast path: when neither the first nor the last scalar can begin or end a space or newline character,
    /// nothing is trimmed, and the text is returned without walking its characters (a space `Character` is
    /// that one scalar; a newline `Character` starts and ends with a newline scalar).
    func trimmingCharactersInWhitespace() -> String {
        if let first = unicodeScalars.first, let last = unicodeScalars.last,
           !String.trimmableScalars.contains(first.value), !String.trimmableScalars.contains(last.value) {
            return self
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }

    /// Space, tab, ideographic space and the newline scalars (LF, VT, FF, CR, NEL, LS, PS).
    static let trimmableScalars: Set<UInt32> = [0x20, 0x09, 0x3000, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
}
