/// Resident population of mainland China's 31 provincial-level divisions (provinces, autonomous regions and
/// the municipalities 北京, 天津, 上海, 重庆), in units of 10 000 people.
///
/// Source: National Bureau of Statistics of China, Communiqué of the Seventh National Population Census
/// (No. 3, "Population by region", 2021-05-11), census day 2020-11-01, rounded to 0.1 万. The 31 divisions
/// sum to 140 977.9 万; the national 141 177.9 万 also counts ~200 万 active servicemen assigned to no
/// province, so shares divide by the provincial sum. 香港, 澳门 and 台湾 are outside it: they have no baseline share
/// here, and a target region the table does not know gets no lift (only its share), rather than a guess.
///
/// Why population and not internet users: it is the public, stable, well-documented baseline; the lift it
/// gives ("this audience is 5× more Zhejiang than China is") is what a marketer means by "regional reach".
public enum ProvincePopulation {
    public static let tenThousands: [String: Double] = [
        "北京": 2189.3, "天津": 1386.6, "河北": 7461.0, "山西": 3491.6, "内蒙古": 2404.9,
        "辽宁": 4259.1, "吉林": 2407.3, "黑龙江": 3185.0, "上海": 2487.1, "江苏": 8474.8,
        "浙江": 6456.8, "安徽": 6102.7, "福建": 4154.0, "江西": 4518.9, "山东": 10152.7,
        "河南": 9936.6, "湖北": 5775.3, "湖南": 6644.5, "广东": 12601.3, "广西": 5012.7,
        "海南": 1008.1, "重庆": 3205.4, "四川": 8367.5, "贵州": 3856.2, "云南": 4720.9,
        "西藏": 364.8, "陕西": 3952.9, "甘肃": 2502.0, "青海": 592.4, "宁夏": 720.3,
        "新疆": 2585.2,
    ]

    public static let total: Double = tenThousands.values.reduce(0, +)

    /// The province's share of the national population (0–1), or nil for a name outside the table.
    public static func share(of province: String) -> Double? {
        tenThousands[province].map { $0 / total }
    }
}
