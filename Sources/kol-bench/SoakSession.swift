import Foundation
import JSON
#if canImport(Glibc)
import Glibc
#endif

/// One soak run: the engine process, a reader thread counting answers, and the request rounds.
final class SoakSession: @unchecked Sendable {
    private let options: Soak.Options
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let folder: String
    private let condition = NSCondition()
    private var answered = 0
    private var notifications = 0
    private var errors = 0
    /// Answers to probe requests (ids `"probe-…"`), verbatim.
    private var probes: [String: String] = [:]
    private var ended = false
    private var sent = 0
    private var pending: [UInt8] = []

    init(_ options: Soak.Options) throws {
        self.options = options
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kol-soak-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: options.engine ?? Soak.siblingEngine())
        process.arguments = ["serve", "--lines"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let fd = output.fileHandleForReading.fileDescriptor
        Thread.detachNewThread { [self] in readLoop(fd) }
    }

    /// Counts answers line by line; only probe answers are kept.
    private func readLoop(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var carry: [UInt8] = []
        let responsePrefix = Array(#"{"jsonrpc":"2.0","id":"#.utf8)
        let probePrefix = Array(#"{"jsonrpc":"2.0","id":"probe-"#.utf8)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            carry += buffer[0..<n]
            var lineStart = 0
            var newAnswers = 0, newNotes = 0, newErrors = 0
            var newProbes: [(String, String)] = []
            while let newline = carry[lineStart...].firstIndex(of: 10) {
                let line = carry[lineStart..<newline]
                if line.starts(with: responsePrefix) {
                    newAnswers += 1
                    if line.starts(with: probePrefix) {
                        let text = String(decoding: line, as: UTF8.self)
                        let id = text.dropFirst(probePrefix.count - 1).prefix { $0 != "," }
                        newProbes.append((String(id), text))
                    } else if line.contains(UInt8(ascii: "e")), String(decoding: line.prefix(80), as: UTF8.self).contains(#""error":"#) {
                        newErrors += 1
                    }
                } else {
                    newNotes += 1
                }
                lineStart = newline + 1
            }
            carry.removeFirst(lineStart)
            condition.lock()
            answered += newAnswers
            notifications += newNotes
            errors += newErrors
            for (id, text) in newProbes { probes[id] = text }
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: Sending

    private func send(_ json: String, answered expectsAnswer: Bool = true) {
        pending += json.utf8
        pending.append(10)
        if expectsAnswer { sent += 1 }
        if pending.count > 32 * 1024 { flush() }
        waitUntil(outstandingAtMost: options.window)
    }

    private func flush() {
        let fd = input.fileHandleForWriting.fileDescriptor
        var offset = 0
        while offset < pending.count {
            let n = pending[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue } else { break } }
            offset += n
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func waitUntil(outstandingAtMost limit: Int) {
        condition.lock()
        defer { condition.unlock() }
        if sent - answered <= limit { return }
        condition.unlock()
        flush()
        condition.lock()
        while sent - answered > limit && !ended { condition.wait() }
    }

    private func drain() {
        flush()
        waitUntil(outstandingAtMost: 0)
    }

    // MARK: The mix

    static func kol(_ id: String, _ n: Int) -> String {
        #"{"id":"\#(id)","name":"茶人\#(n)🍵","stars":\#(n % 6),"followers":\#(1000 + n),"verified":\#(n % 2 == 0),"price":\#(100 * n),"topics":["茶","杭州"],"posts":[{"id":"p\#(n)","at":"2026-10-0\#(n % 9 + 1)","text":"西湖龙井 第\#(n)条","likes":\#(n)}]}"#
    }

    private static let documentText = #"{"version":1,"kols":[{"id":"doc-1","name":"编辑器里的人","stars":3,"followers":500}]}"#

    /// One round; leaves the workspace and documents as they were. Returns the number of requests sent.
    private func round(_ index: Int) {
        send(#"{"jsonrpc":"2.0","id":1,"method":"kol/load","params":{"path":"soak.kol.json","replace":true}}"#)
        let temporary = (0..<8).map { Self.kol("tmp-\($0)", index % 50 + $0) }.joined(separator: ",")
        send(#"{"jsonrpc":"2.0","id":2,"method":"kol/upsert","params":{"kols":[\#(temporary)]}}"#)
        for k in 0..<8 {
            send(#"{"jsonrpc":"2.0","id":"g\#(k)","method":"kol/get","params":{"id":"tmp-\#(k)"}}"#)
            send(#"{"jsonrpc":"2.0","id":"l\#(k)","method":"kol/list","params":{"minFollowers":\#(1000 + k * 5),"limit":10,"fields":["id","followers"]}}"#)
        }
        send(#"{"jsonrpc":"2.0","id":3,"method":"kol/get","params":{"ids":["k-1","k-2","nobody"]}}"#)
        analyses(index)
        send(#"{"jsonrpc":"2.0","id":4,"method":"kol/remove","params":{"ids":["tmp-0","tmp-1","tmp-2","tmp-3","tmp-4","tmp-5","tmp-6","tmp-7"]}}"#)
        let uri = "file:///soak/doc-\(index % 4).kol.json"
        send(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"json","version":1,"text":\#(JSONValue.string(Self.documentText).serializedString)}}}"#, answered: false)
        for version in 2..<6 {
            // Replace the followers number (500 → 5000+v and back): positions on line 0.
            let start = Self.documentText.utf8.count - 5
            let text = version % 2 == 0 ? "\(5000 + version)" : "500"
            let end = version % 2 == 0 ? start + 3 : start + 4
            send(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":\#(version)},"contentChanges":[{"range":{"start":{"line":0,"character":\#(start)},"end":{"line":0,"character":\#(end)}},"text":"\#(text)"}]}}"#, answered: false)
        }
        send(#"{"jsonrpc":"2.0","id":5,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"\#(uri)"}}}"#)
        send(#"{"jsonrpc":"2.0","id":6,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"\#(uri)"}}}"#)
        send(#"{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"\#(uri)"}}}"#, answered: false)
        if index % 50 == 0 {
            send(#"{"jsonrpc":"2.0","id":7,"method":"kol/save","params":{"path":"soak-out.kol.json"}}"#)
        }
        send(#"{"jsonrpc":"2.0","id":8,"method":"kol/ping","params":[\#(index)]}"#)
    }

    /// A fixed "today" for the analyses, so their answers do not move with the clock.
    static let now = "2026-11-01"

    /// Scores or red flags, tone comparisons, and every fifth round a ranking and an allocation, over the
    /// temporary and saved KOLs (all read-only, all expected to succeed). Each scoring request builds the
    /// workspace's scoring context (linear in its size), so they are spread out to keep rounds short.
    private func analyses(_ index: Int) {
        let saved = #""k-\#(index % 200)","k-\#((index * 7 + 3) % 200)""#
        let method = index % 2 == 0 ? "kol/score" : "kol/redFlags"
        send(#"{"jsonrpc":"2.0","id":"s","method":"\#(method)","params":{"ids":["tmp-0",\#(saved)],"now":"\#(Self.now)"}}"#)
        send(#"{"jsonrpc":"2.0","id":"t","method":"kol/compareTone","params":{"a":{"id":"tmp-2"},"b":{"preset":"\#(index % 2 == 0 ? "serious" : "lighthearted")"}}}"#)
        send(#"{"jsonrpc":"2.0","id":"u","method":"kol/compareTone","params":{"a":{"texts":["明前龙井，清香","第\#(index)杯"]},"b":{"id":"k-\#(index % 200)"}}}"#)
        guard index % 5 == 0 else { return }
        send(#"{"jsonrpc":"2.0","id":"r","method":"kol/rank","params":{"limit":5,"budget":\#(1000 + index % 10 * 500),"now":"\#(Self.now)"}}"#)
        send(#"{"jsonrpc":"2.0","id":"a","method":"kol/allocate","params":{"budget":5000,"ids":["tmp-3",\#(saved)],"seed":\#(index),"now":"\#(Self.now)"}}"#)
    }

    private func probe(_ tag: String) -> [String: String] {
        send(#"{"jsonrpc":"2.0","id":"probe-list-\#(tag)","method":"kol/list","params":{}}"#)
        send(#"{"jsonrpc":"2.0","id":"probe-get-\#(tag)","method":"kol/get","params":{"ids":["k-0","k-77","tmp-0"]}}"#)
        send(#"{"jsonrpc":"2.0","id":"probe-save-\#(tag)","method":"kol/save","params":{"path":"probe.kol.json"}}"#)
        send(#"{"jsonrpc":"2.0","id":"probe-score-\#(tag)","method":"kol/score","params":{"ids":["k-0","k-77","tmp-0"],"now":"\#(Self.now)"}}"#)
        send(#"{"jsonrpc":"2.0","id":"probe-flags-\#(tag)","method":"kol/redFlags","params":{"ids":["k-5","k-150"],"now":"\#(Self.now)"}}"#)
        send(#"{"jsonrpc":"2.0","id":"probe-rank-\#(tag)","method":"kol/rank","params":{"limit":10,"budget":3000,"now":"\#(Self.now)"}}"#)
        send(#"{"jsonrpc":"2.0","id":"probe-tone-\#(tag)","method":"kol/compareTone","params":{"a":{"id":"k-42"},"b":{"preset":"humorous"}}}"#)
        send(#"{"jsonrpc":"2.0","id":"probe-allocate-\#(tag)","method":"kol/allocate","params":{"budget":8000,"seed":11,"now":"\#(Self.now)"}}"#)
        drain()
        condition.lock()
        defer { condition.unlock() }
        var result: [String: String] = [:]
        for (id, text) in probes where id.hasSuffix("-\(tag)\"") {
            result[String(id.dropLast(tag.count + 2))] = text.replacingOccurrences(of: "-\(tag)\"", with: "\"")
        }
        return result
    }

    private func sample() -> (rssKB: Int, fds: Int) {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let rss = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            .flatMap { Int($0.split(whereSeparator: { $0 == " " || $0 == "\t" })[1]) } ?? 0
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd").count) ?? 0
        return (rss, fds)
    }

    func run() throws -> Bool {
        let started = Date()
        // The saved workspace every round reloads: 200 KOLs.
        let seed = (0..<200).map { Self.kol("k-\($0)", $0) }.joined(separator: ",")
        send(#"{"jsonrpc":"2.0","id":0,"method":"kol/upsert","params":{"kols":[\#(seed)]}}"#)
        send(#"{"jsonrpc":"2.0","id":0,"method":"kol/save","params":{"path":"soak.kol.json"}}"#)
        drain()
        var rounds = 0
        let warmUp = options.requests / 10
        while sent < warmUp || rounds == 0 {
            round(rounds)
            rounds += 1
        }
        drain()
        let before = sample()
        let probesBefore = probe("a")
        while sent < options.requests {
            round(rounds)
            rounds += 1
        }
        drain()
        let probesAfter = probe("b")
        let after = sample()
        let seconds = Date().timeIntervalSince(started)
        flush()
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)

        let growth = before.rssKB > 0 ? 100 * Double(after.rssKB - before.rssKB) / Double(before.rssKB) : 0
        let sameAnswers = !probesBefore.isEmpty && probesBefore == probesAfter
        let exitedCleanly = process.terminationReason == .exit && process.terminationStatus == 0
        let passed = growth < options.maxRSSGrowthPercent && after.fds <= before.fds && sameAnswers && exitedCleanly
            && answered == sent
        print("""
            soak: \(sent) requests (+\(rounds * 6) notifications) in \(rounds) rounds, \(String(format: "%.1f", seconds)) s \
            (\(Int(Double(sent) / max(seconds, 0.001))) requests/s); \(errors) error answers; \(notifications) notifications received
            soak: RSS after warm-up \(before.rssKB) kB, at the end \(after.rssKB) kB (\(String(format: "%+.1f", growth)) %, limit \(options.maxRSSGrowthPercent) %)
            soak: open fds after warm-up \(before.fds), at the end \(after.fds); probe answers \(sameAnswers ? "identical" : "DIFFER") (\(probesBefore.count) probes)
            soak: engine exit \(exitedCleanly ? "clean (0)" : "status \(process.terminationStatus)"); \(passed ? "PASS" : "FAIL")
            """)
        return passed
    }
}
