import MSRTerminal
import XCTest

final class StyleParserTests: XCTestCase {
    func testAttributesForegroundAndBackground() throws {
        XCTAssertEqual(try Style(parsing: "bold 214 on 235"),
                       Style(foreground: .indexed(214), background: .indexed(235), attributes: .bold))
        XCTAssertEqual(try Style(parsing: "bold underline yellow on black"),
                       Style(foreground: .ansi(.yellow), background: .ansi(.black), attributes: [.bold, .underline]))
        XCTAssertEqual(try Style(parsing: "  Dim  ITALIC  "), Style(attributes: [.dim, .italic]))
        XCTAssertEqual(try Style(parsing: "on 24"), Style(background: .indexed(24)))
        XCTAssertEqual(try Style(parsing: "default on default"), Style(foreground: .default, background: .default))
        XCTAssertEqual(try Style(parsing: "reverse"), Style(attributes: .reverse))
        XCTAssertEqual(try Style(parsing: "plain"), .plain)
        XCTAssertEqual(try Style(parsing: ""), .plain)
        XCTAssertEqual(try Style(parsing: "214 bold"), Style(foreground: .indexed(214), attributes: .bold))
    }

    func testColourNames() throws {
        XCTAssertEqual(try Style(parsing: "bright-red").foreground, .ansi(.brightRed))
        XCTAssertEqual(try Style(parsing: "brightred").foreground, .ansi(.brightRed))
        XCTAssertEqual(try Style(parsing: "bright_blue").foreground, .ansi(.brightBlue))
        XCTAssertEqual(try Style(parsing: "grey").foreground, .ansi(.brightBlack))
        XCTAssertEqual(try Style(parsing: "0").foreground, .indexed(0))
        XCTAssertEqual(try Style(parsing: "255").foreground, .indexed(255))
        XCTAssertEqual(try Style(parsing: "#ff0000").foreground, .indexed(196), "hex becomes the nearest palette entry")
        XCTAssertEqual(try Style(parsing: "#262626").foreground, .indexed(235))
    }

    func testDescriptionRoundTrips() throws {
        for text in ["bold 214 on 235", "dim italic bright-cyan", "on 24", "reverse", "plain", "default on black"] {
            XCTAssertEqual(try Style(parsing: text).description, text)
        }
    }

    func testErrorsSayWhatIsWrong() {
        XCTAssertThrowsError(try Style(parsing: "blod 214")) { error in
            XCTAssertEqual(error as? StyleParseError, .unknownWord("blod"))
            XCTAssertTrue("\(error)".contains("'blod' is neither an attribute"), "\(error)")
        }
        XCTAssertThrowsError(try Style(parsing: "300")) {
            XCTAssertEqual($0 as? StyleParseError, .indexOutOfRange("300"))
        }
        XCTAssertThrowsError(try Style(parsing: "bold on")) {
            XCTAssertEqual($0 as? StyleParseError, .missingBackground)
        }
        XCTAssertThrowsError(try Style(parsing: "red blue")) {
            XCTAssertEqual($0 as? StyleParseError, .twoForegrounds("red", "blue"))
        }
        XCTAssertThrowsError(try Style(parsing: "on red on blue")) {
            XCTAssertEqual($0 as? StyleParseError, .twoBackgrounds("red", "blue"))
        }
        XCTAssertThrowsError(try Style(parsing: "on black white")) {
            XCTAssertEqual($0 as? StyleParseError, .foregroundAfterBackground("white"))
        }
        XCTAssertThrowsError(try Style(parsing: "on bold")) {
            XCTAssertEqual($0 as? StyleParseError, .notABackground("bold"))
        }
        XCTAssertThrowsError(try Style(parsing: "#12345")) {
            XCTAssertEqual($0 as? StyleParseError, .badHexColor("#12345"))
        }
    }

    func testLayering() {
        let row = Style(foreground: .indexed(252), background: .indexed(235), attributes: .dim)
        let text = Style(foreground: .indexed(116), attributes: .bold)
        XCTAssertEqual(text.layered(over: row),
                       Style(foreground: .indexed(116), background: .indexed(235), attributes: [.bold, .dim]))
        XCTAssertEqual(Style.plain.layered(over: row), row)
    }
}
