import Testing
@testable import RPC

@Suite struct LineReaderTests {
    @Test(arguments: [1, 5, 1000])
    func splitsLinesAndSkipsBlankOnes(chunkSize: Int) {
        let events = lineEvents("{\"a\":1}\n\n  \n[1,2]\r\n{\"s\":\"中\"}", chunkSize: chunkSize)
        #expect(events == [message("{\"a\":1}"), message("[1,2]\r"), message("{\"s\":\"中\"}"), .end])
    }

    @Test func overlongLineIsReportedAndTheNextLineIsRead() {
        let long = "[" + String(repeating: "1,", count: 2000) + "1]"
        let events = lineEvents(long + "\n{}\n", chunkSize: 64, maxMessageBytes: 100)
        #expect(events == [.problem(.tooLarge(size: 101, limit: 100)), message("{}"), .end])
    }

    @Test func detectsFramingFromTheFirstNonWhitespaceByte() {
        func detect(_ text: String) -> Framing {
            var reader = ByteReader(source: MemorySource(Array(text.utf8)))
            return Framing.detect(&reader)
        }
        #expect(detect("  \n{\"jsonrpc\":\"2.0\"}") == .lines)
        #expect(detect("[1]") == .lines)
        #expect(detect("Content-Length: 2\r\n\r\n{}") == .lsp)
        #expect(detect("\r\ncontent-length: 2") == .lsp)
        #expect(detect("") == .lines)
    }
}
