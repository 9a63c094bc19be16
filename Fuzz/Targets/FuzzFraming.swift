// libFuzzer target: the LSP frame reader and the line reader, fed in chunks of a size chosen by the first
// byte (so every split of a header or body gets tried). Built by scripts/fuzz.sh.
//
// Invariants: the readers always reach `.end`, never report more events than there are bytes (each
// event consumes input), never hand over a message larger than the limit, and the concatenation of the
// line reader's messages never exceeds the input.
import RPC
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFraming(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let chunk = Int(data[0] % 17) + 1
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let limit = 256
    var lsp = LSPFrameReader(reader: ByteReader(source: MemorySource(bytes, chunkSize: chunk), chunkSize: 16),
                             maxMessageBytes: limit)
    drain(&lsp, bytes: bytes.count, limit: limit)
    var lines = LineReader(reader: ByteReader(source: MemorySource(bytes, chunkSize: chunk), chunkSize: 16),
                           maxMessageBytes: limit)
    let total = drain(&lines, bytes: bytes.count, limit: limit)
    if total > bytes.count { fuzzFailure("line reader produced \(total) bytes from \(bytes.count)") }
    return 0
}

@discardableResult
private func drain(_ reader: inout some MessageReader, bytes: Int, limit: Int) -> Int {
    var events = 0
    var delivered = 0
    while true {
        let event = reader.next()
        events += 1
        if events > bytes + 2 { fuzzFailure("\(events) events from \(bytes) bytes: the reader does not advance") }
        switch event {
        case .end:
            if reader.next() != .end { fuzzFailure("an event after .end") }
            return delivered
        case .message(let body):
            if body.count > limit { fuzzFailure("a \(body.count)-byte message passed the \(limit)-byte limit") }
            delivered += body.count
        case .problem:
            break
        }
    }
}

func fuzzFailure(_ message: String) -> Never {
    fputs("fuzz invariant violated: \(message)\n", stderr)
    abort()
}
