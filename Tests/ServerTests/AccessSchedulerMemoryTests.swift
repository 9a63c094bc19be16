import Foundation
import Testing
@testable import Server

/// Regression test for the leak `kol-bench soak` found: under a steady pipelined mix of reads and writes the
/// scheduler's queue was never empty, so started entries (each holding a request's closure, params document
/// and reply) were never dropped: RSS grew by ~2 KB per request without bound.
@Suite struct AccessSchedulerMemoryTests {
    final class Started: @unchecked Sendable {
        let lock = NSLock()
        var accesses: [HandlerAccess] = []
        func record(_ access: HandlerAccess) {
            lock.lock()
            accesses.append(access)
            lock.unlock()
        }
        func popFirst() -> HandlerAccess? {
            lock.lock()
            defer { lock.unlock() }
            return accesses.isEmpty ? nil : accesses.removeFirst()
        }
    }

    @Test func aQueueThatNeverEmptiesStaysBounded() {
        let scheduler = AccessScheduler()
        let started = Started()
        scheduler.submit(.write) { started.record(.write) }
        // A backlog that is never worked off completely, like a client that always has requests in flight.
        for _ in 0..<3 {
            scheduler.submit(.read) { started.record(.read) }
            scheduler.submit(.write) { started.record(.write) }
        }
        for _ in 0..<10_000 {
            scheduler.submit(.read) { started.record(.read) }
            scheduler.submit(.write) { started.record(.write) }
            // Finish as much as was added, oldest first: the backlog stays small but never empties.
            for _ in 0..<2 { if let access = started.popFirst() { scheduler.finish(access) } }
        }
        #expect(scheduler.storedEntryCount < 200, "\(scheduler.storedEntryCount) entries kept")
        // Draining still runs everything, in order.
        while let access = started.popFirst() { scheduler.finish(access) }
        #expect(scheduler.storedEntryCount == 0)
    }
}
