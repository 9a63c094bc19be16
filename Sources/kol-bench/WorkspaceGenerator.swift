import JSON
import KOLCore

/// Writes a deterministic, realistic workspace for the scale benchmarks and tests: the same seed gives the
/// same bytes on every machine (integer-only random choices, no `Double` formatting of random values
/// beyond two decimals, no clock).
///
/// "Realistic" means shaped like a category export from the Weibo micro-task marketplace: star levels
/// skewed low, followers and prices that grow with the star level (the `StarLevelTable` magnitudes, with
/// spread), Chinese posts of 10–120 characters with hashtags and emoji, a monthly follower history, regional
/// shares over real provinces, other-media channels for some KOLs and a fan sample for one KOL in ten.
/// A small share of KOLs is deliberately odd (bought followers, a follower jump, missing prices) so red-flag
/// rules have work to do.
struct WorkspaceGenerator {
    enum Format: String {
        case jsonl, json
    }

    var kols: Int
    var postsPerKOL: Int
    var seed: UInt64

    /// KOLCore's seeded SplitMix64 stream, with the draws the generator needs.
    struct Random {
        var source: SeededGenerator
        init(state: UInt64) { source = SeededGenerator(seed: state) }
        mutating func next() -> UInt64 { source.next() }
        mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
        /// Roughly log-normal: `median` times 10^(±spread), from a sum of three uniforms.
        mutating func around(_ median: Double, spread: Double) -> Int {
            let u = (Double(below(1000)) + Double(below(1000)) + Double(below(1000))) / 1500 - 1
            return max(1, Int(median * pow10(u * spread)))
        }
    }

    /// Writes the whole workspace into `sink` in pieces of about `flushBytes`, so a 10^6-post file never
    /// has to sit in memory whole.
    func write(format: Format, flushBytes: Int = 1 << 22, to sink: ([UInt8]) -> Void) {
        var random = Random(state: seed)
        var out: [UInt8] = []
        out.reserveCapacity(flushBytes + (1 << 16))
        if format == .json {
            var brief = JSONWriter()
            writeBrief(&brief)
            out += Array("{\"version\":1,\"brief\":".utf8) + brief.bytes + Array(",\"kols\":[\n".utf8)
        }
        for number in 0..<kols {
            if format == .json && number > 0 { out += [UInt8(ascii: ","), UInt8(ascii: "\n")] }
            // A fresh writer per KOL: `JSONWriter` puts commas between sibling values itself, and KOLs are
            // written one per line.
            var kol = JSONWriter(reservingCapacity: 8192)
            writeKOL(number, random: &random, into: &kol)
            out += kol.bytes
            if format == .jsonl { out.append(UInt8(ascii: "\n")) }
            if out.count >= flushBytes {
                sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if format == .json { out += Array("\n]}\n".utf8) }
        if !out.isEmpty { sink(out) }
    }

    /// The whole workspace as one buffer (tests and small sizes).
    func bytes(format: Format) -> [UInt8] {
        var all: [UInt8] = []
        write(format: format) { all += $0 }
        return all
    }

    private func writeBrief(_ writer: inout JSONWriter) {
        writer.value([
            "product": "云南手工普洱茶礼盒", "keywords": ["茶", "普洱", "礼盒", "tea"],
            "targetRegions": ["上海", "浙江"], "tone": "lighthearted", "budget": 200_000,
        ])
    }

    private func writeKOL(_ number: Int, random: inout Random, into writer: inout JSONWriter) {
        let stars = GeneratorVocabulary.starWeights[random.below(GeneratorVocabulary.starWeights.count)]
        let row = GeneratorVocabulary.starRows[stars]
        let odd = random.below(50)  // 0: bought followers, 1: follower jump, 2: no price
        let topic = random.below(GeneratorVocabulary.topics.count)
        var followers = random.around(row.followers, spread: 0.35)
        if odd == 0 { followers *= 8 }
        writer.beginObject()
        writer.member("id", .string(String(1_500_000_000 + number)))
        writer.member("name", .string(random.pick(GeneratorVocabulary.namePrefixes)
                                      + GeneratorVocabulary.topics[topic].name + random.pick(GeneratorVocabulary.nameSuffixes)
                                      + String(number % 1000)))
        writer.member("platform", "weibo")
        writer.member("stars", .int(Int64(stars)))
        writer.member("followers", .int(Int64(followers)))
        writer.member("createdAt", .string(Self.date(year: 2010 + random.below(14), month: 1 + random.below(12),
                                                     day: 1 + random.below(28))))
        writer.member("verified", .bool(random.below(3) == 0))
        if odd != 2 { writer.member("price", .int(Int64(random.around(row.price, spread: 0.25) / 10 * 10))) }
        writer.key("topics")
        writer.beginArray()
        writer.string(GeneratorVocabulary.topics[topic].name)
        if random.below(2) == 0 { writer.string(random.pick(GeneratorVocabulary.topics).name) }
        writer.endArray()
        writeHistory(followers: followers, jump: odd == 1, random: &random, into: &writer)
        writeRegions(&random, into: &writer)
        writer.key("posts")
        writer.beginArray()
        for post in 0..<postsPerKOL {
            writePost(number: post, followers: followers, topic: topic, random: &random, into: &writer)
        }
        writer.endArray()
        if random.below(3) == 0 { writeChannels(followers: followers, random: &random, into: &writer) }
        if random.below(10) == 0 { writeFans(odd == 0, random: &random, into: &writer) }
        writer.endObject()
    }

    /// Six monthly counts ending this month, growing a few percent a month; `jump` adds a bought step.
    private func writeHistory(followers: Int, jump: Bool, random: inout Random, into writer: inout JSONWriter) {
        writer.key("followerHistory")
        writer.beginArray()
        var count = Double(followers)
        var points: [(String, Int)] = []
        for back in 0..<6 {
            let month = 12 - back
            points.append((Self.date(year: 2025, month: month, day: 1), Int(count)))
            count /= 1 + Double(random.below(60)) / 1000
            if jump && back == 2 { count /= 3 }
        }
        for (date, value) in points.reversed() {
            writer.beginObject()
            writer.member("date", .string(date))
            writer.member("followers", .int(Int64(value)))
            writer.endObject()
        }
        writer.endArray()
    }

    private func writeRegions(_ random: inout Random, into writer: inout JSONWriter) {
        writer.key("followerRegions")
        writer.beginObject()
        var left = 900
        var used = Set<Int>()
        for _ in 0..<(3 + random.below(4)) {
            let region = random.below(GeneratorVocabulary.provinces.count)
            guard used.insert(region).inserted else { continue }
            let share = 20 + random.below(max(1, left / 2))
            left -= share
            writer.member(GeneratorVocabulary.provinces[region], .double(Double(share) / 1000))
        }
        writer.endObject()
    }

    private func writePost(number: Int, followers: Int, topic: Int, random: inout Random,
                           into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("at", .string(Self.date(year: 2025, month: 7 + random.below(6), day: 1 + random.below(28))
                                    + "T" + Self.two(8 + random.below(14)) + ":" + Self.two(random.below(60)) + ":00+08:00"))
        writer.member("text", .string(GeneratorVocabulary.postText(topic: topic, random: &random)))
        let reach = max(1, followers / (200 + random.below(800)))
        writer.member("reposts", .int(Int64(reach / 10 + random.below(10))))
        let comments = reach / 4 + random.below(20)
        writer.member("comments", .int(Int64(comments)))
        writer.member("likes", .int(Int64(reach + random.below(50))))
        writer.member("kolReplies", .int(Int64(random.below(min(30, comments + 1)))))
        if random.below(8) == 0 { writer.member("isRepost", true) }
        writer.endObject()
    }

    private func writeChannels(followers: Int, random: inout Random, into writer: inout JSONWriter) {
        writer.key("channels")
        writer.beginArray()
        for _ in 0..<(1 + random.below(2)) {
            writer.beginObject()
            writer.member("platform", .string(random.pick(GeneratorVocabulary.channelPlatforms)))
            writer.member("name", .string(random.pick(GeneratorVocabulary.namePrefixes) + "的小站"))
            writer.member("followers", .int(Int64(max(100, followers / (2 + random.below(20))))))
            writer.endObject()
        }
        writer.endArray()
    }

    /// Twenty fan profiles; `bought` makes most of them look like bulk-registered accounts.
    private func writeFans(_ bought: Bool, random: inout Random, into writer: inout JSONWriter) {
        writer.key("fanSample")
        writer.beginArray()
        for _ in 0..<20 {
            let fake = bought ? random.below(10) < 7 : random.below(10) == 0
            writer.beginObject()
            writer.member("followers", .int(Int64(fake ? random.below(5) : 20 + random.below(2000))))
            writer.member("following", .int(Int64(fake ? 800 + random.below(1200) : 50 + random.below(500))))
            writer.member("posts", .int(Int64(fake ? random.below(3) : 30 + random.below(3000))))
            writer.member("createdAt", .string(Self.date(year: fake ? 2025 : 2012 + random.below(12),
                                                         month: 1 + random.below(12), day: 1 + random.below(28))))
            writer.member("avatar", .bool(!fake || random.below(5) == 0))
            if !fake { writer.member("location", .string(random.pick(GeneratorVocabulary.provinces))) }
            writer.endObject()
        }
        writer.endArray()
    }

    static func date(year: Int, month: Int, day: Int) -> String {
        String(year) + "-" + two(month) + "-" + two(day)
    }

    static func two(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
}

/// 10^x without Foundation (the generator must give the same bytes everywhere; `exp` is exact enough at
/// the integer rounding the callers do).
private func pow10(_ x: Double) -> Double {
    var result = 1.0
    var term = 1.0
    let y = x * 2.302585092994046
    for n in 1..<30 {
        term *= y / Double(n)
        result += term
    }
    return result
}
