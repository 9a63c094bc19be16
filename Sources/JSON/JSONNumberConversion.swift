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
        if let fast = exactFastPath(text) { return fast }
        // Short numbers fit a small (non-allocating) String; Double(String) is correctly rounded.
        let string = String(decoding: text, as: UTF8.self)
        return Double(string) ?? 0
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// Clinger's fast path: when all significant digits fit in 2^53 and the decimal exponent is within ±22,
    /// both operands are exact Doubles and one IEEE multiplication/division rounds correctly. Covers the usual
    /// short decimals (`0.0123`, `4.5`, `1e6`); everything else goes to the full conversion.
    private static func exactFastPath(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var k = 0
        let n = text.count
        let negative = n > 0 && text[0] == UInt8(ascii: "-")
        if negative { k = 1 }
        var significand: UInt64 = 0
        var digits = 0
        var exponent = 0
        while k < n, text[k] &- 0x30 < 10 {
            significand = significand &* 10 &+ UInt64(text[k] &- 0x30)
            if significand != 0 { digits += 1 }
            k += 1
        }
        if k < n && text[k] == UInt8(ascii: ".") {
            k += 1
            while k < n, text[k] &- 0x30 < 10 {
                significand = significand &* 10 &+ UInt64(text[k] &- 0x30)
                if significand != 0 { digits += 1 }
                exponent -= 1
                k += 1
            }
        }
        if k < n && text[k] | 0x20 == UInt8(ascii: "e") {
            k += 1
            var exponentNegative = false
            if k < n && (text[k] == UInt8(ascii: "+") || text[k] == UInt8(ascii: "-")) {
                exponentNegative = text[k] == UInt8(ascii: "-")
                k += 1
            }
            var written = 0
            while k < n, text[k] &- 0x30 < 10 {
                written = written * 10 + Int(text[k] &- 0x30)
                if written > 10_000 { return nil }
                k += 1
            }
            exponent += exponentNegative ? -written : written
        }
        guard digits <= 15, significand <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        var value = Double(significand)
        value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
        return negative ? -value : value
    }
}
