import Testing
@testable import JSON

/// Pins how we represent JSONTestSuite's `test_transform` inputs (no right answer upstream; these are ours).
/// `nil` = rejected.
@Suite struct JSONTransformTests {
    static let expected: [String: JSONValue?] = [
        "number_-9223372036854775808.json": [.int(Int64.min)],  // exact
        "number_-9223372036854775809.json": [-9223372036854775809.0],  // beyond Int64 → nearest Double
        "number_1.0.json": [1.0],  // a '.' makes it a double, even when integral
        "number_1.000000000000000005.json": [1.0],  // nearest Double
        "number_1000000000000000.json": [1000000000000000],
        "number_10000000000000000999.json": [10000000000000000999.0],
        "number_1e-999.json": [0.0],  // underflow
        "number_1e6.json": [1000000.0],  // exponent → double
        "number_9223372036854775807.json": [.int(Int64.max)],
        "number_9223372036854775808.json": [9223372036854775808.0],
        "object_key_nfc_nfd.json": ["\u{E9}": "NFC", "e\u{301}": "NFD"],  // keys compared by bytes, no normalisation
        "object_key_nfd_nfc.json": ["e\u{301}": "NFD", "\u{E9}": "NFC"],
        "object_same_key_different_values.json": ["a": 2],  // last wins
        "object_same_key_same_value.json": ["a": 1],
        "object_same_key_unclear_values.json": ["a": 0],  // -0 is integer syntax → Int64 0
        "string_1_escaped_invalid_codepoint.json": nil,  // lone surrogate escapes rejected
        "string_1_invalid_codepoint.json": nil,  // UTF-8-encoded surrogates rejected
        "string_2_escaped_invalid_codepoints.json": nil,
        "string_2_invalid_codepoints.json": nil,
        "string_3_escaped_invalid_codepoints.json": nil,
        "string_3_invalid_codepoints.json": nil,
        "string_with_escaped_NULL.json": ["A\u{0}B"],
    ]

    @Test func transformOutcomesArePinned() throws {
        let files = SharedTestData.files(in: "testdata/JSONTestSuite/test_transform")
        #expect(Set(files.map(\.name)) == Set(Self.expected.keys))
        for file in files {
            guard let expected = Self.expected[file.name] else { continue }
            let parsed = try? JSONDocument(bytes: file.bytes).root.value()
            #expect(parsed == expected, "\(file.name)")
        }
    }

    @Test func nfcAndNfdKeysAreDistinctMembers() throws {
        let file = try #require(SharedTestData.files(in: "testdata/JSONTestSuite/test_transform")
            .first { $0.name == "object_key_nfc_nfd.json" })
        let doc = try JSONDocument(bytes: file.bytes)
        #expect(doc.root.count == 2)
        #expect(doc.duplicateKeys.isEmpty)
    }
}
