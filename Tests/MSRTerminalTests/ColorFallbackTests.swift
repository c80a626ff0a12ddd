@testable import MSRTerminal
import XCTest

final class ColorFallbackTests: XCTestCase {
    func testColourSupportFromTheTerminal() {
        XCTAssertEqual(ColorSupport(colorCount: 256), .indexed256)
        XCTAssertEqual(ColorSupport(colorCount: 16_777_216), .indexed256)
        XCTAssertEqual(ColorSupport(colorCount: 16), .ansi16)
        XCTAssertEqual(ColorSupport(colorCount: 8), .ansi8)
        XCTAssertEqual(ColorSupport(colorCount: 0), ColorSupport.none)
    }

    func testIndexedColoursBecomeTheNearestOf16Or8() {
        XCTAssertEqual(Color.indexed(214).adapted(to: .ansi16), .ansi(.brightYellow))
        XCTAssertEqual(Color.indexed(214).adapted(to: .ansi8), .ansi(.yellow))
        XCTAssertEqual(Color.indexed(24).adapted(to: .ansi16), .ansi(.cyan), "hue is kept, not RGB distance")
        XCTAssertEqual(Color.indexed(60).adapted(to: .ansi16), .ansi(.blue))
        XCTAssertEqual(Color.indexed(22).adapted(to: .ansi16), .ansi(.green))
        XCTAssertEqual(Color.indexed(244).adapted(to: .ansi16), .ansi(.brightBlack))
        XCTAssertEqual(Color.indexed(244).adapted(to: .ansi8), .ansi(.white))
        XCTAssertEqual(Color.indexed(196).adapted(to: .ansi16), .ansi(.brightRed))
        XCTAssertEqual(Color.indexed(196).adapted(to: .ansi8), .ansi(.red))
        XCTAssertEqual(Color.indexed(235).adapted(to: .ansi16), .ansi(.black))
        XCTAssertEqual(Color.indexed(252).adapted(to: .ansi16), .ansi(.white))
        XCTAssertEqual(Color.indexed(231).adapted(to: .ansi16), .ansi(.brightWhite))
        XCTAssertEqual(Color.indexed(4).adapted(to: .ansi16), .ansi(.blue), "the first 16 indices are the ANSI colours")
        XCTAssertEqual(Color.indexed(12).adapted(to: .ansi8), .ansi(.blue))
        XCTAssertEqual(Color.ansi(.cyan).adapted(to: .indexed256), .ansi(.cyan))
        XCTAssertEqual(Color.default.adapted(to: .ansi8), .default)
        XCTAssertNil(Color.indexed(214).adapted(to: .none))
    }

    func testBrightForegroundsOnEightColoursBecomeBold() {
        XCTAssertEqual(Style(foreground: .ansi(.brightBlack)).adapted(to: .ansi8),
                       Style(foreground: .ansi(.black), attributes: .bold))
        XCTAssertEqual(Style(foreground: .indexed(231), background: .ansi(.brightBlue)).adapted(to: .ansi8),
                       Style(foreground: .ansi(.white), background: .ansi(.blue), attributes: .bold))
        XCTAssertEqual(Style(foreground: .ansi(.brightBlack)).adapted(to: .ansi16), Style(foreground: .ansi(.brightBlack)))
        let eightColours = BuiltInThemes.defaultTheme.adapted(to: .ansi8)
        XCTAssertEqual(eightColours[.header], try Style(parsing: "bold white on blue"))
    }

    func testCursesNumbersForEachSupport() {
        let style = Style(foreground: .indexed(196), background: .indexed(24), attributes: .underline)
        XCTAssertEqual(CursesColorMapping.resolve(style, support: .indexed256),
                       CursesStyle(foreground: 196, background: 24, attributes: .underline))
        XCTAssertEqual(CursesColorMapping.resolve(style, support: .ansi16),
                       CursesStyle(foreground: 9, background: 6, attributes: .underline))
        XCTAssertEqual(CursesColorMapping.resolve(style, support: .ansi8),
                       CursesStyle(foreground: 1, background: 6, attributes: [.underline, .bold]),
                       "a bright foreground on 8 colours is its normal colour in bold")
        XCTAssertEqual(CursesColorMapping.resolve(style, support: .none),
                       CursesStyle(foreground: -1, background: -1, attributes: .underline))
        XCTAssertEqual(CursesColorMapping.resolve(.plain, support: .indexed256),
                       CursesStyle(foreground: -1, background: -1, attributes: []))
    }

    func testColourPairsAreAllocatedOnceAndDefaultIsPairZero() {
        var pairs = ColorPairAllocator(limit: 4, defaultColors: (-1, -1))
        XCTAssertEqual(pairs.pair(foreground: -1, background: -1).pair, 0)
        XCTAssertEqual(pairs.pair(foreground: 214, background: 235).pair, 1)
        XCTAssertEqual(pairs.pair(foreground: 214, background: 235).isNew, false)
        XCTAssertEqual(pairs.pair(foreground: 235, background: 214).pair, 2)
        XCTAssertEqual(pairs.pair(foreground: -1, background: 24).pair, 3)
        XCTAssertEqual(pairs.pair(foreground: 1, background: 2).pair, 0, "when pairs run out, default colours")
        XCTAssertEqual(pairs.allocatedCount, 3)
    }

    func testGlyphsAreWrittenSoTheCLibraryMeasuresThemAsTheBufferDoes() {
        let glibc: (UInt32) -> Int = { scalar in
            switch scalar {
            case 0x301, 0x200D, 0xFE0F: return 0
            case 0x6F22, 0x1F600, 0x1F468, 0x1F469: return 2
            default: return 1
            }
        }
        func glyph(_ text: String) -> CursesGlyph {
            var buffer = ScreenBuffer(width: 4, height: 1)
            buffer.put(text, x: 0, y: 0)
            return CursesGlyph.make(for: buffer[0, 0], measure: glibc)
        }
        XCTAssertEqual(glyph("a"), CursesGlyph(scalars: [0x61], trailing: []))
        XCTAssertEqual(glyph("e\u{301}"), CursesGlyph(scalars: [0x65, 0x301], trailing: []))
        XCTAssertEqual(glyph("漢"), CursesGlyph(scalars: [0x6F22], trailing: []))
        XCTAssertEqual(glyph("☀️"), CursesGlyph(scalars: [0x2600], trailing: [0x20]), "glibc says 1: pad")
        XCTAssertEqual(glyph("🇫🇷"), CursesGlyph(scalars: [0x46], trailing: [0x52]), "a flag as its letters")
        XCTAssertEqual(glyph("👨‍👩"), CursesGlyph(scalars: [0x1F468], trailing: []), "only the first of a ZWJ family")
        XCTAssertEqual(CursesGlyph.make(for: glyphCell("漢"), measure: { _ in -1 }),
                       CursesGlyph(scalars: [0x3F], trailing: [0x20]), "unprintable in this locale: ? padded")
    }

    private func glyphCell(_ text: String) -> Cell {
        var buffer = ScreenBuffer(width: 2, height: 1)
        buffer.put(text, x: 0, y: 0)
        return buffer[0, 0]
    }
}
