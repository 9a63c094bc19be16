import Foundation
import Testing
import JSON
@testable import RPC
@testable import Server

@Suite struct AccessSchedulerTests {
    /// Each `submit` records its start; the test decides when each piece of work finishes.
    final class Recorder: @unchecked Sendable {
        let log = EventLog()
        func start(_ name: String) -> @Sendable () -> Void { { self.log.append(name) } }
    }

    @Test func readsRunTogetherAndAWriteWaitsForEarlierReads() {
        let scheduler = AccessScheduler()
        let r = Recorder()
        scheduler.submit(.read, start: r.start("r1"))
        scheduler.submit(.read, start: r.start("r2"))
        scheduler.submit(.write, start: r.start("w"))
        scheduler.submit(.read, start: r.start("r3"))
        #expect(r.log.entries == ["r1", "r2"])
        scheduler.finish(.read)
        #expect(r.log.entries == ["r1", "r2"])  // r2 still running
        scheduler.finish(.read)
        #expect(r.log.entries == ["r1", "r2", "w"])  // r3 waits behind the write
        scheduler.finish(.write)
        #expect(r.log.entries == ["r1", "r2", "w", "r3"])
    }

    @Test func consecutiveWritesRunOneAtATime() {
        let scheduler = AccessScheduler()
        let r = Recorder()
        scheduler.submit(.write, start: r.start("w1"))
        scheduler.submit(.write, start: r.start("w2"))
        #expect(r.log.entries == ["w1"])
        #expect(!scheduler.tryBeginReadNow())
        scheduler.finish(.write)
        #expect(r.log.entries == ["w1", "w2"])
        scheduler.finish(.write)
        #expect(scheduler.tryBeginReadNow())
    }
}

@Suite struct ConcurrencyTests {
    /// `get` before a `set` must not see it, `get` after must: the write is ordered between them even
    /// though reads run concurrently and the first `get` is slow.
    @Test func aWriteIsOrderedBetweenTheReadsAroundIt() async {
        final class Store: @unchecked Sendable {
            let lock = NSLock()
            var value: Int64 = 0
        }
        let store = Store()
        let server = lineServer()
        server.register("test/get", access: .read) { _ in
            for _ in 0..<200 { await Task.yield() }
            return .int(store.lock.withLock { store.value })
        }
        server.register("test/set", access: .write) { ctx in
            let value = ctx.paramsNode?[0]?.int ?? -1
            store.lock.withLock { store.value = value }
            return nil
        }
        let t = await serve(server, lines(
            #"{"jsonrpc":"2.0","id":1,"method":"test/get"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"test/set","params":[5]}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"test/get"}"#))
        #expect(Set(t.messages) == [
            #"{"jsonrpc":"2.0","id":1,"result":0}"#,
            #"{"jsonrpc":"2.0","id":2,"result":null}"#,
            #"{"jsonrpc":"2.0","id":3,"result":5}"#,
        ])
    }

    @Test func repliesMayComeOutOfOrder() async {
        let gate = Gate()
        let server = lineServer()
        server.register("test/wait") { _ in
            await gate.wait()
            return "late"
        }
        server.register("test/quick") { _ in "early" }
        // The first request is held until some output was written: only the second can produce it.
        let t = await serve(server, lines(
            #"{"jsonrpc":"2.0","id":1,"method":"test/wait"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"test/quick"}"#), afterWrite: { gate.release() })
        #expect(t.messages == [#"{"jsonrpc":"2.0","id":2,"result":"early"}"#, #"{"jsonrpc":"2.0","id":1,"result":"late"}"#])
    }

    @Test func cancellingARunningRequestAnswersRequestCancelled() async {
        let server = lineServer()
        server.register("test/spin") { ctx in
            while !ctx.isCancelled { await Task.yield() }
            try ctx.checkCancellation()
            return "not cancelled"
        }
        let t = await serve(server, lines(
            #"{"jsonrpc":"2.0","id":"a","method":"test/spin"}"#,
            #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"a"}}"#))
        #expect(t.messages == [#"{"jsonrpc":"2.0","id":"a","error":{"code":-32800,"message":"request cancelled"}}"#])
    }

    @Test func cancellingAQueuedRequestAnswersWithoutRunningIt() async {
        let gate = Gate()
        let ran = EventLog()
        let server = lineServer()
        server.register("test/block", access: .write) { _ in
            await gate.wait()
            return "done"
        }
        server.register("test/read") { _ in
            ran.append("read ran")
            return "read"
        }
        let t = await serve(server, lines(
            #"{"jsonrpc":"2.0","id":1,"method":"test/block"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"test/read"}"#,
            #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}"#), atEnd: { gate.release() })
        #expect(t.messages == [
            #"{"jsonrpc":"2.0","id":1,"result":"done"}"#,
            #"{"jsonrpc":"2.0","id":2,"error":{"code":-32800,"message":"request cancelled"}}"#,
        ])
        #expect(ran.entries.isEmpty)
    }

    @Test func progressIsReportedOnlyWithAWorkDoneToken() async {
        let server = lineServer()
        server.register("test/long") { ctx in
            ctx.progress.begin(title: "Scoring", percentage: 0)
            ctx.progress.report(message: "half", percentage: 50)
            ctx.progress.end(message: "done")
            return 1
        }
        let t = await serve(server, lines(
            #"{"jsonrpc":"2.0","id":1,"method":"test/long","params":{"workDoneToken":"tok"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"test/long","params":{}}"#))
        #expect(t.messages.filter { $0.contains(#""id":1"#) || $0.contains("$/progress") } == [
            #"{"jsonrpc":"2.0","method":"$/progress","params":{"token":"tok","value":{"kind":"begin","title":"Scoring","cancellable":true,"percentage":0}}}"#,
            #"{"jsonrpc":"2.0","method":"$/progress","params":{"token":"tok","value":{"kind":"report","message":"half","percentage":50}}}"#,
            #"{"jsonrpc":"2.0","method":"$/progress","params":{"token":"tok","value":{"kind":"end","message":"done"}}}"#,
            #"{"jsonrpc":"2.0","id":1,"result":1}"#,
        ])
        #expect(t.messages.count == 5)
    }

    @Test func serverNotificationsArePublished() async {
        let server = lineServer()
        server.registerNotification("test/poke") { _ in
            server.notify(method: "test/poked", params: ["n": 1])
        }
        let t = await serve(server, lines(#"{"jsonrpc":"2.0","method":"test/poke"}"#))
        #expect(t.messages == [#"{"jsonrpc":"2.0","method":"test/poked","params":{"n":1}}"#])
    }
}
