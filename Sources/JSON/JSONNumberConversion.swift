/// Converts the validated text of a JSON number into Swift numbers, on access rather than while parsing.
///
/// - Integers (no `.`, no exponent) that fit Int64 are exact. Larger integers are not Int64 (`int` is nil)
///   and become the nearest Double; `value()` therefore yields `.double` for them.
/// - Other numbers use the standard library's correctly rounded text-to-double conversion, so whatever a
///   serializer printed with Double's shortest round-trip `description` comes back bit-identical.
///   Exponents beyond Double's range give ±infinity (overflow) or ±0 (underflow); they are still valid JSON.
enum JSONNumberConversion {
    /// The exact value of integer syntax, or nil when it does not fit Int64.
    static func int64(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var k = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { k = 1 }
        guard k < text.count else { return nil }
        // Accumulate negatively so that Int64.min is representable.
        var value: Int64 = 0
        while k < text.count {
            let digit = Int64(text[k] &- 0x30)
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.subtractingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
            k += 1
        }
        if negative { return value }
        return value == Int64.min ? nil : -value
    }

    /// The nearest Double to any JSON number text.
    static func double(_ text: UnsafeBufferPointer<UInt8>, isIntegerSyntax: Bool) -> Double {
        if isIntegerSyntax, let exact = int64(text) {
            // Int64 → Double rounds to nearest-even, the same as parsing the text would.
            return Double(exact)
        }
        // Short numbers fit a small (non-allocating) String; Double(String) is correctly rounded.
        let string = String(decoding: text, as: UTF8.self)
        return Double(string) ?? 0
    }
}
