import Foundation
import JSON
import KOLCore
import Testing
@testable import Server

/// Red-flag diagnostics are kept rendered per KOL between edits, and only the KOLs whose flags or position
/// changed are rendered again. Whatever the edits, what is published must equal what a fresh server
/// publishes when it opens the final text.
@Suite struct RenderedDiagnosticsTests {
    static let uri = "file:///w/random.kol.json"
    typealias Random = AnalysisCacheEquivalenceTests.Random

    static let names = ["阿萌", "小北", "Tea Lover", "茶姐😀", "🍵🍵", "山间 普洱", "x", "长长长长长长的名字"]
    static let texts = ["今天喝普洱茶 #茶#", "限时优惠，点击链接 😀", "周末去爬山", "tea time \\n again", "好喝"]

    /// One KOL object: stars 1–3, followers over four orders of magnitude (so peer rules fire), 2025 posts.
    static func kol(_ index: Int, _ random: inout Random) -> String {
        let posts = (0..<random.int(1...3)).map { k in
            #"{"at": "2025-0\#(random.int(1...9))-1\#(k)", "text": "\#(texts[random.int(0...4)])", "comments": \#(random.int(0...90)), "likes": \#(random.int(0...900)), "reposts": \#(random.int(0...9))}"#
        }
        return #"{"id": "k\#(index)", "name": "\#(names[random.int(0...7)])", "stars": \#(random.int(1...3)), "followers": \#(random.int(1...9) * [1_000, 10_000, 100_000, 1_000_000][random.int(0...3)]), "price": \#(random.int(1...40) * 100), "topics": ["茶"], "posts": [\#(posts.joined(separator: ", "))]}"#
    }

    /// 36 KOLs: mostly one per line, some lines with two or three, and one KOL spread over several lines.
    static func document(_ random: inout Random) -> String {
        var lines = [#"{"version": 1, "brief": {"product": "普洱茶", "keywords": ["普洱"], "targetRegions": ["上海"]}, "kols": ["#]
        var index = 0
        while index < 36 {
            let perLine = [1, 1, 1, 2, 3][random.int(0...4)]
            var line: [String] = []
            for _ in 0..<perLine where index < 36 {
                line.append(kol(index, &random))
                index += 1
            }
            lines.append(line.joined(separator: ", ") + (index < 36 ? "," : ""))
        }
        lines[5] = lines[5].replacingOccurrences(of: #", "posts""#, with: ",\n    \"posts\"")
        lines.append("]}")
        return lines.joined(separator: "\n")
    }

    /// UTF-8 offsets of every match of `pattern` (its first capture group when it has one).
    static func spans(_ pattern: String, in text: String) -> [Range<Int>] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let bytes = Array(text.utf8)
        let string = String(decoding: bytes, as: UTF8.self)
        let ns = string as NSString
        return regex.matches(in: string, range: NSRange(location: 0, length: ns.length)).compactMap { match in
            let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            guard let swift = Range(range, in: string) else { return nil }
            return string.utf8.distance(from: string.startIndex, to: swift.lowerBound)
                ..< string.utf8.distance(from: string.startIndex, to: swift.upperBound)
        }
    }

    /// One random change: `(range, replacement)` in UTF-8 offsets of `text`, and whether the result is JSON.
    static func randomChange(_ text: String, _ random: inout Random) -> (Range<Int>, String, valid: Bool)? {
        func pick(_ pattern: String) -> Range<Int>? {
            let found = spans(pattern, in: text)
            return found.isEmpty ? nil : found[random.int(0...(found.count - 1))]
        }
        switch random.int(0...9) {
        case 0, 1, 2:
            return pick(#""followers": (\d+)"#).map { ($0, String(random.int(1...9_999) * [1, 10, 100, 1000][random.int(0...3)]), true) }
        case 3: return pick(#""stars": (\d+(\.5)?)"#).map { ($0, ["1", "2", "3", "2.5"][random.int(0...3)], true) }
        case 4: return pick(#""name": "([^"]*)""#).map { ($0, names[random.int(0...7)], true) }
        case 5: return pick(#", ("price")"#).map { ($0.lowerBound..<$0.lowerBound, "\n    ", true) }
        case 6: return pick(#",(\n    )""#).map { ($0, " ", true) }
        case 7: return pick(#"\}(, )\{"id""#).map { ($0, ",\n", true) }  // between KOLs: a full analysis
        case 8: return pick(#""likes": (\d+)"#).map { ($0, String(random.int(0...5000)), true) }
        default: return pick(#""price": (\d+)"#).map { ($0, "x" + String(random.int(1...9)), false) }  // not JSON
        }
    }

    static func change(_ range: Range<Int>, _ replacement: String, in text: String, version: Int,
                       encoding: PositionEncoding) -> String {
        let index = LineIndex(bytes: Array(text.utf8))
        let start = index.position(ofOffset: range.lowerBound, encoding: encoding)
        let end = index.position(ofOffset: range.upperBound, encoding: encoding)
        return #"{"textDocument": {"uri": \#(quoted(uri)), "version": \#(version)}, "contentChanges": [{"range": {"start": {"line": \#(start.line), "character": \#(start.character)}, "end": {"line": \#(end.line), "character": \#(end.character)}}, "text": \#(quoted(replacement))}]}"#
    }

    static func replacing(_ range: Range<Int>, with replacement: String, in text: String) -> String {
        var bytes = Array(text.utf8)
        bytes.replaceSubrange(range, with: Array(replacement.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The diagnostics of the latest publish for the document (reading settles pending analyses first).
    static func published(_ h: WorkspaceHarness) async throws -> JSONValue? {
        _ = try await h.call("kol/stats")
        return h.published.last(where: { $0["uri"]?.string == uri })?["diagnostics"]
    }

    /// The first diagnostic that differs (index, published, expected), so a failure reads in one line.
    static func firstDifference(_ a: JSONValue?, _ b: JSONValue?) -> String? {
        guard a != b else { return nil }
        let x = a?.array ?? []
        let y = b?.array ?? []
        for k in 0..<max(x.count, y.count) where k >= x.count || k >= y.count || x[k] != y[k] {
            return "#\(k) of \(x.count)/\(y.count): \(k < x.count ? x[k].serializedString : "-") ≠ \(k < y.count ? y[k].serializedString : "-")"
        }
        return "not arrays"
    }

    static func fresh(_ text: String, encoding: PositionEncoding) async throws -> JSONValue? {
        let h = WorkspaceHarness(encoding: encoding)
        try await h.notify("textDocument/didOpen", DocumentTests.openParams(text, uri: uri))
        return try await published(h)
    }

    @Test(arguments: [PositionEncoding.utf16, .utf8, .utf32])
    func randomEditsPublishWhatAFreshOpenPublishes(encoding: PositionEncoding) async throws {
        var random = Random(state: 20_261_126)
        var text = Self.document(&random)
        let h = WorkspaceHarness(encoding: encoding)
        try await h.notify("textDocument/didOpen", DocumentTests.openParams(text, uri: Self.uri))
        #expect(try await Self.published(h) == Self.fresh(text, encoding: encoding))
        var compared = 0
        var incremental = 0
        var version = 1
        var valid = true
        for round in 0..<70 {
            // After text that is not JSON, the next change repairs it (the broken price becomes a number).
            let step = valid ? Self.randomChange(text, &random)
                : Self.spans(#""price": (x\d)"#, in: text).first.map { ($0, "700", true) }
            guard let (range, replacement, nowValid) = step else { continue }
            version += 1
            try await h.notify("textDocument/didChange", Self.change(range, replacement, in: text, version: version,
                                                                     encoding: encoding))
            text = Self.replacing(range, with: replacement, in: text)
            valid = nowValid
            let published = try await Self.published(h)
            let stats = try await h.call("kol/stats")
            if stats["documents"]?["last"]?["kind"] == "incremental" { incremental += 1 }
            // While the text is not JSON the last good red flags stay (by design), unlike a fresh open.
            guard valid else { continue }
            let expected = try await Self.fresh(text, encoding: encoding)
            #expect(Self.firstDifference(published, expected) == nil, "round \(round), version \(version)")
            #expect((published?.array.count ?? 0) > 36)
            compared += 1
        }
        #expect(compared > 50)
        #expect(incremental > 30)
    }
}
