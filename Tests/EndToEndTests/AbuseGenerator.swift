import JSON

/// Generates the abuse suite's stream from a seed and records in an `AbuseCatalogue` what each part owes.
/// Every generated message is followed by nothing else, so a bad frame can never swallow a good one:
/// garbage ends with a blank line, bad headers are refused and the reader resynchronises on the next
/// `Content-Length:`.
struct AbuseGenerator {
    var random: SplitMix
    var catalogue = AbuseCatalogue()
    /// Ids of requests whose frame was refused (or client responses): they must get no answer at all.
    var mustStaySilent: [String: String] = [:]
    let mode: AbuseEngine.Mode
    private var serial = 0

    init(seed: UInt64, mode: AbuseEngine.Mode) {
        random = SplitMix(seed: seed)
        self.mode = mode
    }

    private func frame(_ body: [UInt8]) -> [UInt8] { mode.frame(body) }

    private func frame(_ text: String) -> [UInt8] { frame(Array(text.utf8)) }

    private mutating func freshID(_ prefix: String) -> String {
        serial += 1
        return "\"\(prefix)-\(serial)\""
    }

    private static func request(_ id: String, _ method: String, _ params: String?) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":\#(JSONValue.string(method).serializedString)"#
            + (params.map { #","params":\#($0)"# } ?? "") + "}"
    }

    /// The next abusive piece of the stream.
    mutating func next() -> [UInt8] {
        catalogue.count += 1
        switch random.int(0..<13) {
        case 0: return garbage()
        case 1: return mode == .lsp ? brokenHeader() : garbage()
        case 2: return mode == .lsp ? badContentLength() : garbage()
        case 3: return invalidUTF8()
        case 4: return deepNesting(depth: random.int(513..<20_000))
        case 5, 6: return wrongParams()
        case 7: return idOfSomeType()
        case 8: return duplicateIDs()
        case 9: return cancelUnknown()
        case 10: return clientResponse()
        case 11: return badStructure()
        default: return validPing()
        }
    }

    /// Random bytes. In line mode a line that happens to be valid JSON is replaced (its answer would
    /// depend on what it is); otherwise it is a parse error with a null id.
    mutating func garbage() -> [UInt8] {
        var bytes = (0..<random.int(1..<300)).map { _ in random.byte() }
        switch mode {
        case .lsp:
            let lower = String(decoding: bytes.map { $0 | 0x20 }, as: UTF8.self)
            if lower.contains("content-length") { bytes = [0x01] }
            return bytes + Array("\r\n\r\n".utf8)
        case .lines:
            bytes = bytes.map { $0 == 10 ? 0x01 : $0 }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return [10] }
            if (try? JSONDocument(bytes: bytes)) != nil { bytes.insert(0x01, at: 0) }
            catalogue.nullIDErrors.append(-32700)
            return bytes + [10]
        }
    }

    /// Truncated, repeated and conflicting headers (LSP framing only).
    mutating func brokenHeader() -> [UInt8] {
        let id = freshID("h")
        let body = Array(Self.request(id, "kol/ping", "[1]").utf8)
        let n = body.count
        switch random.int(0..<8) {
        case 0: return Array(random.pick(["Content-Le", "Content-Length", "Content-Length:", "Content-Length: ", ": 5",
                                          "Content-Type: application/json", "X: 1\r\nY: 2"]).utf8) + Array("\r\n\r\n".utf8)
        case 1, 2:
            mustStaySilent[id] = "conflicting Content-Length"
            return Array("Content-Length: \(n)\r\nContent-Length: \(n + 1)\r\n\r\n".utf8) + body
        case 3:
            catalogue.expect(id, .result)
            return Array("Content-Length: \(n)\r\nContent-Length: \(n)\r\n\r\n".utf8) + body
        case 4:
            catalogue.expect(id, .result)
            return Array("content-length: \(n)\n\n".utf8) + body
        case 5:
            catalogue.expect(id, .result)
            return Array("CONTENT-LENGTH:   \(n)  \r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n".utf8) + body
        case 6:
            catalogue.expect(id, .result)
            return Array("\r\n\r\nContent-Length: \(n)\r\n\r\n".utf8) + body  // blank lines before a header are fine
        default:
            // A header line of 9000 bytes is refused as over-long and dropped; the reader resynchronises on
            // the Content-Length line right after it, so the message itself still gets through.
            catalogue.expect(id, .result)
            return Array(("X-Padding: " + String(repeating: "a", count: 9000) + "\r\nContent-Length: \(n)\r\n\r\n").utf8) + body
        }
    }

    /// Negative, huge, non-numeric Content-Length: the header is refused, the body skipped unanswered.
    mutating func badContentLength() -> [UInt8] {
        let id = freshID("cl")
        let value = random.pick(["-5", "abc", "1e3", "0x10", "99999999999999999999", "+5", "5 5", "", "٣", "5\u{0}",
                                 "-0", "9223372036854775808", "1.0"])
        mustStaySilent[id] = "Content-Length: \(value)"
        return Array("Content-Length: \(value)\r\n\r\n".utf8) + Array(Self.request(id, "kol/ping", "[1]").utf8)
    }

    /// A well-framed message whose JSON holds invalid UTF-8: a parse error with a null id.
    mutating func invalidUTF8() -> [UInt8] {
        let id = freshID("u")
        let bad: [[UInt8]] = [[0xFF], [0xFE, 0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xF8, 0x88, 0x80, 0x80, 0x80],
                              [0x80], [0xF4, 0x90, 0x80, 0x80]]
        let head = Array((#"{"jsonrpc":"2.0","id":\#(id),"method":"kol/ping","params":[""#).utf8)
        catalogue.nullIDErrors.append(-32700)
        return frame(head + random.pick(bad) + Array(#""]}"#.utf8))
    }

    /// Nesting far past the 512 limit, alone or inside a request's params: a parse error, no stack overflow.
    mutating func deepNesting(depth: Int) -> [UInt8] {
        catalogue.nullIDErrors.append(-32700)
        let open = random.int(0..<2) == 0 ? "[" : #"{"a":"#
        let inner = String(repeating: open, count: depth)
        if random.int(0..<2) == 0 { return frame(inner) }
        return frame(#"{"jsonrpc":"2.0","id":"deep","method":"kol/ping","params":["# + inner + "}")
    }

    /// Every method with params of every wrong type (and a few right ones), plus unknown methods.
    mutating func wrongParams() -> [UInt8] {
        let id = freshID("m")
        let methods = AbuseCatalogue.requestMethods + AbuseCatalogue.notificationMethods + AbuseMethodCases.methods
            + ["kol/unknown", "", "textDocument/definition", "$/unknown", "KOL/PING", "kol/Score"]
        let method = random.pick(methods)
        let objects = AbuseMethodCases.byMethod[method].map { $0.map(\.params) } ?? AbuseCatalogue.objectParams
        let params = random.pick(AbuseCatalogue.scalarParams + AbuseCatalogue.arrayParams + objects)
        catalogue.expect(id, AbuseCatalogue.outcome(method: method, params: params))
        return frame(Self.request(id, method, params))
    }

    /// Every method of `AbuseMethodCases` with every one of its params once, so each hand-derived case is
    /// checked on every run whatever the random draw.
    mutating func everyMethodCase() -> [UInt8] {
        var bytes: [UInt8] = []
        for method in AbuseMethodCases.methods {
            for params in (AbuseMethodCases.byMethod[method] ?? []).map(\.params) + AbuseCatalogue.arrayParams + ["\"text\""] {
                catalogue.count += 1
                let id = freshID("all")
                catalogue.expect(id, AbuseCatalogue.outcome(method: method, params: params))
                bytes += frame(Self.request(id, method, params))
            }
        }
        return bytes
    }

    /// kol/ping with an id of some JSON type.
    mutating func idOfSomeType() -> [UInt8] {
        let (text, valid) = random.pick(AbuseCatalogue.idCases)
        if valid { catalogue.expect(text, .result) } else { catalogue.nullIDErrors.append(-32600) }
        return frame(Self.request(text, "kol/ping", "{}"))
    }

    /// Two requests with the same id: each gets its own answer.
    mutating func duplicateIDs() -> [UInt8] {
        let id = freshID("d")
        catalogue.expect(id, .result)
        catalogue.expect(id, .error(-32602))
        return frame(Self.request(id, "kol/get", #"{"id":"nobody"}"#)) + frame(Self.request(id, "kol/get", #"{"id":1}"#))
    }

    /// `$/cancelRequest` for ids that were never sent (or are not ids at all): silently ignored.
    mutating func cancelUnknown() -> [UInt8] {
        let params = random.pick([#"{"id":987654}"#, #"{"id":"never"}"#, #"{"id":null}"#, "{}", "[]", #"{"id":[1]}"#, #"{"id":1.5}"#])
        return frame(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":\#(params)}"#)
    }

    /// A response from the client to a request the server never sent: ignored, never answered.
    mutating func clientResponse() -> [UInt8] {
        let id = freshID("r")
        mustStaySilent[id] = "client response"
        let body = random.int(0..<2) == 0 ? #"{"jsonrpc":"2.0","id":\#(id),"result":1}"#
            : #"{"jsonrpc":"2.0","id":\#(id),"error":{"code":1,"message":"x"}}"#
        return frame(body)
    }

    /// Valid JSON that is not a valid JSON-RPC message, and batches.
    mutating func badStructure() -> [UInt8] {
        let id = freshID("s")
        switch random.int(0..<9) {
        case 0:
            catalogue.expect(id, .error(-32600))
            return frame(#"{"jsonrpc":"1.0","id":\#(id),"method":"kol/ping"}"#)
        case 1:
            catalogue.expect(id, .error(-32600))
            return frame(#"{"id":\#(id),"method":"kol/ping"}"#)
        case 2:
            catalogue.expect(id, .error(-32600))
            return frame(#"{"jsonrpc":"2.0","id":\#(id)}"#)
        case 3:
            catalogue.expect(id, .error(-32600))
            return frame(#"{"jsonrpc":"2.0","id":\#(id),"method":5}"#)
        case 4:
            catalogue.nullIDErrors.append(-32600)
            return frame(random.pick(["5", "\"text\"", "null", "true"]))
        case 5:
            catalogue.nullIDErrors.append(-32600)
            return frame("[]")
        case 6:
            catalogue.nullIDErrors += [-32600, -32600]
            return frame("[1,\"two\"]")
        case 7:
            catalogue.expect(id, .result)
            return frame(#"[{"jsonrpc":"2.0","id":\#(id),"method":"kol/ping"},{"jsonrpc":"2.0","method":"initialized"}]"#)
        default:
            catalogue.nullIDErrors.append(-32700)
            return frame(random.pick(["{", "{\"a\":}", "[1,]", "{\"jsonrpc\":\"2.0\",\"id\":1,", "nul", "\"unterminated"]))
        }
    }

    mutating func validPing() -> [UInt8] {
        let id = freshID("ok")
        catalogue.expect(id, .result)
        return frame(Self.request(id, "kol/ping", #"{"n":\#(serial)}"#))
    }
}
