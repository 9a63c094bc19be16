import Testing
@testable import RPC

@Suite struct LSPFrameReaderTests {
    @Test(arguments: [1, 2, 3, 7, 1000])
    func readsConsecutiveFramesAcrossAnyChunking(chunkSize: Int) {
        let input = frame(#"{"a":1}"#) + frame("[]") + frame("{\"s\":\"中文😀\"}")
        #expect(lspEvents(input, chunkSize: chunkSize) == [
            message(#"{"a":1}"#), message("[]"), message("{\"s\":\"中文😀\"}"), .end,
        ])
    }

    @Test func headerNamesAreCaseInsensitiveAndContentTypeIsAccepted() {
        let input = "content-LENGTH: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"
            + "CONTENT-LENGTH:3\r\n\r\n[1]"
        #expect(lspEvents(input) == [message("{}"), message("[1]"), .end])
    }

    @Test func bareNewlinesAndBlankLinesBetweenFramesAreTolerated() {
        let input = "Content-Length: 2\n\n{}\r\n\r\nContent-Length: 2\r\n\r\n[]"
        #expect(lspEvents(input) == [message("{}"), message("[]"), .end])
    }

    @Test func sameContentLengthRepeatedIsFine() {
        #expect(lspEvents("Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}") == [message("{}"), .end])
    }

    @Test func conflictingContentLengthsAreRefusedAndTheNextFrameIsRead() {
        let events = lspEvents("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}" + frame("[]"))
        #expect(events.count == 3)
        #expect(isBadHeader(events[0]))
        #expect(events[1] == message("[]"))
    }

    @Test(arguments: ["-5", "abc", "12x", "", "99999999999999999999", "1 2", "+3"])
    func invalidContentLengthIsReportedThenResynchronised(value: String) {
        let events = lspEvents("Content-Length: \(value)\r\n\r\n{\"x\":1}" + frame("[2]"))
        #expect(events.count == 3)
        #expect(isBadHeader(events[0]))
        #expect(events[1] == message("[2]"))
        #expect(events[2] == .end)
    }

    @Test func missingContentLengthIsReported() {
        let events = lspEvents("Content-Type: x\r\n\r\n{}" + frame("[]"))
        #expect(events == [.problem(.badHeader("missing Content-Length header")), message("[]"), .end])
    }

    @Test func garbageGluedBeforeAHeaderCostsOnlyTheGarbage() {
        let events = lspEvents("hello world " + frame("{}"))
        #expect(events.count == 3)
        #expect(isBadHeader(events[0]))
        #expect(events[1] == message("{}"))
    }

    @Test func garbageLinesBeforeAHeaderAreSkippedWithOneReport() {
        let events = lspEvents("not a header\r\nnor this\r\n" + frame("{}"), chunkSize: 3)
        #expect(events.count == 3)
        #expect(isBadHeader(events[0]))
        #expect(events[1] == message("{}"))
    }

    @Test func overlongHeaderLineIsDroppedWithoutHangingOrBufferingIt() {
        let junk = String(repeating: "x", count: 20_000)
        let events = lspEvents("X-Junk: \(junk)\r\n\r\n" + frame("{}"), chunkSize: 4096)
        #expect(events.count == 3)
        #expect(isBadHeader(events[0]))
        #expect(events[1] == message("{}"))
    }

    @Test func oversizedBodyIsSkippedAndTheStreamStaysUsable() {
        let big = String(repeating: "a", count: 5000)
        let events = lspEvents(frame(big) + frame("{}"), chunkSize: 100, maxMessageBytes: 1000)
        #expect(events == [.problem(.tooLarge(size: 5000, limit: 1000)), message("{}"), .end])
    }

    @Test func aBodyExactlyAtTheLimitIsAccepted() {
        let body = String(repeating: "b", count: 1000)
        #expect(lspEvents(frame(body), maxMessageBytes: 1000) == [message(body), .end])
    }

    @Test func bodyShorterThanDeclaredThenEOFIsReported() {
        let events = lspEvents("Content-Length: 10\r\n\r\n{}")
        #expect(events == [.problem(.truncated("expected a body of 10 bytes, got 2")), .end])
    }

    @Test func truncatedHeaderThenEOFIsReported() {
        let events = lspEvents(frame("{}") + "Content-Len")
        #expect(events == [message("{}"), .problem(.truncated("the header block was not finished")), .end])
    }

    @Test func emptyInputAndTrailingWhitespaceEndQuietly() {
        #expect(lspEvents("") == [.end])
        #expect(lspEvents(frame("{}") + "\r\n") == [message("{}"), .end])
    }

    @Test func zeroLengthBodyIsAnEmptyMessage() {
        #expect(lspEvents("Content-Length: 0\r\n\r\n" + frame("{}")) == [.message([]), message("{}"), .end])
    }

    @Test func headerSplitAcrossEveryByteBoundaryStillParses() {
        let input = frame(#"{"id":1}"#) + frame(#"{"id":2}"#)
        #expect(lspEvents(input, chunkSize: 1) == [message(#"{"id":1}"#), message(#"{"id":2}"#), .end])
    }
}
