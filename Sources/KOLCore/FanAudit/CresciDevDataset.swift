import Foundation

/// Reads the fans-dev training file (`cresci2015_dev.csv`, Twitter API v1.1 user fields) into labelled
/// profiles. Pure: the caller reads the bytes (kol-bench train-fans, the accuracy test) and passes the
/// text, so the bench and the test share one mapping and cannot drift apart.
///
/// Field mapping (testdata/fans-dev/SOURCE.md): followers_count → followers, friends_count → following,
/// statuses_count → posts, created_at → createdAt, avatar = not default_profile_image, description → bio,
/// location → location, verified ("1" = yes), updated = the crawl time, used as "now" for account age.
/// Twitter-only fields (default_profile, geo_enabled, url, lang, listed_count, favourites_count) are
/// deliberately dropped: they have no Weibo counterpart.
package enum CresciDevDataset {
    package enum Failure: Error, Equatable, Sendable {
        case missingColumn(String)
        case badRow(line: Int, reason: String)
    }

    package static func parse(_ text: String) throws(Failure) -> [LabeledFan] {
        let table = FanDevCSVReader.parse(text)
        guard let header = table.first else { return [] }
        func column(_ name: String) throws(Failure) -> Int {
            guard let i = header.firstIndex(of: name) else { throw .missingColumn(name) }
            return i
        }
        let posts = try column("statuses_count")
        let followers = try column("followers_count")
        let following = try column("friends_count")
        let created = try column("created_at")
        let location = try column("location")
        let defaultImage = try column("default_profile_image")
        let verified = try column("verified")
        let description = try column("description")
        let updated = try column("updated")
        let label = try column("is_fake")

        var out: [LabeledFan] = []
        for (offset, row) in table.dropFirst().enumerated() {
            let line = offset + 2
            if row.count == 1, row[0].isEmpty { continue }  // blank line
            guard row.count == header.count else {
                throw .badRow(line: line, reason: "\(row.count) fields, header has \(header.count)")
            }
            guard let observedAt = parseCrawlTime(row[updated]) else {
                throw .badRow(line: line, reason: "bad updated '\(row[updated])'")
            }
            let profile = FanProfile(
                followers: Int(row[followers]), following: Int(row[following]), posts: Int(row[posts]),
                createdAt: parseTwitterDate(row[created]),
                avatar: row[defaultImage] != "1", bio: row[description], location: row[location],
                verified: row[verified] == "1")
            out.append(LabeledFan(profile: profile, observedAt: observedAt, isFake: row[label] == "1"))
        }
        return out
    }

    /// "Sun Dec 13 17:20:24 +0000 2009" (always UTC in the API).
    static func parseTwitterDate(_ s: String) -> Date? {
        let parts = s.split(separator: " ")
        guard parts.count == 6, let month = months[String(parts[1])], let day = Int(parts[2]),
            let year = Int(parts[5])
        else { return nil }
        let time = parts[3].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        return utcDate(year: year, month: month, day: day, hour: time[0], minute: time[1], second: time[2])
    }

    /// "14-02-2015 10.54" (day-month-year hour.minute).
    static func parseCrawlTime(_ s: String) -> Date? {
        let parts = s.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ".").compactMap { Int($0) }
        guard date.count == 3, time.count == 2 else { return nil }
        return utcDate(year: date[2], month: date[1], day: date[0], hour: time[0], minute: time[1], second: 0)
    }

    static let months = [
        "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6,
        "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12,
    ]

    /// Civil date to a `Date` without Calendar/locale (Hinnant's days-from-civil).
    static func utcDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
    }
}
