// libFuzzer target: request dispatch. The input is the whole stdin of a server session (line mode or
// LSP framing, detected from the first byte as the real binary does), run in process against the
// standard server with every method registered. Built by scripts/fuzz.sh with Server compiled
// `-enable-testing`, so it can wait for every handler task before the next input.
//
// File methods are confined to the working directory, which scripts/fuzz.sh makes a scratch folder.
// Invariant (line mode, when no `exit` cuts the session short): every message the JSON-RPC rules make a
// request — or an invalid message whose id could be read — gets exactly one answer carrying that id.
import JSON
import RPC
@testable import Server
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDispatch(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limit = 4096
    let server = Server.standard(configuration: ServerConfiguration(maxMessageBytes: limit))
    let sink = MemorySink()
    _ = server.run(source: MemorySource(bytes, chunkSize: 97), sink: sink)
    server.outstanding.wait()
    guard let expected = expectedAnswers(bytes, limit: limit) else { return 0 }
    var answered: [String: Int] = [:]
    for line in sink.bytes.split(separator: UInt8(ascii: "\n")) {
        guard let document = try? JSONDocument(bytes: Array(line)) else { fuzzFailure("unparsable output line") }
        let root = document.root
        for message in root.kind == .array ? root.elements : [root] where message["method"] == nil {
            guard let id = message["id"], id.kind != .null else { continue }
            answered[String(decoding: document.bytes[id.range.start..<id.range.end], as: UTF8.self), default: 0] += 1
        }
    }
    if answered != expected { fuzzFailure("answers per id \(answered) != requests per id \(expected)") }
    return 0
}

/// Requests per id text in a line-mode session, by the same rules the server applies; nil when the session
/// is not line mode or contains an `exit` (which may end it before queued requests are answered).
private func expectedAnswers(_ bytes: [UInt8], limit: Int) -> [String: Int]? {
    guard let first = bytes.first(where: { !(($0 == 0x20) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }),
          first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return nil }
    var expected: [String: Int] = [:]
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) where line.count <= limit {
        guard let document = try? JSONDocument(bytes: Array(line)) else { continue }
        let root = document.root
        for node in root.kind == .array ? root.elements : [root] {
            switch IncomingMessage.classify(node, in: document) {
            case .call(let call):
                if call.method == "exit" { return nil }
                if let id = call.id { expected[String(decoding: id.json, as: UTF8.self), default: 0] += 1 }
            case .invalid(let id, _):
                if let id { expected[String(decoding: id.json, as: UTF8.self), default: 0] += 1 }
            case .response:
                break
            }
        }
    }
    return expected
}

func fuzzFailure(_ message: String) -> Never {
    fputs("fuzz invariant violated: \(message)\n", stderr)
    abort()
}
