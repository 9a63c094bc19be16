/// Params for the analysis, campaign-loop and editor methods (protocol.md §6.6–§9), each with the answer the
/// engine owes, hand-derived from the handler's params type and the order of its checks.
///
/// Unlike the workspace methods these are not fed the generic `objectParams`: their params are mostly
/// optional, so most generic objects would be acceptable and the answer would hinge on details (an unknown
/// key is ignored, `1.0` is not an integer, `null` is "absent"). Instead every field gets values of clearly
/// wrong JSON types (string for a number, number for a string, object for an array, …), out-of-range values
/// where the handler checks a range, and a few acceptable params. Nulls and integral doubles are left out on
/// purpose (narrowed, not loosened).
///
/// The workspace these run against: empty except for the KOL `bare` (no posts, campaigns or fan sample) and
/// no brief, so `nobody` is an unknown KOL (-32005), `bare`'s tone is missing data (-32006), and so is the
/// brief's tone. No case here changes the workspace: the write methods only get refused params.
enum AbuseMethodCases {
    /// The one KOL the abuse suite's workspace holds while these run.
    static let seedKOL = #"{"id":"bare","name":"空"}"#

    typealias Case = (params: String, outcome: AbuseOutcome)

    private static let bad = AbuseOutcome.error(-32602)
    private static let unknownKOL = AbuseOutcome.error(-32005)
    private static let missingData = AbuseOutcome.error(-32006)

    /// `AnalysisParams`: ids [String]?, now String? (RFC 3339), brief (a brief object), thresholds (object),
    /// weights [String: Double]?. An unknown id is answered in its own entry, not as an error.
    static let analysis: [Case] = [
        ("{}", .result), (#"{"ids":["bare","nobody"]}"#, .result), (#"{"ids":[]}"#, .result),
        (#"{"now":"2026-01-01"}"#, .result), (#"{"thresholds":{}}"#, .result), (#"{"weights":{}}"#, .result),
        (#"{"ids":"bare"}"#, bad), (#"{"ids":[5]}"#, bad), (#"{"ids":{"a":"bare"}}"#, bad), (#"{"ids":true}"#, bad),
        (#"{"now":5}"#, bad), (#"{"now":"yesterday"}"#, bad), (#"{"now":["2026-01-01"]}"#, bad),
        (#"{"brief":5}"#, bad), (#"{"brief":"cheap"}"#, bad), (#"{"brief":[]}"#, bad),
        (#"{"thresholds":5}"#, bad), (#"{"thresholds":[]}"#, bad), (#"{"thresholds":"x"}"#, bad),
        (#"{"weights":"x"}"#, bad), (#"{"weights":[1]}"#, bad), (#"{"weights":{"reach":"x"}}"#, bad),
        (#"{"weights":{"reach":true}}"#, bad),
    ]

    /// `RankParams` on top of `AnalysisParams`: stages must be known names, offset/limit/budget ≥ 0.
    static let rank: [Case] = analysis + [
        (#"{"limit":1,"budget":1000}"#, .result), (#"{"stage":"candidate"}"#, .result),
        (#"{"stage":["candidate","dropped"]}"#, .result), (#"{"stages":["partner"],"minScore":50,"region":"杭州"}"#, .result),
        (#"{"minScore":"50"}"#, bad), (#"{"region":5}"#, bad), (#"{"stage":5}"#, bad), (#"{"stage":{}}"#, bad),
        (#"{"stage":[5]}"#, bad), (#"{"stage":"nope"}"#, bad), (#"{"stages":"candidate"}"#, bad),
        (#"{"stages":["nope"]}"#, bad), (#"{"offset":-1}"#, bad), (#"{"offset":"1"}"#, bad), (#"{"limit":-1}"#, bad),
        (#"{"limit":true}"#, bad), (#"{"limit":2.5}"#, bad), (#"{"budget":-5}"#, bad), (#"{"budget":"5"}"#, bad),
        (#"{"includeErrorFlagged":"yes"}"#, bad), (#"{"includeErrorFlagged":1}"#, bad),
    ]

    /// `kol/toneProfile`: exactly one of id / texts; dates are parsed before the KOL is looked up.
    static let toneProfile: [Case] = [
        (#"{"texts":["西湖龙井 好喝"]}"#, .result), (#"{"texts":[],"perText":true}"#, .result), (#"{"id":"bare"}"#, .result),
        (#"{"id":"bare","since":"2026-01-01","until":"2026-12-31"}"#, .result),
        (#"{"id":"nobody"}"#, unknownKOL), (#"{"id":"nobody","perText":true}"#, unknownKOL),
        ("{}", bad), (#"{"id":"bare","texts":["x"]}"#, bad), (#"{"id":5}"#, bad), (#"{"id":["bare"]}"#, bad),
        (#"{"texts":"好喝"}"#, bad), (#"{"texts":[5]}"#, bad), (#"{"texts":{}}"#, bad),
        (#"{"texts":["x"],"perText":"yes"}"#, bad), (#"{"id":"bare","since":"someday"}"#, bad),
        (#"{"id":"nobody","since":"someday"}"#, bad), (#"{"id":"bare","until":5}"#, bad),
    ]

    /// `kol/compareTone`: a and b each give exactly one of id, preset, texts, brief: true.
    static let compareTone: [Case] = [
        (#"{"a":{"texts":["好喝"]},"b":{"texts":["难喝"]}}"#, .result),
        (#"{"a":{"texts":["好喝"]},"b":{"preset":"serious"},"fits":0.1,"partly":0.3}"#, .result),
        (#"{"a":{"preset":"humorous"},"b":{"preset":"corporate"}}"#, .result),
        (#"{"a":{"id":"nobody"},"b":{"texts":["好"]}}"#, unknownKOL), (#"{"a":{"preset":"serious"},"b":{"id":"nobody"}}"#, unknownKOL),
        (#"{"a":{"id":"bare"},"b":{"texts":["好"]}}"#, missingData), (#"{"a":{"texts":["好"]},"b":{"brief":true}}"#, missingData),
        ("{}", bad), (#"{"a":{"texts":["好"]}}"#, bad), (#"{"a":5,"b":{"texts":["好"]}}"#, bad),
        (#"{"a":{"texts":["好"]},"b":"serious"}"#, bad), (#"{"a":{"texts":["好"]},"b":{}}"#, bad),
        (#"{"a":{"texts":["好"]},"b":{"brief":false}}"#, bad), (#"{"a":{"texts":["好"],"preset":"serious"},"b":{"texts":["好"]}}"#, bad),
        (#"{"a":{"texts":["好"]},"b":{"preset":"nope"}}"#, bad), (#"{"a":{"texts":"好"},"b":{"texts":["好"]}}"#, bad),
        (#"{"a":{"id":5},"b":{"texts":["好"]}}"#, bad), (#"{"a":{"brief":"yes"},"b":{"texts":["好"]}}"#, bad),
        (#"{"a":{"texts":["好"]},"b":{"texts":["好"]},"fits":"x"}"#, bad), (#"{"a":{"texts":["好"]},"b":{"texts":["好"]},"partly":[]}"#, bad),
    ]

    /// `kol/auditFans`: id or fans (not both); threshold in [0, 1], minimumSample ≥ 1, targetWidth in (0, 1),
    /// all checked before the KOL is looked up.
    static let auditFans: [Case] = [
        (#"{"id":"bare"}"#, .result), (#"{"fans":[]}"#, .result), (#"{"id":"bare","threshold":0.5,"minimumSample":3,"targetWidth":0.2}"#, .result),
        (#"{"id":"nobody"}"#, unknownKOL),
        ("{}", bad), (#"{"id":"bare","fans":[]}"#, bad), (#"{"id":5}"#, bad), (#"{"fans":"x"}"#, bad), (#"{"fans":{}}"#, bad),
        (#"{"id":"bare","threshold":2}"#, bad), (#"{"id":"nobody","threshold":-1}"#, bad), (#"{"id":"bare","threshold":"x"}"#, bad),
        (#"{"id":"bare","minimumSample":0}"#, bad), (#"{"id":"bare","minimumSample":"5"}"#, bad),
        (#"{"id":"bare","targetWidth":1}"#, bad), (#"{"id":"bare","targetWidth":[]}"#, bad),
        (#"{"id":"bare","now":"later"}"#, bad), (#"{"id":"bare","now":7}"#, bad),
    ]

    /// `kol/recordCampaign` (a write): kolId and campaign are required; the KOL is looked up before the
    /// campaign is read. Only refused params, so the workspace never changes.
    static let recordCampaign: [Case] = [
        (#"{"kolId":"nobody","campaign":{}}"#, unknownKOL), (#"{"kolId":"nobody","campaign":{"spend":100}}"#, unknownKOL),
        ("{}", bad), (#"{"kolId":"nobody"}"#, bad), (#"{"campaign":{}}"#, bad), (#"{"kolId":5,"campaign":{}}"#, bad),
        (#"{"kolId":["bare"],"campaign":{}}"#, bad), (#"{"kolId":{},"campaign":{}}"#, bad),
    ]

    /// `kol/returns`: all optional; seed ≥ 0, draws 1…10^6, minimum counts ≥ 0; unknown ids are listed.
    static let returns: [Case] = [
        ("{}", .result), (#"{"ids":["bare","nobody"]}"#, .result), (#"{"seed":7,"draws":100,"minimumClicks":0,"minimumCampaigns":1}"#, .result),
        (#"{"ids":"bare"}"#, bad), (#"{"ids":[true]}"#, bad), (#"{"seed":-1}"#, bad), (#"{"seed":"1"}"#, bad),
        (#"{"draws":0}"#, bad), (#"{"draws":1000001}"#, bad), (#"{"draws":"many"}"#, bad), (#"{"minimumClicks":-1}"#, bad),
        (#"{"minimumClicks":"5"}"#, bad), (#"{"minimumCampaigns":[]}"#, bad), (#"{"minimumCampaigns":-2}"#, bad),
    ]

    /// `kol/allocate`: a budget is required (the workspace has no brief), 0 ≤ budget < 10^13; seed ≥ 0,
    /// maxPostsPerKOL 1…100, scores 0…100.
    static let allocate: [Case] = [
        (#"{"budget":1000}"#, .result), (#"{"budget":0,"ids":["bare","nobody"]}"#, .result),
        (#"{"budget":5000,"seed":3,"maxPostsPerKOL":2,"scores":{"bare":80},"now":"2026-01-01","includeErrorFlagged":true}"#, .result),
        ("{}", bad), (#"{"seed":1}"#, bad), (#"{"budget":-1}"#, bad), (#"{"budget":"1000"}"#, bad), (#"{"budget":1e13}"#, bad),
        (#"{"budget":[1000]}"#, bad), (#"{"budget":1000,"ids":"bare"}"#, bad), (#"{"budget":1000,"seed":-3}"#, bad),
        (#"{"budget":1000,"maxPostsPerKOL":0}"#, bad), (#"{"budget":1000,"maxPostsPerKOL":101}"#, bad),
        (#"{"budget":1000,"maxPostsPerKOL":"2"}"#, bad), (#"{"budget":1000,"scores":{"bare":101}}"#, bad),
        (#"{"budget":1000,"scores":{"bare":"high"}}"#, bad), (#"{"budget":1000,"scores":[80]}"#, bad),
        (#"{"budget":1000,"now":"never"}"#, bad), (#"{"budget":1000,"includeErrorFlagged":1}"#, bad),
    ]

    /// `kol/overlap`: ids [String]? only.
    static let overlap: [Case] = [
        ("{}", .result), (#"{"ids":["bare","nobody"]}"#, .result), (#"{"ids":[]}"#, .result),
        (#"{"ids":"bare"}"#, bad), (#"{"ids":[1]}"#, bad), (#"{"ids":{"a":"b"}}"#, bad), (#"{"ids":false}"#, bad),
    ]

    /// `kol/setStage` (a write): id and stage required; the stage name and `at` are checked before the KOL is
    /// looked up, so `bare` only ever sees refused params.
    static let setStage: [Case] = [
        (#"{"id":"nobody","stage":"contacted"}"#, unknownKOL), (#"{"id":"nobody","stage":"dropped","note":"太贵"}"#, unknownKOL),
        ("{}", bad), (#"{"id":"nobody"}"#, bad), (#"{"stage":"contacted"}"#, bad), (#"{"id":"bare","stage":"nope"}"#, bad),
        (#"{"id":5,"stage":"contacted"}"#, bad), (#"{"id":"bare","stage":5}"#, bad), (#"{"id":"bare","stage":["contacted"]}"#, bad),
        (#"{"id":"bare","stage":"contacted","at":"whenever"}"#, bad), (#"{"id":"nobody","stage":"contacted","note":5}"#, bad),
        (#"{"id":"bare","stage":"contacted","at":5}"#, bad),
    ]

    private static let none = #"{"uri":"file:///abuse/none.kol.json"}"#

    /// `textDocument/hover`: textDocument.uri and position {line, character} (integers) required; a document
    /// that is not open answers null.
    static let hover: [Case] = [
        (#"{"textDocument":\#(none),"position":{"line":0,"character":0}}"#, .result),
        (#"{"textDocument":\#(none),"position":{"line":-5,"character":99999}}"#, .result),
        ("{}", bad), (#"{"textDocument":\#(none)}"#, bad), (#"{"position":{"line":0,"character":0}}"#, bad),
        (#"{"textDocument":\#(none),"position":{"line":"0","character":0}}"#, bad),
        (#"{"textDocument":\#(none),"position":{"line":0}}"#, bad), (#"{"textDocument":\#(none),"position":[0,0]}"#, bad),
        (#"{"textDocument":\#(none),"position":{"line":0.5,"character":0}}"#, bad),
        (#"{"textDocument":{"uri":5},"position":{"line":0,"character":0}}"#, bad),
        (#"{"textDocument":"file:///x","position":{"line":0,"character":0}}"#, bad),
    ]

    /// `textDocument/codeLens`: textDocument.uri required; a document that is not open has no lenses.
    static let codeLens: [Case] = [
        (#"{"textDocument":\#(none)}"#, .result), (#"{"textDocument":{"uri":"file:///abuse/none.kol.json","version":3}}"#, .result),
        ("{}", bad), (#"{"textDocument":5}"#, bad), (#"{"textDocument":{"uri":[]}}"#, bad), (#"{"textDocument":{}}"#, bad),
        (#"{"textDocument":{"uri":"file:///x","version":"3"}}"#, bad),
    ]

    /// `workspace/executeCommand`: `kol.rank` with an optional object of rank params, `kol.score` with ids.
    static let executeCommand: [Case] = [
        (#"{"command":"kol.rank"}"#, .result), (#"{"command":"kol.rank","arguments":[{"limit":2}]}"#, .result),
        (#"{"command":"kol.score","arguments":["bare","nobody"]}"#, .result), (#"{"command":"kol.score"}"#, .result),
        ("{}", bad), (#"{"arguments":[]}"#, bad), (#"{"command":5}"#, bad), (#"{"command":"kol.nope"}"#, bad),
        (#"{"command":"kol.score","arguments":[5]}"#, bad), (#"{"command":"kol.score","arguments":"bare"}"#, bad),
        (#"{"command":"kol.rank","arguments":[5]}"#, bad), (#"{"command":"kol.rank","arguments":["limit"]}"#, bad),
        (#"{"command":"kol.rank","arguments":[{"stage":"nope"}]}"#, bad), (#"{"command":"kol.rank","arguments":[{"limit":"x"}]}"#, bad),
    ]

    /// Every method this file covers, with its cases.
    static let byMethod: [String: [Case]] = [
        "kol/score": analysis, "kol/redFlags": analysis, "kol/rank": rank, "kol/toneProfile": toneProfile,
        "kol/compareTone": compareTone, "kol/auditFans": auditFans, "kol/recordCampaign": recordCampaign,
        "kol/returns": returns, "kol/allocate": allocate, "kol/overlap": overlap, "kol/setStage": setStage,
        "textDocument/hover": hover, "textDocument/codeLens": codeLens, "workspace/executeCommand": executeCommand,
    ]

    /// Methods in a fixed order (dictionary order is not stable across runs, and the stream must be).
    static let methods = byMethod.keys.sorted()
}
