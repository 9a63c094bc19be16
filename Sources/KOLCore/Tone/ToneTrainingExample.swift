/// One labelled text for training or scoring the tone model.
public struct ToneTrainingExample: Sendable, Hashable {
    public var text: String
    /// True for the "1" side of the dimension: humorous, or positive.
    public var label: Bool

    public init(text: String, label: Bool) {
        self.text = text
        self.label = label
    }

    /// Rows of a CSV document (RFC 4180), read by the workspace's one CSV reader.
    public static func csvRows(_ document: String) -> [[String]] { CSVTable.plainRows(document) }

    /// Examples from a CSV with a header naming `textColumn` and `labelColumn`; rows whose label is neither
    /// `positiveLabel` nor `negativeLabel` are skipped.
    public static func examples(
        csv document: String, textColumn: String = "text", labelColumn: String = "label",
        positiveLabel: String, negativeLabel: String
    ) -> [ToneTrainingExample] {
        let rows = csvRows(document)
        guard let header = rows.first, let textIndex = header.firstIndex(of: textColumn),
            let labelIndex = header.firstIndex(of: labelColumn)
        else { return [] }
        return rows.dropFirst().compactMap { row in
            guard row.count > max(textIndex, labelIndex) else { return nil }
            switch row[labelIndex] {
            case positiveLabel: return ToneTrainingExample(text: row[textIndex], label: true)
            case negativeLabel: return ToneTrainingExample(text: row[textIndex], label: false)
            default: return nil
            }
        }
    }
}
