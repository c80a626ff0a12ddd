import MSRTerminal
import XCTest

/// NO_COLOR (https://no-color.org): colours dropped, attributes kept, roles still told apart.
final class NoColorTests: XCTestCase {
    func testNoColorIsSetOnlyWhenNotEmpty() {
        XCTAssertTrue(ColorSupport.isNoColorRequested(["NO_COLOR": "1"]))
        XCTAssertTrue(ColorSupport.isNoColorRequested(["NO_COLOR": "0"]), "any value counts")
        XCTAssertFalse(ColorSupport.isNoColorRequested(["NO_COLOR": ""]))
        XCTAssertFalse(ColorSupport.isNoColorRequested([:]))
        XCTAssertEqual(ColorSupport.detect(colorCount: 256, environment: ["NO_COLOR": "yes"]), ColorSupport.none)
        XCTAssertEqual(ColorSupport.detect(colorCount: 256, environment: [:]), .indexed256)
    }

    func testTheLoadedThemeHasNoColoursButKeepsAttributes() throws {
        let shipped = repositoryRoot.appendingPathComponent("themes").path
        let loader = ThemeLoader(environment: ["NO_COLOR": "1", ThemeLocator.environmentVariable: shipped],
                                 executablePath: nil)
        let theme = loader.load("dark", for: .indexed256).theme
        XCTAssertEqual(theme.colorSupport, ColorSupport.none)
        for role in UIRole.allCases {
            XCTAssertNil(theme[role].foreground, "\(role)")
            XCTAssertNil(theme[role].background, "\(role)")
        }
        XCTAssertTrue(theme[.header].attributes.contains(.bold), "dark's own bold header stays bold")
        XCTAssertTrue(theme[.selectedRow].attributes.contains(.reverse), "the monochrome attributes keep it visible")
        XCTAssertNotEqual(theme[.inserted], theme[.updated])
        XCTAssertNotEqual(theme[.updated], theme[.deleted])
    }

    func testWithoutNoColorTheThemeKeepsItsColours() {
        let loader = ThemeLoader(environment: [:], executablePath: nil)
        XCTAssertEqual(loader.load(nil).theme[.header], BuiltInThemes.defaultTheme.styles[.header])
        XCTAssertEqual(loader.load(nil, for: .ansi8).theme.colorSupport, .ansi8)
    }

    func testAdaptingDropsColoursFromStyles() {
        let style = Style(foreground: .indexed(214), background: .ansi(.blue), attributes: [.bold, .underline])
        XCTAssertEqual(style.adapted(to: .none), Style(attributes: [.bold, .underline]))
    }

    func testNoColorFrameOnTheInMemorySurface() {
        let theme = BuiltInThemes.defaultTheme.adapted(to: .none)
        let surface = InMemorySurface(width: 12, height: 2)
        var frame = surface.makeBuffer()
        frame.fill(Rect(x: 0, y: 0, width: 12, height: 1), style: theme[.header])
        frame.put("msr ▶ 1x", x: 1, y: 0, style: theme[.headerAccent])
        frame.put("42", x: 0, y: 1, style: theme[.inserted])
        surface.present(frame)
        assertScreen(surface, [" msr ▶ 1x", "42"])
        XCTAssertEqual(surface.style(at: 0, 0), Style(attributes: [.bold, .reverse]))
        XCTAssertEqual(surface.style(at: 1, 0), Style(attributes: [.bold, .underline, .reverse]))
        XCTAssertEqual(surface.style(at: 0, 1), Style(attributes: .bold))
    }
}
