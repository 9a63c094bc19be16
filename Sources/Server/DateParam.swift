import KOLCore
import RPC

/// Date params (`now`, `since`, `until`, `at`): one parser and one error for every method, so a client sees
/// the same message whichever method it called.
enum DateParam {
    /// nil when the param is absent; a text that is not a date is -32602 naming the path.
    static func parse(_ text: String?, path: String) throws -> KOLDate? {
        guard let text else { return nil }
        guard let date = KOLDate.parse(text) else {
            throw RPCError.invalidParams("\(path): expected an RFC 3339 date or date-time, got \"\(text)\"")
        }
        return date
    }
}
