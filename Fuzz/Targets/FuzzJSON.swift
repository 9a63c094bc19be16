// libFuzzer target: the JSON parser. Built by scripts/fuzz.sh, never by `swift build`.
//
// Besides "never crash", it checks the codec's own promises on every input that parses: the compact
// serialization parses again to an equal value (±infinity becoming null, as documented), every node's source range lies inside the bytes, and
// LineIndex maps each range's ends to positions and back without leaving the text.
import JSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var limits = JSONLimits.default
    limits.maxDepth = 64  // small enough that the fuzzer reaches the limit quickly
    guard let document = try? JSONDocument(bytes: bytes, limits: limits) else { return 0 }
    let value = document.root.value()
    let serialized = value.serialized()
    guard let again = try? JSONDocument(bytes: serialized, limits: limits) else {
        fuzzFailure("serialized output does not parse: \(String(decoding: serialized.prefix(200), as: UTF8.self))")
    }
    // Documented policy: numbers that overflow a Double parse as ±infinity and serialize as null.
    if again.root.value() != finite(value) { fuzzFailure("round trip changed the value") }
    let index = LineIndex(bytes: bytes)
    var stack = [document.root]
    var visited = 0
    while let node = stack.popLast(), visited < 10_000 {
        visited += 1
        let range = node.range
        if range.start < 0 || range.end > bytes.count || range.start > range.end { fuzzFailure("range \(range) outside \(bytes.count) bytes") }
        for encoding in [PositionEncoding.utf8, .utf16, .utf32] {
            let position = index.position(ofOffset: range.start, encoding: encoding)
            let offset = index.offset(line: position.line, character: position.character, encoding: encoding)
            if offset < 0 || offset > bytes.count { fuzzFailure("LineIndex offset \(offset) outside \(bytes.count) bytes") }
        }
        _ = node.string
        _ = node.int
        _ = node.double
        stack += node.elements
        stack += node.members.map(\.value)
    }
    return 0
}

/// `value` with every non-finite double replaced by null, as the serializer writes it.
func finite(_ value: JSONValue) -> JSONValue {
    switch value {
    case .double(let number) where !number.isFinite: return .null
    case .array(let items): return .array(items.map(finite))
    case .object(let object):
        var result = JSONObject()
        for (key, member) in object.members { result[key] = finite(member) }
        return .object(result)
    default: return value
    }
}

/// Stops the run with a message; libFuzzer saves the input as a crash.
func fuzzFailure(_ message: String) -> Never {
    fputs("fuzz invariant violated: \(message)\n", stderr)
    abort()
}

#if canImport(Glibc)
import Glibc
#endif
