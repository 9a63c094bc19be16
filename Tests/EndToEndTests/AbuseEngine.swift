import Foundation
import JSON
#if canImport(Glibc)
import Glibc
#endif

/// The real `kol-engine` over raw pipes for the abuse and soak suites. Unlike `WorkspaceEngineProcess` it
/// writes arbitrary bytes (not only well-formed messages), survives the engine closing its end (SIGPIPE is
/// ignored; a failed write is just reported), keeps every response with the exact text of its id, and reads
/// the engine's memory and open files from /proc.
final class AbuseEngine: @unchecked Sendable {
    typealias Mode = EngineFraming

    /// One message the engine wrote: its parsed root and the id exactly as written (`"a"`, `1.0`, `null`).
    struct Message {
        var root: JSONNode
        var idText: String?
        var errorCode: Int64? { root["error"]?["code"]?.int }
        var isResponse: Bool { root["method"] == nil }
    }

    let process = Process()
    let mode: Mode
    private let input = Pipe()
    private let output = Pipe()
    private let condition = NSCondition()
    private var buffer: [UInt8] = []
    private var consumed = 0
    private var received: [Message] = []
    private var ended = false

    init(mode: Mode, arguments: [String] = [], directory: String? = nil) throws {
        signal(SIGPIPE, SIG_IGN)
        self.mode = mode
        try WorkspaceEngineProcess.launch(process, mode: mode, arguments: arguments, directory: directory,
                                          input: input, output: output)
        let fd = output.fileHandleForReading.fileDescriptor
        Thread.detachNewThread { [self] in
            var chunk = [UInt8](repeating: 0, count: 256 * 1024)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                condition.lock()
                if n <= 0 {
                    ended = true
                } else {
                    buffer.append(contentsOf: chunk[0..<n])
                    split()
                }
                condition.broadcast()
                condition.unlock()
                if n <= 0 { return }
            }
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// True when scripts/sanitizers.sh runs the suite: ASan/TSan shadow memory and quarantine make RSS
    /// figures meaningless, so memory bounds are not asserted then (the sanitizers check memory themselves).
    static var underSanitizer: Bool { ProcessInfo.processInfo.environment["KOL_SANITIZER"] != nil }

    /// Caller holds the lock. Splits complete messages off the front of `buffer`.
    private func split() {
        scan: while consumed < buffer.count {
            let body: ArraySlice<UInt8>
            switch mode {
            case .lines:
                guard let newline = buffer[consumed...].firstIndex(of: 10) else { break scan }
                body = buffer[consumed..<newline]
                consumed = newline + 1
            case .lsp:
                guard let headerEnd = find([13, 10, 13, 10], from: consumed) else { break scan }
                let header = String(decoding: buffer[consumed..<headerEnd], as: UTF8.self)
                guard let length = Int(header.replacingOccurrences(of: "Content-Length: ", with: "")),
                      buffer.count >= headerEnd + 4 + length else { break scan }
                body = buffer[(headerEnd + 4)..<(headerEnd + 4 + length)]
                consumed = headerEnd + 4 + length
            }
            if let document = try? JSONDocument(bytes: Array(body)) {
                for root in document.root.kind == .array ? document.root.elements : [document.root] {
                    let idText = root["id"].map { String(decoding: document.bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
                    received.append(Message(root: root, idText: idText))
                }
            }
        }
        if consumed > 1 << 20 {
            buffer.removeFirst(consumed)
            consumed = 0
        }
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard buffer.count - start >= pattern.count else { return nil }
        var index = start
        while index <= buffer.count - pattern.count {
            if buffer[index] == pattern[0] && Array(buffer[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }

    /// Writes raw bytes; false when the engine closed its input (it died or exited).
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        let fd = input.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// Frames one message body in the session's framing.
    func frame(_ body: [UInt8]) -> [UInt8] { mode.frame(body) }

    @discardableResult
    func send(_ json: String) -> Bool { write(frame(Array(json.utf8))) }

    /// Waits for a response whose id is exactly `idText` (e.g. `"\"final\""`) and returns it; nil if the
    /// engine ended or 120 s passed (a safety net against a hang, not a timing assertion).
    func waitForResponse(idText: String) -> Message? {
        let deadline = Date().addingTimeInterval(120)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let found = received.last(where: { $0.idText == idText && $0.isResponse }) { return found }
            if ended || !condition.wait(until: deadline) { return nil }
        }
    }

    /// Everything received so far.
    var messages: [Message] {
        condition.lock()
        defer { condition.unlock() }
        return received
    }

    /// Forgets what was received so far (long soak runs).
    func clearMessages() {
        condition.lock()
        received.removeAll(keepingCapacity: true)
        condition.unlock()
    }

    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Waits for the engine to exit; true if it exited by itself with a status (not killed by a signal).
    func waitForExit() -> (exited: Bool, status: Int32) {
        process.waitUntilExit()
        // The process can be gone before the reader thread has read its last output (seen under load):
        // wait for end of file so `messages` is complete.
        let deadline = Date().addingTimeInterval(30)
        condition.lock()
        while !ended && condition.wait(until: deadline) {}
        condition.unlock()
        return (process.terminationReason == .exit, process.terminationStatus)
    }

    /// A value from /proc/PID/status in kB (`VmRSS`, `VmHWM`), nil if the process is gone.
    func statusKB(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }

    /// Number of open file descriptors (/proc/PID/fd).
    var openFileCount: Int? { try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// A small seeded generator (SplitMix64) so every run sends the same bytes (the end-to-end tests import only
/// JSON, so not KOLCore's `SeededGenerator`).
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
}
