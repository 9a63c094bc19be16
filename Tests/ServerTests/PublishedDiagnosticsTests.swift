import Foundation
import JSON
import KOLCore
import Testing
@testable import Server

/// A publish copies unchanged rows' bytes from the last publish (`PublishedDiagnostics`). Whatever the
/// edits (inside a KOL, between KOLs, adding or removing lines, text that is not JSON), every published
/// message must equal, byte for byte, the same analysis written from scratch.
@Suite struct PublishedDiagnosticsTests {
    typealias Random = AnalysisCacheEquivalenceTests.Random
    typealias Edits = RenderedDiagnosticsTests

    /// Collects the raw params of every publish.
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [[UInt8]] = []
        func append(_ bytes: [UInt8]) {
            lock.lock()
            messages.append(bytes)
            lock.unlock()
        }
        var last: [UInt8]? {
            lock.lock()
            defer { lock.unlock() }
            return messages.last
        }
        var count: Int {
            lock.lock()
            defer { lock.unlock() }
            return messages.count
        }
    }

    static func change(_ range: Range<Int>, _ replacement: String, in text: String,
                       encoding: PositionEncoding) -> TextEdits.Change {
        let index = LineIndex(bytes: Array(text.utf8))
        let start = index.position(ofOffset: range.lowerBound, encoding: encoding)
        let end = index.position(ofOffset: range.upperBound, encoding: encoding)
        return TextEdits.Change(range: TextEdits.Range(start: TextEdits.Position(line: start.line, character: start.character),
                                                       end: TextEdits.Position(line: end.line, character: end.character)),
                                text: replacement)
    }

    @Test(arguments: [PositionEncoding.utf16, .utf8])
    func splicedPublishEqualsAFreshWrite(encoding: PositionEncoding) throws {
        let sink = Sink()
        let session = Session()
        session.positionEncoding = encoding
        let service = WorkspaceService(session: session, allowedPaths: []) { sink.append($0) }
        service.documents.setExtraDiagnostics { analysis, previous, workspace, encoding in
            RedFlagDiagnostics.rendered(analysis, previous: previous, workspace: workspace, encoding: encoding,
                                        cache: service.analyses)
        }
        let uri = Edits.uri
        var random = Random(state: 20_261_127)
        var text = Edits.document(&random)
        service.documents.open(uri: uri, languageId: nil, version: 1, text: text)
        // The open's publish (by the background worker or this settling read) is out before counting.
        _ = service.documents.analysis(uri: uri)
        var valid = true
        var compared = 0
        var spliced = 0
        var lineChanges = 0
        for round in 0..<80 {
            let step = valid ? Edits.randomChange(text, &random)
                : Edits.spans(#""price": (x\d)"#, in: text).first.map { ($0, "700", true) }
            guard let (range, replacement, nowValid) = step else { continue }
            let before = sink.count
            let oldLines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            service.documents.change(uri: uri, version: round + 2,
                                     changes: [Self.change(range, replacement, in: text, encoding: encoding)])
            text = Edits.replacing(range, with: replacement, in: text)
            valid = nowValid
            if text.split(separator: "\n", omittingEmptySubsequences: false).count != oldLines { lineChanges += 1 }
            let analysis = try #require(service.documents.analysis(uri: uri))
            #expect(sink.count == before + 1, "round \(round): one publish per edit")
            let published = try #require(sink.last)
            var fresh: [UInt8] = []
            DocumentManager.writePublishParams(uri: uri, analysis: analysis, encoding: encoding, into: &fresh)
            #expect(published == fresh, "round \(round)")
            if analysis.edit != nil { spliced += 1 }
            compared += 1
        }
        #expect(compared > 60)
        #expect(spliced > 30)
        #expect(lineChanges > 5)
    }

    /// Rows copied from the last publish keep their commas right when rows without diagnostics sit
    /// between them, before the first and after the last.
    @Test func spansOfAFreshWriteLocateEveryRow() throws {
        var random = Random(state: 7)
        let text = Edits.document(&random)
        let sink = Sink()
        let service = WorkspaceService(session: Session(), allowedPaths: []) { sink.append($0) }
        service.documents.setExtraDiagnostics { analysis, previous, workspace, encoding in
            RedFlagDiagnostics.rendered(analysis, previous: previous, workspace: workspace, encoding: encoding,
                                        cache: service.analyses)
        }
        service.documents.open(uri: Edits.uri, languageId: nil, version: 1, text: text)
        let analysis = try #require(service.documents.analysis(uri: Edits.uri))
        var rendered = analysis.extraDiagnostics
        let first = try #require(rendered.rows.first)
        let none = RenderedDiagnostics.Row(
            rendered: RenderedDiagnostics.Rendered(id: "none", name: nil, flags: [], flagsStart: 0, view: first.rendered.view,
                                                   anchorCharacter: 0, movable: false, fragment: .empty),
            range: nil, anchorLine: 0)
        // Rows without diagnostics first, last, and between some rows.
        var rows = [none]
        for (k, row) in rendered.rows.enumerated() {
            rows.append(row)
            if k % 3 == 0 { rows.append(none) }
            if k % 7 == 0 { rows.append(none) }
        }
        rows.append(none)
        rendered.rows = rows
        #expect(rendered.rows.contains { $0.fragment.count > 0 })
        var bytes: [UInt8] = []
        let spans = rendered.write(into: &bytes, afterOthers: false, previous: nil)
        var plain: [UInt8] = []
        rendered.write(into: &plain, afterOthers: false)
        #expect(bytes == plain)
        for (k, row) in rendered.rows.enumerated() {
            var alone: [UInt8] = []
            row.fragment.write(into: &alone, anchorLine: row.anchorLine)
            #expect(Array(bytes[spans.starts[k]..<spans.ends[k]]) == alone)
        }
        // Everything copied: the same bytes again, also after other diagnostics.
        let previous = PublishedDiagnostics(uri: Edits.uri, rows: rendered.rows, starts: spans.starts, ends: spans.ends,
                                            bytes: bytes)
        var again: [UInt8] = []
        _ = rendered.write(into: &again, afterOthers: false, previous: previous)
        #expect(again == bytes)
        var afterOthers: [UInt8] = Array("{}".utf8)
        _ = rendered.write(into: &afterOthers, afterOthers: true, previous: previous)
        #expect(afterOthers == Array("{},".utf8) + bytes)
        // Some rows moved a line, some lost their diagnostics, the first row with some changed: copied
        // runs and fresh rows still join with exactly one comma.
        var next = rendered
        var random2 = Random(state: 11)
        for k in next.rows.indices {
            switch random2.int(0...5) {
            case 0: next.rows[k].anchorLine += 1
            case 1: next.rows[k] = none
            default: break
            }
        }
        if let k = next.rows.firstIndex(where: { $0.fragment.count > 0 }) { next.rows[k].anchorLine += 2 }
        var spliced: [UInt8] = Array("{}".utf8)
        let splicedSpans = next.write(into: &spliced, afterOthers: true, previous: previous)
        var fresh: [UInt8] = Array("{}".utf8)
        let freshSpans = next.write(into: &fresh, afterOthers: true, previous: nil)
        #expect(spliced == fresh)
        #expect(splicedSpans.starts == freshSpans.starts)
        #expect(splicedSpans.ends == freshSpans.ends)
    }
}
