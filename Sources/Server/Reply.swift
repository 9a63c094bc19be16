import Foundation
import RPC

/// Where the answer to one request goes: straight to the writer, or into a slot of a batch.
struct Reply: Sendable {
    /// `onReaderThread`: answered synchronously while reading, so the write may wait for the next
    /// flush (see `MessageWriter.send(_:deferFlush:)`).
    let deliver: @Sendable (_ message: [UInt8], _ onReaderThread: Bool) -> Void

    static func direct(_ writer: MessageWriter) -> Reply {
        Reply { message, onReaderThread in writer.send(message, deferFlush: onReaderThread) }
    }
}

/// Collects the answers to a batch and writes them as one array once the last one is in
/// (JSON-RPC 2.0 §6). A batch of only notifications writes nothing.
final class BatchCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[UInt8]?]
    private var missing: Int
    private let writer: MessageWriter

    init(expected: Int, writer: MessageWriter) {
        slots = Array(repeating: nil, count: expected)
        missing = expected
        self.writer = writer
    }

    func reply(slot: Int) -> Reply {
        Reply { [self] message, onReaderThread in
            lock.lock()
            guard slots[slot] == nil else {
                lock.unlock()
                return
            }
            slots[slot] = message
            missing -= 1
            let complete = missing == 0 ? slots.compactMap { $0 } : nil
            lock.unlock()
            if let complete { writer.send(OutgoingMessage.batch(complete), deferFlush: onReaderThread) }
        }
    }
}
