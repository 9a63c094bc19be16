import Foundation
import JSON
import RPC

extension Server {
    /// Serves stdin/stdout until `exit` or end of input; returns the process exit status.
    package func run(input: Int32 = 0, output: Int32 = 1) -> Int32 {
        PipeCapacity.grow(input)
        PipeCapacity.grow(output)
        return run(source: FileDescriptorSource(fd: input), sink: FileDescriptorSink(fd: output))
    }

    /// Runs the reader loop on a thread of its own and awaits its exit status. Use this from async code
    /// (tests): the loop blocks, and blocking a thread of the small cooperative pool can starve the very
    /// handler tasks it waits for.
    package func runDetached<Source: ByteSource & Sendable>(source: Source, sink: any ByteSink) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.run(source: source, sink: sink)) }.start()
        }
    }

    /// The reader loop. Runs on the calling thread; handlers run as tasks. Exit status: 0 after
    /// `shutdown` + `exit` (or end of input in line mode), 1 for `exit` without `shutdown` or end of input
    /// in LSP framing without `shutdown`.
    package func run<Source: ByteSource>(source: Source, sink: any ByteSink) -> Int32 {
        var bytes = ByteReader(source: source)
        let framing = configuration.framing ?? Framing.detect(&bytes)
        let writer = MessageWriter(sink: sink, framing: framing)
        install(writer)
        defer { install(nil) }
        lifecycle = framing == .lsp ? .awaitingInitialize : .open
        var reader = framing.makeReader(bytes, maxMessageBytes: configuration.maxMessageBytes)
        reader.setWillRead { writer.flush() }

        while true {
            switch reader.next() {
            case .message(let body):
                if case .exit(let code) = handle(body, writer: writer) {
                    writer.flush()
                    return code
                }
            case .problem(let problem):
                report(problem, writer: writer)
            case .end:
                writer.flush()
                switch framing {
                case .lsp:
                    return lifecycle == .shutDown ? 0 : 1
                case .lines:
                    outstanding.wait()
                    writer.flush()
                    return 0
                }
            }
        }
    }

    /// A framing problem has no request id: an oversized message gets an error response with a null
    /// id (the client can at least see it), header trouble a `window/logMessage`.
    private func report(_ problem: FramingProblem, writer: MessageWriter) {
        switch problem {
        case .tooLarge:
            writer.send(OutgoingMessage.error(id: nil, .invalidRequest(problem.description)), deferFlush: true)
        case .badHeader, .truncated:
            let params: JSONValue = ["type": 1, "message": .string("kol-engine: " + problem.description)]
            writer.send(OutgoingMessage.notification(method: "window/logMessage", params: params), deferFlush: true)
        }
    }

    /// Parses one message body (a message or a batch) and dispatches it.
    func handle(_ body: [UInt8], writer: MessageWriter) -> LoopControl {
        let document: JSONDocument
        do {
            var limits = JSONLimits.default
            limits.maxBytes = max(limits.maxBytes, configuration.maxMessageBytes)
            document = try JSONDocument(bytes: body, limits: limits)
        } catch {
            writer.send(OutgoingMessage.error(id: nil, .parseError(Self.describeParseError(error))), deferFlush: true)
            return .proceed
        }
        let root = document.root
        guard root.kind == .array else {
            return dispatch(IncomingMessage.classify(root, in: document), reply: .direct(writer))
        }
        let messages = root.elements.map { IncomingMessage.classify($0, in: document) }
        guard !messages.isEmpty else {
            writer.send(OutgoingMessage.error(id: nil, .invalidRequest("empty batch")), deferFlush: true)
            return .proceed
        }
        let expected = messages.filter(Self.expectsAnswer).count
        let collector = BatchCollector(expected: expected, writer: writer)
        var slot = 0
        var control = LoopControl.proceed
        for message in messages {
            var reply = Reply { _, _ in }
            if Self.expectsAnswer(message) {
                reply = collector.reply(slot: slot)
                slot += 1
            }
            if case .exit = control { continue }
            control = dispatch(message, reply: reply)
        }
        return control
    }

    /// "parse error at byte 12: expected ',' or '}' after object member". Takes `any Error` so it works
    /// whether the JSON parser uses typed throws or not.
    static func describeParseError(_ error: any Error) -> String {
        if let error = error as? JSONParseError { return "parse error at byte \(error.offset): \(error.message)" }
        return "parse error: \(error)"
    }

    /// Requests and invalid messages are answered; notifications and client responses are not.
    private static func expectsAnswer(_ message: IncomingMessage) -> Bool {
        switch message {
        case .call(let call): return !call.isNotification
        case .invalid: return true
        case .response: return false
        }
    }
}
