import MSRTerminal
import XCTest

final class TOMLSubsetTests: XCTestCase {
    func testTablesKeysStringsAndComments() throws {
        let document = try TOMLSubset.parse("""
            # a comment
            name = "dark"   # trailing comment

            [roles]
            header = "bold 214 on 235"
            "grid text" = 'literal \\ kept'
            escaped = "tab\\t quote\\" \\u00e9"
              [ fallback ]\r
            header="bold yellow"
            """)
        XCTAssertEqual(document.tables.map(\.name), ["roles", "fallback"])
        XCTAssertEqual(document.entries.map(\.key), ["name", "header", "grid text", "escaped", "header"])
        XCTAssertEqual(document.entries.map(\.table), ["", "roles", "roles", "roles", "fallback"])
        XCTAssertEqual(document.entries.map(\.line), [2, 5, 6, 7, 9])
        XCTAssertEqual(document.entries[2].value, "literal \\ kept")
        XCTAssertEqual(document.entries[3].value, "tab\t quote\" é")
        XCTAssertEqual(document.entries(in: "fallback").first?.value, "bold yellow")
    }

    func testErrorsNameTheLineAndKey() {
        let cases: [(text: String, line: Int, key: String?, message: String)] = [
            ("a = \"x\"\nb = 42", 2, "b", "the value must be a quoted string"),
            ("[roles]\nheader = \"bold", 2, "header", "no closing"),
            ("[roles]\nheader \"bold\"", 2, "header", "expected '='"),
            ("[roles]\nheader = \"x\" y", 2, "header", "unexpected text"),
            ("[roles]\na = \"x\"\na = \"y\"", 3, "a", "set twice in [roles]"),
            ("[roles]\n[roles]", 2, nil, "appears twice"),
            ("[roles.extra]", 1, nil, "nested tables"),
            ("[[roles]]", 1, nil, "arrays of tables"),
            ("[roles", 1, nil, "expected ']'"),
            ("= \"x\"", 1, nil, "expected a key"),
            ("a = \"\\q\"", 1, "a", "unknown escape"),
        ]
        for example in cases {
            XCTAssertThrowsError(try TOMLSubset.parse(example.text), example.text) { error in
                guard let error = error as? TOMLSubsetError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.line, example.line, example.text)
                XCTAssertEqual(error.key, example.key, example.text)
                XCTAssertTrue(error.message.contains(example.message), "\(example.text): \(error.message)")
            }
        }
    }
}
