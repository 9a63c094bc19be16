import Testing
@testable import KOLCore

@Suite struct CSVTableTests {
    @Test func quotedCommasDoubledQuotesAndNewlines() {
        let text = "id,name,bio\r\n1,\"茶, 小姐姐\",\"say \"\"hi\"\"\r\nline2\"\r\n2,plain,\r\n"
        let table = CSVTable(bytes: Array(text.utf8))
        #expect(table.header == ["id", "name", "bio"])
        #expect(table.rows.map(\.cells) == [["1", "茶, 小姐姐", "say \"hi\"\r\nline2"], ["2", "plain", ""]])
        #expect(table.rows.map(\.number) == [2, 3])
        #expect(table.diagnostics.isEmpty)
    }

    @Test func bomAndLFAndNoFinalNewline() {
        let table = CSVTable(bytes: [0xEF, 0xBB, 0xBF] + Array("id,stars\n7,3.5".utf8))
        #expect(table.header == ["id", "stars"])
        #expect(table.rows.map(\.cells) == [["7", "3.5"]])
    }

    @Test func unclosedQuoteNamesRowAndColumn() throws {
        let table = CSVTable(bytes: Array("id,name\n1,ok\n2,\"never closed\n3,x\n".utf8))
        let problem = try #require(table.diagnostics.first)
        #expect(problem.code == .invalidCSV)
        #expect(problem.line == 3)
        #expect(problem.column == 2)
    }

    @Test func textAfterClosingQuote() throws {
        let table = CSVTable(bytes: Array("a,b\n\"x\"y,2\n".utf8))
        let problem = try #require(table.diagnostics.first)
        #expect(problem.line == 2 && problem.column == 1)
        #expect(table.rows.first?.cells == ["xy", "2"])
    }

    @Test func blankLinesAreSkipped() {
        let table = CSVTable(bytes: Array("id\n1\n\n2\n\n".utf8))
        #expect(table.rows.map(\.cells) == [["1"], ["2"]])
        #expect(table.rows.map(\.number) == [2, 4])
    }
}
