import Testing
import JSON
@testable import KOLCore

@Suite struct WorkspaceJSONLTests {
    static let text = "\u{FEFF}{\"id\": \"1\", \"name\": \"茶小姐姐🍵\", \"followers\": 100}\r\n"
        + "\n"
        + "{\"id\": \"2\", \"name\": \"😀😀\", \"stars\": 8}\n"
        + "{\"id\": \"1\"}\n"
        + "{not json}\n"
        + "{\"id\": \"3\", \"topics\": [\"普洱\"]}"

    static func readInChunks(of size: Int) -> JSONLReader.Batch {
        let bytes = Array(text.utf8)
        var reader = JSONLReader(origin: "big.kols.jsonl", now: testNow)
        var all = JSONLReader.Batch(kols: [], diagnostics: [])
        var start = 0
        while start < bytes.count {
            let batch = reader.feed(bytes[start..<min(start + size, bytes.count)])
            all.kols += batch.kols
            all.diagnostics += batch.diagnostics
            start += size
        }
        let last = reader.finish()
        return JSONLReader.Batch(kols: all.kols + last.kols, diagnostics: all.diagnostics + last.diagnostics)
    }

    @Test func wholeFile() throws {
        let whole = JSONLReader.read(Array(Self.text.utf8), now: testNow)
        #expect(whole.kols.map(\.id) == ["1", "2", "3"])
        #expect(whole.kols[0].name == "茶小姐姐🍵")
        #expect(whole.kols.map(\.source?.line) == [1, 3, 6])
        #expect(whole.diagnostics.map(\.code) == [.starsOutOfRange, .duplicateID, .invalidJSON])
        #expect(whole.diagnostics.map(\.line) == [3, 4, 5])
        let stars = whole.diagnostics[0]
        #expect(stars.range == byteRange(of: "8", in: Self.text))
        #expect(whole.kols[2].source?.range(of: "topics") == byteRange(of: "[\"普洱\"]", in: Self.text))
    }

    /// 1 byte splits every multi-byte character (茶 is 3 bytes, 🍵 4); 5 and 7 split elsewhere.
    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func chunkedEqualsWhole(_ size: Int) {
        let whole = JSONLReader.read(Array(Self.text.utf8), origin: "big.kols.jsonl", now: testNow)
        let chunked = Self.readInChunks(of: size)
        #expect(chunked.kols == whole.kols)
        #expect(chunked.diagnostics == whole.diagnostics)
    }

    /// What `kol/load` does with a file: each chunk a whole array of its own, cut one chunk ahead of the
    /// id checks (`split` of chunk n+1 before `admit` of chunk n). Enough lines for the parallel decode,
    /// repeated ids across chunks, lines straddling chunks.
    @Test(arguments: [1, 37, 200, 4096])
    func pipelinedEqualsWhole(_ size: Int) {
        var lines: [String] = []
        for index in 0..<150 {
            let id = index % 7 == 3 ? "dup" : "k\(index)"
            lines.append("{\"id\": \"\(id)\", \"name\": \"茶\(index)\", \"stars\": \(index % 9), \"posts\": [{\"at\": \"2026-01-0\(index % 9 + 1)\", \"text\": \"🍵 \(index)\"}]}")
            if index % 50 == 10 { lines.append("{broken") }
            if index % 40 == 5 { lines.append("   ") }
        }
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let whole = JSONLReader.read(bytes, origin: "big.kols.jsonl", now: testNow)
        var reader = JSONLReader(origin: "big.kols.jsonl", now: testNow)
        var all = JSONLReader.Batch(kols: [], diagnostics: [])
        var previous: JSONLReader.DecodedLines?
        var start = 0
        while start < bytes.count {
            let chunk = Array(bytes[start..<min(start + size, bytes.count)])
            // Whole arrays (as `kol/load` reads them) and slices of them take different paths.
            let next = JSONLReader.decode((start / size) % 2 == 0 ? reader.split(chunk) : reader.split(chunk[...]))
            if let previous {
                let batch = reader.admit(previous)
                all.kols += batch.kols
                all.diagnostics += batch.diagnostics
            }
            previous = next
            start += size
        }
        for decoded in [previous ?? .none, JSONLReader.decode(reader.splitRest())] {
            let batch = reader.admit(decoded)
            all.kols += batch.kols
            all.diagnostics += batch.diagnostics
        }
        #expect(whole.kols.count == 130)  // 150 lines, 21 with the id "dup"
        #expect(whole.diagnostics.filter { $0.code == .duplicateID }.count == 20)
        #expect(all.kols == whole.kols)
        #expect(all.diagnostics == whole.diagnostics)
    }
}
