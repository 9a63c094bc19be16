import Testing
@testable import RPC

@Suite struct MessageWriterTests {
    @Test func framesLSPMessagesWithTheirByteLength() {
        let sink = MemorySink()
        let writer = MessageWriter(sink: sink, framing: .lsp)
        writer.send(Array("{\"s\":\"中\"}".utf8))
        #expect(String(decoding: sink.bytes, as: UTF8.self) == "Content-Length: 11\r\n\r\n{\"s\":\"中\"}")
    }

    @Test func deferredMessagesWaitForFlush() {
        let sink = MemorySink()
        let writer = MessageWriter(sink: sink, framing: .lines)
        writer.send(Array("{}".utf8), deferFlush: true)
        writer.send(Array("[]".utf8), deferFlush: true)
        #expect(sink.bytes.isEmpty)
        writer.flush()
        #expect(String(decoding: sink.bytes, as: UTF8.self) == "{}\n[]\n")
    }

    @Test func concurrentSendsAreNeverInterleaved() async {
        let sink = MemorySink()
        let writer = MessageWriter(sink: sink, framing: .lines)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    let body = [UInt8](repeating: UInt8(ascii: "a") + UInt8(task), count: 3000)
                    for _ in 0..<50 { writer.send(body) }
                }
            }
        }
        let lines = sink.bytes.split(separator: 0x0A)
        #expect(lines.count == 400)
        #expect(lines.allSatisfy { line in line.count == 3000 && line.allSatisfy { $0 == line.first } })
    }
}
