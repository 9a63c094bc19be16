import Foundation

/// A fair (first-come, first-served) readers–writer gate for handlers.
///
/// Reads run concurrently with each other. A write starts only after every earlier request has finished,
/// and requests that arrive after a write wait until it has finished: so `kol/upsert` between two
/// `kol/get`s is seen by the second and not by the first, whatever the thread timing. Waiting work is
/// queued here (not parked on a thread), so a long write never blocks the reader thread.
final class AccessScheduler: @unchecked Sendable {
    private let lock = NSLock()
    private var runningReads = 0
    private var writeRunning = false
    private var waiting: [(access: HandlerAccess, start: @Sendable () -> Void)] = []
    private var waitingHead = 0

    /// Starts `start` now (synchronously, on the caller's thread) if its turn has come, else queues it.
    /// `start` must eventually lead to exactly one `finish(access)` call.
    func submit(_ access: HandlerAccess, start: @escaping @Sendable () -> Void) {
        lock.lock()
        let now = waitingHead == waiting.count && admissible(access)
        if now { admit(access) } else { waiting.append((access, start)) }
        lock.unlock()
        if now { start() }
    }

    /// Admits a read for work run synchronously by the caller, if no write is running or waiting.
    /// Returns false when the caller must `submit` instead. Pair a true result with `finish(.read)`.
    func tryBeginReadNow() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard waitingHead == waiting.count, admissible(.read) else { return false }
        admit(.read)
        return true
    }

    /// Marks one admitted piece of work as finished and starts whatever may run next.
    func finish(_ access: HandlerAccess) {
        lock.lock()
        switch access {
        case .read: runningReads -= 1
        case .write: writeRunning = false
        }
        var ready: [@Sendable () -> Void] = []
        while waitingHead < waiting.count, admissible(waiting[waitingHead].access) {
            let next = waiting[waitingHead]
            waitingHead += 1
            admit(next.access)
            ready.append(next.start)
        }
        if waitingHead == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            waitingHead = 0
        }
        lock.unlock()
        for start in ready { start() }
    }

    private func admissible(_ access: HandlerAccess) -> Bool {
        switch access {
        case .read: return !writeRunning
        case .write: return !writeRunning && runningReads == 0
        }
    }

    private func admit(_ access: HandlerAccess) {
        switch access {
        case .read: runningReads += 1
        case .write: writeRunning = true
        }
    }
}
