import Foundation
import KOLCore

/// "Now" for validation (posts in the future, …). One place, so tests and later issues can pin it.
enum ServerClock {
    static func now() -> KOLDate {
        let seconds = Date().timeIntervalSince1970
        return KOLDate(secondsSinceEpoch: Int64(seconds.rounded(.down)), form: .dateTime(offsetMinutes: 0))
    }
}
