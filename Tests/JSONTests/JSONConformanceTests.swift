import Testing
@testable import JSON

/// JSONTestSuite (nst/JSONTestSuite, see shared/testdata/JSONTestSuite/SOURCE.md): every `y_` file parses and
/// round-trips, every `n_` file is rejected with an in-range offset, and every `i_` file has the outcome pinned
/// below.
@Suite struct JSONConformanceTests {
    let parsing = SharedTestData.files(in: "testdata/JSONTestSuite/test_parsing")

    /// Our choice for every implementation-defined (`i_`) file. `nil` = rejected; otherwise the value it parses
    /// to. Policy: numbers of any size are accepted (overflowing exponents give ±infinity, underflow 0, integers
    /// beyond Int64 become the nearest Double); anything that is not strict UTF-8 or contains a lone / misordered
    /// surrogate escape is rejected; a UTF-8 BOM is rejected; 500 nested arrays are within the 512 depth limit.
    static let implementationDefined: [String: JSONValue?] = [
        "i_number_double_huge_neg_exp.json": [0.0],
        "i_number_huge_exp.json": [.double(.infinity)],
        "i_number_neg_int_huge_exp.json": [.double(-.infinity)],
        "i_number_pos_double_huge_exp.json": [.double(.infinity)],
        "i_number_real_neg_overflow.json": [.double(-.infinity)],
        "i_number_real_pos_overflow.json": [.double(.infinity)],
        "i_number_real_underflow.json": [0.0],
        "i_number_too_big_neg_int.json": [-123123123123123123123123123123.0],
        "i_number_too_big_pos_int.json": [100000000000000000000.0],
        "i_number_very_big_negative_int.json": [-237462374673276894279832749832423479823246327846.0],
        "i_object_key_lone_2nd_surrogate.json": nil,
        "i_string_1st_surrogate_but_2nd_missing.json": nil,
        "i_string_1st_valid_surrogate_2nd_invalid.json": nil,
        "i_string_UTF-16LE_with_BOM.json": nil,
        "i_string_UTF-8_invalid_sequence.json": nil,
        "i_string_UTF8_surrogate_U+D800.json": nil,
        "i_string_incomplete_surrogate_and_escape_valid.json": nil,
        "i_string_incomplete_surrogate_pair.json": nil,
        "i_string_incomplete_surrogates_escape_valid.json": nil,
        "i_string_invalid_lonely_surrogate.json": nil,
        "i_string_invalid_surrogate.json": nil,
        "i_string_invalid_utf-8.json": nil,
        "i_string_inverted_surrogates_U+1D11E.json": nil,
        "i_string_iso_latin_1.json": nil,
        "i_string_lone_second_surrogate.json": nil,
        "i_string_lone_utf8_continuation_byte.json": nil,
        "i_string_not_in_unicode_range.json": nil,
        "i_string_overlong_sequence_2_bytes.json": nil,
        "i_string_overlong_sequence_6_bytes.json": nil,
        "i_string_overlong_sequence_6_bytes_null.json": nil,
        "i_string_truncated-utf-8.json": nil,
        "i_string_utf16BE_no_BOM.json": nil,
        "i_string_utf16LE_no_BOM.json": nil,
        "i_structure_500_nested_arrays.json": .some(nestedArrays(500)),
        "i_structure_UTF-8_BOM_empty_object.json": nil,
    ]

    static func nestedArrays(_ depth: Int) -> JSONValue {
        var value: JSONValue = []
        for _ in 1..<depth { value = [value] }
        return value
    }

    @Test func suiteIsPresent() {
        #expect(parsing.filter { $0.name.hasPrefix("y_") }.count == 95)
        #expect(parsing.filter { $0.name.hasPrefix("n_") }.count == 188)
        #expect(parsing.filter { $0.name.hasPrefix("i_") }.count == 35)
    }

    @Test func acceptsAndRoundTripsEveryYFile() {
        for file in parsing where file.name.hasPrefix("y_") {
            do {
                let value = try JSONDocument(bytes: file.bytes).root.value()
                let printed = value.serialized()
                let reparsed = try JSONDocument(bytes: printed).root.value()
                #expect(reparsed == value, "\(file.name) round trip")
                #expect(reparsed.serialized() == printed, "\(file.name) stable output")
            } catch {
                Issue.record("\(file.name) rejected: \(error)")
            }
        }
    }

    @Test func rejectsEveryNFileWithAnOffset() {
        for file in parsing where file.name.hasPrefix("n_") {
            do {
                _ = try JSONDocument(bytes: file.bytes)
                Issue.record("\(file.name) accepted")
            } catch {
                #expect(error.offset >= 0 && error.offset <= file.bytes.count, "\(file.name): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test func implementationDefinedFilesHaveThePinnedOutcome() {
        let files = parsing.filter { $0.name.hasPrefix("i_") }
        #expect(Set(files.map(\.name)) == Set(Self.implementationDefined.keys))
        for file in files {
            guard let expected = Self.implementationDefined[file.name] else { continue }
            let parsed = try? JSONDocument(bytes: file.bytes).root.value()
            #expect(parsed == expected, "\(file.name)")
        }
    }

    @Test func deepNestingIsACleanError() throws {
        let file = try #require(parsing.first { $0.name == "n_structure_100000_opening_arrays.json" })
        #expect(throws: JSONParseError(message: "nesting deeper than 512 levels", offset: 512)) {
            try JSONDocument(bytes: file.bytes)
        }
    }
}
