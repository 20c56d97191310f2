import BunchKit
import BunchTestSupport
import Foundation
import Testing

@Suite("Positioned YAML")
struct YAMLParserTests {
    private func parse(_ text: String) -> YAMLParseResult {
        parseYAML(SourceFile(path: "t.yaml", text: text))
    }

    @Test func everyNodeAndKeyKeepsItsOneBasedPosition() throws {
        let result = parse("name: x\nsections:\n  subject:\n    - \"a\"\n    - b\n")
        let root = try #require(result.root)
        let pairs = try #require(root.pairs)
        #expect(pairs[0].key.position == SourcePosition(line: 1, column: 1))
        #expect(pairs[1].key.position == SourcePosition(line: 2, column: 1))
        let subject = try #require(pairs[1].value.pairs?.first)
        #expect(subject.key.position == SourcePosition(line: 3, column: 3))
        let items = try #require(subject.value.items)
        #expect(items[0].position == SourcePosition(line: 4, column: 7))
        #expect(items[0].scalar == YAMLScalar(text: "a", isQuoted: true))
        #expect(items[1].scalar == YAMLScalar(text: "b", isQuoted: false))
    }

    @Test func scalarsKeepTheirRawTextNotYAML11Types() throws {
        let root = try #require(parse("a: 4:5\nb: on\nc: 1.10\nd: 0x1F\ne: ~\n").root)
        let texts = try #require(root.pairs).map { $0.value.scalar?.text }
        #expect(texts == ["4:5", "on", "1.10", "0x1F", "~"])
        #expect(try #require(root.pairs)[4].value.isNull)
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let root = try #require(parse("🍌: x\nk: [é, 🍌, z]\n").root)
        let items = try #require(root.pairs?[1].value.items)
        #expect(items.map(\.position.column) == [5, 8, 11])
    }

    @Test func aBillionLaughsIsRefusedWithAPosition() throws {
        let marked = MarkedText(AliasLimitRule.examples[0].files["templates/t.yaml"]!)
        let result = parse(marked.text)
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.code) == ["alias-limit"])
        #expect(result.diagnostics.first?.location.position == marked.markers.first)
    }

    @Test func aWideButShallowAliasBombIsRefusedToo() {
        var text = "a: &a [" + Array(repeating: "x", count: 1000).joined(separator: ", ") + "]\n"
        text += "b: [" + Array(repeating: "*a", count: 1000).joined(separator: ", ") + "]\n"
        #expect(parse(text).diagnostics.map(\.code) == ["alias-limit"])
    }

    @Test func smallAliasesAreExpanded() throws {
        let root = try #require(parse("a: &x [1, 2]\nb: *x\n").root)
        #expect(root.pairs?[1].value.items?.count == 2)
    }

    @Test func absurdNestingIsRefusedBeforeYamsRecurses() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(parse("a: " + deep).diagnostics.map(\.code) == ["yaml-syntax"])
        let dashes = String(repeating: "- ", count: 50_000) + "x"
        #expect(parse(dashes).diagnostics.map(\.code) == ["yaml-syntax"])
    }

    @Test func bracketsInsideQuotesAndCommentsDoNotCountAsNesting() {
        let text = "a: \"" + String(repeating: "[", count: 500) + "\"\n# " + String(repeating: "{", count: 500) + "\n"
        #expect(parse(text).diagnostics.isEmpty)
    }

    @Test func multipleDocumentsPointAtTheSecond() {
        let result = parse("a: 1\n---\nb: 2\n")
        #expect(result.diagnostics.map(\.code) == ["multiple-documents"])
        #expect(result.diagnostics.first?.location.position == SourcePosition(line: 2, column: 1))
    }

    @Test func anEmptyFileHasNoRootAndNoSyntaxError() {
        let result = parse("# only a comment\n")
        #expect(result.root == nil)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func invalidUTF8IsPointedAtByOffset() {
        var bytes = Array("name: caf".utf8)
        bytes.append(0xC3)
        bytes.append(0x28)
        #expect(throws: SourceReadError.self) { try SourceFile.decode(Data(bytes), displayPath: "t.yaml") }
        do {
            _ = try SourceFile.decode(Data(bytes), displayPath: "t.yaml")
        } catch {
            #expect(error.diagnostic.location.position == SourcePosition(line: 1, column: 10))
            #expect(error.diagnostic.code == "unreadable-file")
        }
    }

    @Test func aByteOrderMarkIsDropped() throws {
        let file = try SourceFile.decode(Data([0xEF, 0xBB, 0xBF] + Array("a: b\n".utf8)), displayPath: "t.yaml")
        #expect(file.text == "a: b\n")
    }

    @Test func yamsErrorTextNeverLeaksTheFile() {
        let secret = "sk-live-SECRET"
        let result = parse("a: [\"\(secret)\", \n  b: c\n")
        #expect(!result.diagnostics.isEmpty)
        #expect(!result.diagnostics.contains { $0.message.contains(secret) })
    }
}
