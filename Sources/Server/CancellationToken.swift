import Foundation

/// Set by `$/cancelRequest`; polled by handlers through `RequestContext.isCancelled`. A token rather
/// than only `Task.cancel()` so a request still waiting in the scheduler can be cancelled before it
/// starts (it is then answered -32800 without running).
public final class CancellationToken: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var task: Task<Void, Never>?

    public init() {}

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    public func cancel() {
        lock.lock()
        cancelled = true
        let running = task
        lock.unlock()
        running?.cancel()
    }

    /// Remembers the task running the handler, so `cancel()` also interrupts `Task.sleep` and friends.
    func attach(_ task: Task<Void, Never>) {
        lock.lock()
        self.task = task
        let already = cancelled
        lock.unlock()
        if already { task.cancel() }
    }
}
