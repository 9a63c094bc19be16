/// An RFC 4180 table read from bytes: quoted cells (with commas, doubled quotes and line breaks inside),
/// UTF-8 with or without a BOM, CRLF or LF line ends.
///
/// Why by hand on bytes: the quoting rules decide where a row ends, so a line-based reader would split a
/// quoted line break; and spreadsheet exports are the common input, so their BOM and CRLF are normal.
public struct CSVTable: Sendable {
    public struct Row: Sendable, Hashable {
        /// 1-based record number in the file; the header is row 1.
        public var number: Int
        public var cells: [String]
    }

    public var header: [String]
    public var rows: [Row]
    /// Quoting problems, with row and column; the rest of the file is still read.
    public var diagnostics: [DataQualityDiagnostic]

    public init(bytes: [UInt8]) {
        var records = CSVTable.records(bytes)
        diagnostics = records.diagnostics
        if records.rows.isEmpty {
            header = []
            rows = []
            return
        }
        header = records.rows.removeFirst().cells.map { $0.trimmingSpaces }
        rows = records.rows
    }

    /// The 1-based column of a header name, or nil.
    public func column(named name: String) -> Int? { header.firstIndex(of: name).map { $0 + 1 } }

    private static func records(_ bytes: [UInt8]) -> (rows: [Row], diagnostics: [DataQualityDiagnostic]) {
        enum State { case startOfCell, unquoted, quoted, quoteInQuoted, afterClosingQuote }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var rows: [Row] = []
        var diagnostics: [DataQualityDiagnostic] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var state = State.startOfCell
        var recordNumber = 1
        var recordHasContent = false
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0

        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endCell()
            // A blank line (one empty unquoted cell) is not a row: spreadsheets leave one at the end.
            if recordHasContent || cells.count > 1 { rows.append(Row(number: recordNumber, cells: cells)) }
            recordNumber += 1
            cells.removeAll(keepingCapacity: true)
            recordHasContent = false
            state = .startOfCell
        }
        func report(_ message: String) {
            diagnostics.append(DataQualityDiagnostic(code: .invalidCSV, message: message, line: recordNumber,
                                                     column: cells.count + 1))
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch state {
            case .startOfCell, .unquoted:
                if byte == quote && state == .startOfCell {
                    state = .quoted
                    recordHasContent = true
                } else if byte == comma {
                    endCell()
                    recordHasContent = true
                    state = .startOfCell
                } else if byte == lf || byte == cr {
                    if byte == cr, index < bytes.count, bytes[index] == lf { index += 1 }
                    endRecord()
                } else {
                    if byte == quote { report("A quote inside an unquoted cell; wrap the cell in quotes and double the quote.") }
                    cell.append(byte)
                    recordHasContent = true
                    state = .unquoted
                }
            case .quoted:
                if byte == quote { state = .quoteInQuoted } else { cell.append(byte) }
            case .quoteInQuoted:
                if byte == quote {
                    cell.append(quote)
                    state = .quoted
                } else {
                    state = .afterClosingQuote
                    index -= 1
                }
            case .afterClosingQuote:
                if byte == comma {
                    endCell()
                    state = .startOfCell
                } else if byte == lf || byte == cr {
                    if byte == cr, index < bytes.count, bytes[index] == lf { index += 1 }
                    endRecord()
                } else {
                    report("Text after a closing quote; a quoted cell must end at a comma or line end.")
                    cell.append(byte)
                    state = .unquoted
                }
            }
        }
        if state == .quoted {
            report("A quoted cell is never closed; the rest of the file was read as part of it.")
        }
        if recordHasContent || !cells.isEmpty || !cell.isEmpty { endRecord() }
        return (rows, diagnostics)
    }
}

extension String {
    /// Without leading and trailing ASCII spaces and tabs (header names typed by hand).
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
