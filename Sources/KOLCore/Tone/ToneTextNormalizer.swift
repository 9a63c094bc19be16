/// Folds the many ways Weibo writes the same thing onto one form before cues and n-grams are looked up:
/// full-width ASCII (！？～ＡＢＣ) → ASCII, upper → lower case, traditional → simplified Chinese, every kind of
/// whitespace → one space, and invisible emoji modifiers dropped. Lexicons and the model are stored in the
/// same folded form, so "哈哈哈！！！", "哈哈哈!!!" and "哈哈哈！!！" all read alike.
enum ToneTextNormalizer {
    /// Scalar value used for any whitespace.
    static let space: UInt32 = 0x20

    /// The folded scalar, or 0 when the scalar carries no meaning for tone (variation selectors, joiners).
    @inline(__always) static func fold(_ value: UInt32) -> UInt32 {
        if value < 0x80 {
            if value >= 0x41, value <= 0x5A { return value + 32 }  // A–Z → a–z
            if value == 0x09 || value == 0x0A || value == 0x0D { return space }
            return value
        }
        if value >= 0x4E00, value <= 0x9FFF {
            let simplified = toneSimplifiedTable[Int(value - 0x4E00)]
            return simplified == 0 ? value : simplified
        }
        if value >= 0xFF01, value <= 0xFF5E {  // full-width ASCII block
            let ascii = value - 0xFEE0
            return (ascii >= 0x41 && ascii <= 0x5A) ? ascii + 32 : ascii
        }
        switch value {
        case 0x3000, 0x00A0, 0x2002...0x200A: return space
        case 0x301C, 0x223C, 0x2053: return 0x7E  // wave dashes → "~"
        case 0xFE0F, 0xFE0E, 0x200B, 0x200C, 0x200D: return 0  // emoji presentation selectors, joiners
        default: return value
        }
    }

    /// Appends the folded scalars of `text` to `buffer` (cleared first).
    static func fold(_ text: String, into buffer: inout [UInt32]) {
        buffer.removeAll(keepingCapacity: true)
        for scalar in text.unicodeScalars {
            let folded = fold(scalar.value)
            if folded != 0 { buffer.append(folded) }
        }
    }

    /// The folded form of a whole string, for building lexicons and models.
    static func folded(_ text: String) -> [UInt32] {
        var buffer: [UInt32] = []
        fold(text, into: &buffer)
        return buffer
    }

    /// Turns folded scalars back into a string (for evidence labels and model files).
    static func string(_ scalars: ArraySlice<UInt32>) -> String {
        var result = String.UnicodeScalarView()
        for value in scalars {
            if let scalar = Unicode.Scalar(value) { result.append(scalar) }
        }
        return String(result)
    }

    /// True for scalars that are letters of a word in space-separated languages (for word-bounded cues).
    @inline(__always) static func isWordScalar(_ value: UInt32) -> Bool {
        (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || value == 0x27
            || (value >= 0xC0 && value <= 0x24F)
    }

    /// Emoji and pictographs (not kaomoji): one generic cue when no specific emoji cue matched.
    @inline(__always) static func isEmoji(_ value: UInt32) -> Bool {
        (value >= 0x1F300 && value <= 0x1FAFF) || (value >= 0x2600 && value <= 0x27BF)
    }
}
