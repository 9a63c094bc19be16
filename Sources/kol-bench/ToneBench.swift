import Dispatch
import KOLCore

/// `kol-bench tone [--mb N]`: tone-profiling throughput on synthetic Weibo-like posts, one core, MB/s of
/// UTF-8 post text. Baseline from the same run: counting the Unicode scalars of the same strings (the least
/// any profiler must do: decode every character once). Target: ≥ 20 MB/s in a release build.
enum ToneBench {
    static func run(_ arguments: [String]) {
        var megabytes = 16
        if let index = arguments.firstIndex(of: "--mb"), index + 1 < arguments.count,
            let value = Int(arguments[index + 1]), value > 0
        {
            megabytes = value
        }
        let posts = syntheticPosts(bytes: megabytes * 1_000_000)
        let bytes = posts.reduce(0) { $0 + $1.utf8.count }
        let profiler = ToneProfiler.standard
        _ = profiler.profile("预热 warm-up 哈哈")  // build lexicon/model tables outside the timing
        // Batches of 100 posts, as when profiling one KOL's recent posts.
        let batches = stride(from: 0, to: posts.count, by: 100).map { Array(posts[$0..<min($0 + 100, posts.count)]) }

        let baseline = best(of: 3) {
            var scalars = 0
            for post in posts { scalars &+= post.unicodeScalars.count }
            return scalars
        }
        let profiling = best(of: 3) {
            var checksum = 0.0
            for batch in batches { checksum += profiler.profile(batch).dimensions.humor }
            return Int(checksum)
        }
        let perText = best(of: 3) {
            var count = 0
            for batch in batches { count += profiler.profile(batch, perText: true).perText.count }
            return count
        }
        let megabytesMeasured = Double(bytes) / 1_000_000
        print("tone: \(posts.count) synthetic posts, \(format(megabytesMeasured)) MB of UTF-8, one core")
        print("  baseline  unicode scalar count   \(format(megabytesMeasured / baseline)) MB/s")
        print("  profile   batches of 100 posts   \(format(megabytesMeasured / profiling)) MB/s  (target ≥ 20)")
        print("  profile   with per-text profiles \(format(megabytesMeasured / perText)) MB/s")
        print("  ratio     profile / baseline     \(format(baseline / profiling * 100)) %")
    }

    /// Fastest of `runs` timings, in seconds (the result is kept so the work is not optimised away).
    static func best(of runs: Int, _ work: () -> Int) -> Double {
        var fastest = Double.infinity
        var sink = 0
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            sink &+= work()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            fastest = min(fastest, elapsed)
        }
        if sink == Int.min { print(sink) }
        return max(fastest, 1e-9)
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Deterministic Weibo-like posts: Chinese clauses, laughter and slang, bracket emoticons, emoji, #topics#,
    /// @mentions, links, ad copy and some English, 20–200 characters each.
    static func syntheticPosts(bytes: Int) -> [String] {
        let clauses = [
            "今天天气真好，出去走走", "这家店的火锅太好吃了", "老板说周末要加班", "新买的手机用起来不错", "排队两个小时终于买到了",
            "朋友推荐的电影看完有点失望", "最近在学做饭，味道还可以", "地铁上人太多了", "终于放假了", "这个价格真的不贵",
            "官方公告：系统将于今晚升级维护", "敬请期待我们的新品发布会", "本公司始终秉承匠心精神", "限时优惠，点击链接下单",
            "转发抽奖送三台手机", "质量很差，再也不买了", "客服态度非常好", "孩子今天考试得了满分", "周一综合症又犯了",
            "猫咪把花瓶打碎了",
        ]
        let extras = [
            "哈哈哈哈", "笑死我了", "[doge]", "[笑cry]", "[允悲]", "😂", "👍", "！！！", "～～", "???", "#今日话题#", "@小明同学",
            "http://t.cn/A6abcd", "yyds", "xswl", "233333", "(^_^)", "really good", "lol", "呢", "吧", "啊",
        ]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var posts: [String] = []
        var total = 0
        while total < bytes {
            var post = ""
            for _ in 0..<(1 + next(5)) {
                post += clauses[next(clauses.count)]
                if next(2) == 0 { post += extras[next(extras.count)] }
                post += next(3) == 0 ? "。" : "，"
            }
            total += post.utf8.count
            posts.append(post)
        }
        return posts
    }
}
