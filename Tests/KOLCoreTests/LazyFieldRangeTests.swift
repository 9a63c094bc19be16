import Testing
import JSON
@testable import KOLCore

/// A bulk load (`.topLevel` detail) records no nested ranges: the validator walks the KOL's node for the
/// range of a value it reports. These tests hold that to what a full range table answers, on random KOLs
/// full of invalid values (fixed seed), and hold a JSONL load to a `.kol.json` load of the same KOLs.
@Suite struct LazyFieldRangeTests {
    /// Codes the validator raises (ranges looked up by path); the reader's own come from the node it read.
    static let validatorCodes: Set<DataQualityCode> = [
        .starsOutOfRange, .negativeFollowers, .negativePrice, .dateInFuture, .negativeRegionValue,
        .regionSharesOverOne, .postInFuture, .negativeCount, .repliesExceedComments, .shareOutOfRange,
        .negativeAmount, .endBeforeStart,
    ]

    @Test func topLevelDetailMatchesFullDetail() throws {
        var random = SeededGenerator(seed: 8)
        var validatorFindings = 0
        for index in 0..<300 {
            let text = RandomKOLText.kol(index, &random)
            let node = try JSONDocument(bytes: Array(text.utf8)).root
            let full = KOLDecoder.decode(node, now: testNow, detail: .full, offset: 7, line: 3)
            let top = KOLDecoder.decode(node, now: testNow, detail: .topLevel, offset: 7, line: 3)
            #expect(top.diagnostics == full.diagnostics, "\(text)")
            let fullKOL = try #require(full.kol)
            let topKOL = try #require(top.kol)
            #expect(topKOL.withoutSource == fullKOL.withoutSource)
            let table = fullKOL.source?.fieldRanges ?? [:]
            // The filter a bulk load applied to the full table before ranges became lazy.
            #expect(topKOL.source?.fieldRanges == table.filter { !$0.key.utf8.contains { $0 == 0x2E || $0 == 0x5B } })
            for finding in full.diagnostics where Self.validatorCodes.contains(finding.code) {
                validatorFindings += 1
                #expect(finding.range == table[finding.path ?? ""], "\(finding) in \(text)")
            }
        }
        #expect(validatorFindings > 300)  // the random KOLs exercise the validator's paths
    }

    @Test func jsonlLoadsLikeKOLJSON() throws {
        var random = SeededGenerator(seed: 9)
        let kols = (0..<200).map { RandomKOLText.kol($0, &random) }
        let jsonl = JSONLReader.read(Array(kols.joined(separator: "\n").utf8), now: testNow)
        let document = "{\"version\": 1, \"kols\": [\n" + kols.joined(separator: ",\n") + "]}"
        let loaded = WorkspaceDocument.load(bytes: Array(document.utf8), now: testNow, detail: .topLevel)
        #expect(jsonl.kols.count == 200)
        #expect(jsonl.kols.map(\.withoutSource) == loaded.workspace.kols.map(\.withoutSource))
        // Same findings; a document names the KOL (`kols[3].`) where a JSONL line has its line number.
        let lineFindings = jsonl.diagnostics.filter { $0.code != .duplicateKey }
        let documentFindings = loaded.diagnostics.filter { $0.code != .duplicateKey }
        #expect(lineFindings.count == documentFindings.count)
        for (line, inDocument) in zip(lineFindings, documentFindings) {
            #expect(line.code == inDocument.code && line.message == inDocument.message && line.numbers == inDocument.numbers)
            let kolIndex = (line.line ?? 0) - 1
            #expect(inDocument.path == join("kols[\(kolIndex)]", line.path ?? ""))
            // Both ranges point at the same bytes of the same KOL text.
            let lineStart = jsonl.kols.first { $0.id == line.kolId }?.source?.range?.start ?? 0
            let documentStart = loaded.workspace.kols.first { $0.id == inDocument.kolId }?.source?.range?.start ?? 0
            #expect(line.range.map { $0.start - lineStart } == inDocument.range.map { $0.start - documentStart })
        }
        #expect(jsonl.diagnostics.filter { $0.code == .duplicateKey }.count
                == loaded.diagnostics.filter { $0.code == .duplicateKey }.count)
    }
}

/// Random KOL objects as JSON text, about half of their values invalid in some way the loader reports.
enum RandomKOLText {
    static func kol(_ index: Int, _ random: inout SeededGenerator) -> String {
        var members = ["\"id\": \"k\(index)\""]
        func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
        if chance(0.8, &random) { members.append("\"name\": " + pick(["\"茶小姐姐🍵\"", "12", "null"])) }
        if chance(0.8, &random) { members.append("\"stars\": " + pick(["3", "4.5", "7", "-1", "\"5\""])) }
        if chance(0.9, &random) { members.append("\"followers\": " + pick(["120000", "-5", "12.5", "3e5", "true"])) }
        if chance(0.5, &random) { members.append("\"price\": " + pick(["1900", "-20", "null"])) }
        if chance(0.6, &random) { members.append("\"createdAt\": " + pick(["\"2018-11-02\"", "\"2030-01-01\"", "\"soon\""])) }
        if chance(0.5, &random) { members.append("\"topics\": " + pick(["[\"美妆\", 3]", "[\"茶\"]", "\"茶\""])) }
        if chance(0.6, &random) {
            let points = (0..<Int(random.next() % 4)).map { _ in
                pick(["{\"date\": \"2025-07-01\", \"followers\": 69012}", "{\"date\": \"2031-01-01\", \"followers\": -3}",
                      "{\"followers\": 5}", "7", "{\"date\": \"2025-08-01\", \"followers\": -1, \"x\": 1}"])
            }
            members.append("\"followerHistory\": [" + points.joined(separator: ", ") + "]")
        }
        if chance(0.6, &random) {
            members.append("\"followerRegions\": " + pick(["{\"上海\": 0.5, \"北京\": 0.3}", "{\"上海\": 0.9, \"北京\": 0.3}",
                                                          "{\"上海\": -2, \"北京\": 10}", "{\"上海\": \"x\"}", "[1]",
                                                          "{\"上海\": 0.2, \"上海\": -0.1}"]))
        }
        if chance(0.9, &random) {
            let posts = (0..<Int(random.next() % 6)).map { _ in post(&random) }
            members.append("\"posts\": [" + posts.joined(separator: ", ") + "]")
        }
        if chance(0.3, &random) {
            let channel = "{\"platform\": \"douyin\", \"followers\": " + pick(["10", "-10"]) + ", \"posts\": ["
                + (0..<Int(random.next() % 3)).map { _ in post(&random) }.joined(separator: ", ") + "]}"
            members.append("\"channels\": [" + pick(["", "{\"followers\": -1}, ", "1, "]) + channel + "]")
        }
        if chance(0.3, &random) {
            members.append("\"fanSample\": [" + pick(["{\"id\": \"f\", \"followers\": -1, \"reposts\": 1.5}",
                                                      "{\"links\": -0.5, \"createdAt\": \"2031-02-02\", \"lastPostAt\": \"2031-02-02\"}",
                                                      "{\"posts\": 3, \"following\": -2}, 4"]) + "]")
        }
        if chance(0.3, &random) {
            members.append("\"campaigns\": [" + pick(["{\"id\": \"c\", \"start\": \"2025-01-01\", \"cost\": -5, \"revenue\": -1}",
                                                      "{\"id\": \"c\", \"start\": \"2025-03-01\", \"end\": \"2025-02-01\", \"cost\": 5, \"clicks\": -1}",
                                                      "{\"start\": \"2031-01-01\", \"cost\": 1}"]) + "]")
        }
        if chance(0.2, &random) { members.append("\"relationship\": " + pick(["{\"stage\": \"contacted\"}", "{\"stage\": \"x\"}", "3"])) }
        if chance(0.2, &random) { members.append("\"note\": {\"a\": [1, 2]}") }
        if chance(0.1, &random) { members.append("\"followers\": 42") }  // a repeated key: the last one counts
        return "{" + members.joined(separator: ", ") + "}"
    }

    static func post(_ random: inout SeededGenerator) -> String {
        var fields: [String] = []
        func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
        if chance(0.9, &random) { fields.append("\"at\": " + pick(["\"2025-07-14T12:15:00+08:00\"", "\"2031-01-01\"", "\"x\""])) }
        fields.append("\"text\": \"成分党必看！😭\\n\\u00e9\"")
        for key in ["reposts", "comments", "likes", "kolReplies"] where chance(0.8, &random) {
            fields.append("\"\(key)\": " + pick(["20", "54", "-3", "2.5", "120"]))
        }
        if chance(0.1, &random) { fields.append("\"likes\": 9") }
        if chance(0.1, &random) { fields.append("\"isRepost\": " + pick(["true", "1"])) }
        let post = "{" + fields.joined(separator: ", ") + "}"
        return chance(0.1, &random) ? pick(["3", "null", "[]"]) : post
    }

    static func chance(_ p: Double, _ random: inout SeededGenerator) -> Bool { random.nextUnit() < p }
}
