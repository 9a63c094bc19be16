import Testing
@testable import JSON

@Suite struct JSONSerializationTests {
    @Test func compactDeterministicOutput() {
        let value: JSONValue = ["name": "李\"\\/\n\u{01}", "n": 42, "neg": -7, "x": 0.1, "big": 1e16, "ok": true,
                                "none": nil, "list": [1, 2.5, "s"], "empty": [:]]
        #expect(value.serializedString
            == #"{"name":"李\"\\/\n\u0001","n":42,"neg":-7,"x":0.1,"big":1e+16,"ok":true,"none":null,"list":[1,2.5,"s"],"empty":{}}"#)
    }

    @Test func nonFiniteDoublesBecomeNull() {
        let value: JSONValue = [.double(.nan), .double(.infinity), .double(-.infinity), 1.0]
        #expect(value.serializedString == "[null,null,null,1.0]")
    }

    @Test func extremeIntegers() {
        let value: JSONValue = [.int(Int64.min), .int(Int64.max), 0, 10]
        #expect(value.serializedString == "[-9223372036854775808,9223372036854775807,0,10]")
    }

    @Test func writerInsertsCommas() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a")
        writer.beginArray()
        writer.int(1)
        writer.string("x")
        writer.beginObject()
        writer.endObject()
        writer.endArray()
        writer.member("b", [true, nil])
        writer.key("c")
        writer.raw(Array("{\"d\":1}".utf8))
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"a":[1,"x",{}],"b":[true,null],"c":{"d":1}}"#)
    }

    @Test func objectKeepsInsertionOrder() {
        var object = JSONObject()
        for k in (0..<40).reversed() { object["k\(k)"] = .int(Int64(k)) }
        object["k5"] = "replaced"
        object["k39"] = nil
        #expect(object.count == 39)
        #expect(object.keys.first == "k38")
        #expect(object["k5"] == "replaced")
        #expect(object["k39"] == nil)
        #expect(object["k0"] == 0)
    }
}

@Suite struct JSONEscapingTests {
    @Test func controlCharactersAndDelete() {
        let value: JSONValue = .string("\u{0}\u{8}\u{c}\r\t\u{1f}\u{7f}\u{2028}😀")
        #expect(value.serializedString == "\"\\u0000\\b\\f\\r\\t\\u001f\u{7f}\u{2028}😀\"")
    }

    @Test func neovimEscapedSlashRoundTripsUnescaped() throws {
        let doc = try JSONDocument(#"{"uri":"file:\/\/\/tmp\/a.kol.json"}"#)
        let value = doc.root.value()
        #expect(value["uri"] == "file:///tmp/a.kol.json")
        #expect(value.serializedString == #"{"uri":"file:///tmp/a.kol.json"}"#)
        #expect(doc.root["uri"]?.string == "file:///tmp/a.kol.json")
    }
}
