import Foundation
import JSON
import Testing

/// Numbers at the edge of Int64 in paging params (found by probing the analysis methods, issue 9): an
/// offset and limit of Int.max made `start + limit` overflow and killed the engine. Now they page to the end.
@Suite struct AbuseOverflowEndToEndTests {
    @Test(arguments: ["kol/rank", "kol/list"])
    func pagingWithIntMaxOffsetAndLimitIsAnsweredNotACrash(method: String) throws {
        let folder = try workspaceTemporaryFolder()
        let engine = try AbuseEngine(mode: .lines, directory: folder)
        engine.send(#"{"jsonrpc":"2.0","id":"seed","method":"kol/upsert","params":{"kols":[{"id":"a","name":"甲"},{"id":"b","name":"乙"}]}}"#)
        let max = Int64.max
        engine.send(#"{"jsonrpc":"2.0","id":"past","method":"\#(method)","params":{"offset":\#(max),"limit":\#(max)}}"#)
        engine.send(#"{"jsonrpc":"2.0","id":"from1","method":"\#(method)","params":{"offset":1,"limit":\#(max)}}"#)
        let past = try #require(engine.waitForResponse(idText: "\"past\""), "the engine died")
        #expect(past.root["result"]?["kols"]?.count == 0)
        #expect(past.root["result"]?["total"]?.int == 2)
        let from1 = try #require(engine.waitForResponse(idText: "\"from1\""), "the engine died")
        #expect(from1.root["result"]?["kols"]?.count == 1)
        #expect(engine.process.isRunning)
        engine.closeInput()
        #expect(engine.waitForExit().status == 0)
    }
}
