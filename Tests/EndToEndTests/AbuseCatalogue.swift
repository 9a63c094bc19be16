import JSON

/// What one abusive message should get back.
enum AbuseOutcome: Equatable {
    /// A `result` (any value).
    case result
    /// An `error` with this code.
    case error(Int64)
}

/// The bad (and some good) messages of the abuse suite, generated from a seed, each with the answers the
/// engine owes: per request id (keyed by the id's JSON text, which the engine echoes verbatim) the list of
/// outcomes in any order, plus how many answers carry a `null` id (parse errors and unreadable ids).
struct AbuseCatalogue {
    var expected: [String: [AbuseOutcome]] = [:]
    var nullIDErrors: [Int64] = []
    /// How many messages were generated (framed ones and raw garbage alike).
    var count = 0

    mutating func expect(_ idText: String, _ outcome: AbuseOutcome) { expected[idText, default: []].append(outcome) }

    /// Methods the engine registers or answers itself, and the notification-only ones.
    static let requestMethods = ["kol/load", "kol/save", "kol/upsert", "kol/remove", "kol/get", "kol/list", "kol/setBrief",
                                 "textDocument/diagnostic", "textDocument/documentSymbol", "kol/ping", "initialize"]
    static let notificationMethods = ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose",
                                      "textDocument/didSave", "$/cancelRequest", "initialized", "$/setTrace"]

    /// Params of every JSON type; scalars and null are not allowed by JSON-RPC at all (-32600).
    static let scalarParams = ["1", "-2.5", "\"text\"", "true", "false", "null"]
    static let arrayParams = ["[]", "[1,\"x\",null]", "[{}]"]
    static let objectParams = ["{}", #"{"path":5}"#, #"{"path":[]}"#, #"{"kols":"x"}"#, #"{"kols":{}}"#, #"{"id":5}"#,
                               #"{"ids":"a"}"#, #"{"ids":[1]}"#, #"{"limit":"ten"}"#, #"{"offset":-1}"#,
                               #"{"stage":"nope"}"#, #"{"brief":5}"#, #"{"textDocument":5}"#,
                               #"{"textDocument":{"uri":7}}"#, #"{"fields":true}"#, #"{"minStars":"3"}"#]

    /// The answer the engine owes `method` called (with an id, after `initialize`) with `params`.
    /// Hand-derived from protocol.md and the handlers: JSON-RPC structure first, then the method's params.
    static func outcome(method: String, params: String) -> AbuseOutcome {
        if scalarParams.contains(params) { return .error(-32600) }
        if notificationMethods.contains(method) { return .error(-32600) }
        if method == "initialize" { return .error(-32600) }  // already initialized
        if method == "kol/ping" { return .result }
        if let cases = AbuseMethodCases.byMethod[method] {
            if arrayParams.contains(params) { return .error(-32602) }
            // Only the method's own params are generated for it (see AbuseMethodCases).
            return cases.first { $0.params == params }?.outcome ?? .error(0)
        }
        if !requestMethods.contains(method) { return .error(-32601) }
        if arrayParams.contains(params) { return .error(-32602) }
        let bad: Set<String>
        switch method {
        case "kol/load", "kol/save":
            bad = Set(objectParams)  // every one lacks a string path
        case "kol/upsert":
            // `kols` must be an array; its elements are judged as data (applied: false), not as params.
            bad = Set(objectParams.filter { !$0.contains("\"kols\":[") })
        case "kol/remove", "kol/get":
            // Needs id or ids as strings; `fields: true` is a type error too.
            bad = Set(objectParams)
        case "kol/list":
            bad = [#"{"limit":"ten"}"#, #"{"offset":-1}"#, #"{"stage":"nope"}"#, #"{"fields":true}"#, #"{"minStars":"3"}"#]
        case "kol/setBrief":
            // Needs `brief`; a brief of the wrong type is a data diagnostic (applied: false).
            bad = Set(objectParams.filter { $0 != #"{"brief":5}"# })
        default:  // textDocument/diagnostic, textDocument/documentSymbol need textDocument.uri (a string)
            bad = Set(objectParams)
        }
        return bad.contains(params) ? .error(-32602) : .result
    }

    /// Every id type JSON has, with what the engine owes: numbers and strings are echoed, the rest make
    /// the message invalid (-32600 with a null id, since no usable id could be read).
    static let idCases: [(text: String, valid: Bool)] = [
        ("0", true), ("-7", true), ("1.5", true), ("1.0", true), ("1e3", true), ("9223372036854775807", true),
        ("123456789012345678901234567890", true), ("\"\"", true), ("\"世界🙂\"", true), (#""a\/b""#, true),
        ("null", false), ("true", false), ("false", false), ("[]", false), ("[1]", false), ("{}", false),
        (#"{"id":1}"#, false),
    ]
}
