import JSON
@testable import KOLCore

/// 2026-11-01T00:00:00Z: the "now" of these tests.
let testNow = KOLDate(year: 2026, month: 11, day: 1)!

/// The UTF-8 byte range of the `occurrence`-th (0-based) match of `needle` in `text`.
func byteRange(of needle: String, in text: String, occurrence: Int = 0) -> SourceRange? {
    let hay = Array(text.utf8), pin = Array(needle.utf8)
    var seen = 0
    guard !pin.isEmpty, hay.count >= pin.count else { return nil }
    for start in 0...(hay.count - pin.count) where Array(hay[start..<start + pin.count]) == pin {
        if seen == occurrence { return SourceRange(start: start, end: start + pin.count) }
        seen += 1
    }
    return nil
}

/// A one-KOL document whose KOL object is `kol` (JSON text), preceded by Chinese and emoji text.
func document(kol: String) -> String {
    "{\"version\": 1, \"brief\": {\"product\": \"云南普洱茶 🍵\"}, \"kols\": [\(kol)]}"
}

func load(_ text: String) -> WorkspaceDocument.LoadResult {
    WorkspaceDocument.load(bytes: Array(text.utf8), origin: "file:///demo.kol.json", now: testNow)
}
