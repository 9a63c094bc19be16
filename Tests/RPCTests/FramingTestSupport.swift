@testable import RPC

/// Runs an LSP frame reader over `input` delivered in chunks of `chunkSize`, collecting every event.
func lspEvents(_ input: String, chunkSize: Int = .max, maxMessageBytes: Int = 1024) -> [InboundEvent] {
    lspEvents(Array(input.utf8), chunkSize: chunkSize, maxMessageBytes: maxMessageBytes)
}

func lspEvents(_ input: [UInt8], chunkSize: Int = .max, maxMessageBytes: Int = 1024) -> [InboundEvent] {
    let reader = ByteReader(source: MemorySource(input, chunkSize: chunkSize), chunkSize: 16)
    var frames = LSPFrameReader(reader: reader, maxMessageBytes: maxMessageBytes)
    return collect(&frames)
}

func lineEvents(_ input: String, chunkSize: Int = .max, maxMessageBytes: Int = 1024) -> [InboundEvent] {
    let reader = ByteReader(source: MemorySource(Array(input.utf8), chunkSize: chunkSize), chunkSize: 16)
    var lines = LineReader(reader: reader, maxMessageBytes: maxMessageBytes)
    return collect(&lines)
}

private func collect(_ reader: inout some MessageReader) -> [InboundEvent] {
    var events: [InboundEvent] = []
    for _ in 0..<1000 {
        let event = reader.next()
        events.append(event)
        if event == .end { break }
    }
    return events
}

func message(_ text: String) -> InboundEvent { .message(Array(text.utf8)) }

func frame(_ body: String) -> String { "Content-Length: \(body.utf8.count)\r\n\r\n\(body)" }

func isBadHeader(_ event: InboundEvent) -> Bool {
    if case .problem(.badHeader) = event { return true }
    return false
}
