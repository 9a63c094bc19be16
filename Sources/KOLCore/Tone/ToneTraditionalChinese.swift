/// Traditional → simplified character pairs for the characters our lexicons and the trained n-grams care
/// about most (plus the commonest function characters). Folding traditional text onto simplified lets one
/// lexicon and one model serve Weibo (simplified) and Taiwan/Hong Kong posts (traditional) alike.
/// Format: pairs of characters, traditional first. Unlisted characters pass through unchanged.
let toneTraditionalPairs: String = """
這这個个們们來来說说為为對对後后會会時时開开關关於于與与從从當当還还沒没別别讓让給给\
進进過过麼么點点兒儿發发現现實实經经樣样見见話话問问題题機机場场員员東东車车長长間间\
門门頭头氣气電电業业產产網网頁页語语認认識识應应該该覺觉學学習习體体頭头種种幾几萬万\
億亿錢钱貨货買买賣卖價价購购訂订單单搶抢贈赠禮礼滿满減减劃划團团優优惠惠鏈链連连結结\
獎奖轉转領领銷销廣广告告費费務务質质級级師师醫医飯饭館馆歲岁舊旧親亲愛爱戀恋夢梦\
讚赞歡欢樂乐喜喜熱热聽听寫写極极絕绝紅红導导壞坏騙骗虧亏敗败貴贵慘惨醜丑髒脏噁恶惡恶\
難难討讨厭厌傷伤憤愤謝谢滿满薦荐請请蒞莅臨临屆届啟启誠诚敬敬盡尽顧顾務务選选精精緻致\
係系隊队戲戏劇剧趣趣幽幽默默笑笑鬧闹嗎吗囉啰嘍喽噠哒哈哈呵呵嘻嘻\
試试誰谁總总數数據据專专業业務务歷历傳传統统權权義义議议證证讀读邊边遠远近近\
幣币銀银錶表鐘钟門门聯联絡络彈弹憶忆懷怀鬱郁闆板變变壓压嚇吓糾纠紛纷災灾險险\
竊窃殺杀衛卫護护補补輸输贏赢負负勝胜蘭兰漢汉陽阳陰阴麗丽華华島岛灣湾臺台\
媽妈爺爷孫孙夥伙廳厅區区縣县鄉乡鎮镇圖图書书報报紙纸筆笔態态慶庆節节獨独嚴严\
廢废棄弃穩稳確确靜静鬆松緊紧輕轻濃浓淡淡實实虛虚誇夸獻献憑凭辦办幫帮擔担
"""

/// A flat lookup from a CJK Unified Ideograph (U+4E00…U+9FFF) to its simplified form, 0 = unchanged.
/// A flat array indexed by code point is one load per character on the hot path, unlike a dictionary.
let toneSimplifiedTable: [UInt32] = {
    var table = [UInt32](repeating: 0, count: 0x9FFF - 0x4E00 + 1)
    let scalars = Array(toneTraditionalPairs.unicodeScalars)
    var index = 0
    while index + 1 < scalars.count {
        let traditional = scalars[index].value
        let simplified = scalars[index + 1].value
        if traditional >= 0x4E00, traditional <= 0x9FFF, traditional != simplified {
            table[Int(traditional - 0x4E00)] = simplified
        }
        index += 2
    }
    return table
}()
