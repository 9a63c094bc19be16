import Foundation
import JSON
@testable import RPC
@testable import Server

/// In-memory input that calls `atEnd` when the server asks for more after the last byte: by then the
/// reader has dispatched every message (inline ones such as `$/cancelRequest` included), which lets
/// tests release a gated handler at a known point without timing.
struct ScriptedSource: ByteSource, Sendable {
    var inner: MemorySource
    let atEnd: @Sendable () -> Void
    var ended = false

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = inner.read(into: buffer)
        if count == 0 && !ended {
            ended = true
            atEnd()
        }
        return count
    }
}

/// Collects output and calls `afterWrite` after each write reached it.
final class ObservedSink: ByteSink, @unchecked Sendable {
    let memory = MemorySink()
    let afterWrite: @Sendable () -> Void
    init(afterWrite: @escaping @Sendable () -> Void) { self.afterWrite = afterWrite }
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let ok = memory.write(bytes)
        afterWrite()
        return ok
    }
    var bytes: [UInt8] { memory.bytes }
}

/// A flag handlers can wait on (by yielding, not by timing).
final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private var open = false
    func release() { lock.lock(); open = true; lock.unlock() }
    var isOpen: Bool { lock.lock(); defer { lock.unlock() }; return open }
    func wait() async { while !isOpen { await Task.yield() } }
}

/// An append-only log shared by handlers.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var entries: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

struct Transcript {
    var exitCode: Int32
    /// Each outgoing message as text, in output order.
    var messages: [String]
}

/// Runs `server` over `input` and returns what it wrote, split into messages. The reader loop blocks
/// (as it does on the real main thread), so it gets its own thread: blocking a thread of the test
/// runner's small cooperative pool could starve the very handler tasks it waits for.
func serve(
    _ server: Server, _ input: String, framing: Framing? = nil, atEnd: @escaping @Sendable () -> Void = {},
    afterWrite: @escaping @Sendable () -> Void = {}
) async -> Transcript {
    let sink = ObservedSink(afterWrite: afterWrite)
    let source = ScriptedSource(inner: MemorySource(Array(input.utf8)), atEnd: atEnd)
    let code = await server.runDetached(source: source, sink: sink)
    let output = sink.bytes
    let lsp = framing == .lsp || (framing == nil && !input.hasPrefix("{") && !input.hasPrefix("["))
    var frames: any MessageReader = lsp
        ? LSPFrameReader(reader: ByteReader(source: MemorySource(output)))
        : LineReader(reader: ByteReader(source: MemorySource(output)))
    var messages: [String] = []
    while case .message(let body) = frames.next() { messages.append(String(decoding: body, as: UTF8.self)) }
    return Transcript(exitCode: code, messages: messages)
}

func lines(_ messages: String...) -> String { messages.joined(separator: "\n") + "\n" }

func frames(_ messages: String...) -> String {
    messages.map { "Content-Length: \($0.utf8.count)\r\n\r\n\($0)" }.joined()
}

func lineServer() -> Server { Server(configuration: .init(framing: .lines)) }
func lspServer() -> Server { Server(configuration: .init(framing: .lsp)) }

let initializeRequest = #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{}}"#
let shutdownRequest = #"{"jsonrpc":"2.0","id":99,"method":"shutdown"}"#
let exitNotification = #"{"jsonrpc":"2.0","method":"exit"}"#
