import Foundation
import RPC

/// Requests that have been received and not yet answered, by id, so `$/cancelRequest` can find them.
final class InFlightRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: [RequestID: CancellationToken] = [:]

    func add(_ id: RequestID, _ token: CancellationToken) {
        lock.lock()
        tokens[id] = token
        lock.unlock()
    }

    func remove(_ id: RequestID) {
        lock.lock()
        tokens[id] = nil
        lock.unlock()
    }

    /// Cancels the request with `id`, if it is still in flight (a late cancel is not an error).
    func cancel(_ id: RequestID) {
        lock.lock()
        let token = tokens[id]
        lock.unlock()
        token?.cancel()
    }
}
