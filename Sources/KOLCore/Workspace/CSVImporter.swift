#if canImport(Glibc)
import Glibc  // libm: Double.rounded() links against it on Linux
#endif
import JSON

/// Turns `kols.csv` (one row per KOL, columns named like the contract's scalar fields) and an optional
/// `posts.csv` (`kolId` + post fields) into KOLs.
///
/// Empty cells are unknown (nil). Cells that do not parse as their field's type are reported with row and
/// column and left unknown. Columns the contract does not know are kept as strings in `extra`.
/// `topics` cells are `;`-separated. Booleans accept true/false, yes/no, 1/0 (any case).
public enum CSVImporter {
    public struct Result: Sendable {
        public var kols: [KOL]
        public var diagnostics: [DataQualityDiagnostic]
    }

    public static func load(kols kolsBytes: [UInt8], posts postsBytes: [UInt8]? = nil, origin: String? = nil,
                            now: KOLDate) -> Result {
        let table = CSVTable(bytes: kolsBytes)
        var diagnostics = table.diagnostics
        var kols: [KOL] = []
        var indexByID: [String: Int] = [:]
        let idColumn = table.column(named: "id")
        if idColumn == nil, !table.header.isEmpty {
            diagnostics.append(DataQualityDiagnostic(code: .missingID, message: "kols.csv has no \"id\" column; every KOL needs its Weibo uid.",
                                                     line: 1))
        }
        for row in table.rows {
            var reader = CellReader(header: table.header, row: row, diagnostics: [])
            var kol = reader.kol(origin: origin)
            diagnostics += reader.diagnostics
            guard !kol.id.isEmpty else {
                diagnostics.append(DataQualityDiagnostic(code: .missingID, message: "This row has no id; it is skipped.",
                                                         line: row.number, column: idColumn))
                continue
            }
            if indexByID[kol.id] != nil {
                diagnostics.append(DataQualityDiagnostic(code: .duplicateID,
                    message: "The id \"\(kol.id)\" appears on an earlier row; this row is ignored.",
                    kolId: kol.id, line: row.number, column: idColumn))
                continue
            }
            indexByID[kol.id] = kols.count
            kol.source = KOLSource(origin: origin, line: row.number)
            kols.append(kol)
        }
        if let postsBytes {
            let postTable = CSVTable(bytes: postsBytes)
            diagnostics += postTable.diagnostics
            let kolIDColumn = postTable.column(named: "kolId")
            for row in postTable.rows {
                var reader = CellReader(header: postTable.header, row: row, diagnostics: [])
                let (kolID, post) = reader.post()
                diagnostics += reader.diagnostics
                guard let kolID, let index = indexByID[kolID] else {
                    diagnostics.append(DataQualityDiagnostic(code: .unknownKOL,
                        message: "This post belongs to KOL \"\(kolID ?? "")\", which is not in kols.csv; it is skipped.",
                        kolId: kolID, line: row.number, column: kolIDColumn))
                    continue
                }
                kols[index].posts = (kols[index].posts ?? []) + [post]
            }
        }
        let validator = KOLValidator(now: now)
        for index in kols.indices {
            var found = validator.validate(&kols[index], pathPrefix: "", ranges: [:])
            for d in found.indices {
                let field = found[d].path.map { String($0.prefix { $0 != "." && $0 != "[" }) } ?? ""
                found[d].column = table.column(named: field)
            }
            diagnostics += found
        }
        return Result(kols: kols, diagnostics: diagnostics)
    }

    /// Reads typed cells of one row, reporting cells that do not parse.
    struct CellReader {
        let header: [String]
        let row: CSVTable.Row
        var diagnostics: [DataQualityDiagnostic]

        mutating func kol(origin: String?) -> KOL {
            var kol = KOL(id: "")
            for (column, name) in header.enumerated() {
                guard column < row.cells.count else { break }
                let cell = row.cells[column]
                guard !cell.isEmpty else { continue }
                switch name {
                case "id": kol.id = cell.trimmingSpaces
                case "name": kol.name = cell
                case "platform": kol.platform = cell
                case "stars": kol.stars = double(cell, column)
                case "followers": kol.followers = integer(cell, column)
                case "createdAt": kol.createdAt = date(cell, column)
                case "verified": kol.verified = bool(cell, column)
                case "price": kol.price = double(cell, column)
                case "topics": kol.topics = list(cell)
                default: kol.extra[name] = .string(cell)
                }
            }
            checkExtraCells()
            return kol
        }

        mutating func post() -> (kolID: String?, post: Post) {
            var post = Post()
            var kolID: String?
            for (column, name) in header.enumerated() {
                guard column < row.cells.count else { break }
                let cell = row.cells[column]
                guard !cell.isEmpty else { continue }
                switch name {
                case "kolId": kolID = cell.trimmingSpaces
                case "id": post.id = cell
                case "at": post.at = date(cell, column)
                case "text": post.text = cell
                case "reposts": post.reposts = integer(cell, column)
                case "comments": post.comments = integer(cell, column)
                case "likes": post.likes = integer(cell, column)
                case "kolReplies": post.kolReplies = integer(cell, column)
                case "isRepost": post.isRepost = bool(cell, column)
                case "topics": post.topics = list(cell)
                default: post.extra[name] = .string(cell)
                }
            }
            checkExtraCells()
            return (kolID, post)
        }

        private mutating func checkExtraCells() {
            guard row.cells.count > header.count else { return }
            diagnostics.append(DataQualityDiagnostic(code: .extraCells,
                message: "This row has \(row.cells.count) cells but the header names \(header.count) columns; the extra cells are ignored.",
                line: row.number, column: header.count + 1,
                numbers: ["cells": Double(row.cells.count), "columns": Double(header.count)]))
        }

        private mutating func wrongType(_ cell: String, _ column: Int, expected: String) {
            diagnostics.append(DataQualityDiagnostic(code: .wrongType,
                message: "\(header[column]) should be \(expected); \"\(cell)\" is not.",
                line: row.number, column: column + 1))
        }

        private mutating func double(_ cell: String, _ column: Int) -> Double? {
            guard let value = Double(cell.trimmingSpaces), value.isFinite else {
                wrongType(cell, column, expected: "a number")
                return nil
            }
            return value
        }

        private mutating func integer(_ cell: String, _ column: Int) -> Int? {
            let text = cell.trimmingSpaces
            if let value = Int(text) { return value }
            if let value = Double(text), value.isFinite, value.rounded() == value, abs(value) < 9e18 { return Int(value) }
            if Double(text) != nil {
                diagnostics.append(DataQualityDiagnostic(code: .notAnInteger,
                    message: "\(header[column]) must be a whole number; \"\(cell)\" has a fraction.",
                    line: row.number, column: column + 1))
                return nil
            }
            wrongType(cell, column, expected: "a whole number")
            return nil
        }

        private mutating func bool(_ cell: String, _ column: Int) -> Bool? {
            switch cell.trimmingSpaces.lowercased() {
            case "true", "yes", "1": return true
            case "false", "no", "0": return false
            default:
                wrongType(cell, column, expected: "true or false")
                return nil
            }
        }

        private mutating func date(_ cell: String, _ column: Int) -> KOLDate? {
            guard let date = KOLDate.parse(cell.trimmingSpaces) else {
                diagnostics.append(DataQualityDiagnostic(code: .invalidDate,
                    message: "\(header[column]) \"\(cell)\" is not a date; write YYYY-MM-DD or 2026-10-01T12:00:00+08:00.",
                    line: row.number, column: column + 1))
                return nil
            }
            return date
        }

        private func list(_ cell: String) -> [String] {
            cell.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        }
    }
}
