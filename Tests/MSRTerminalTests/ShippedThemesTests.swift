import MSRTerminal
import XCTest

/// Every theme in `themes/` is complete, parses, and keeps its roles apart.
final class ShippedThemesTests: XCTestCase {
    private let themesDirectory = repositoryRoot.appendingPathComponent("themes")
    private let required = ["default", "dark", "light", "high-contrast", "monochrome"]

    private func shippedFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: themesDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "toml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func testTheRequiredThemesShip() throws {
        let names = try shippedFiles().map { $0.deletingPathExtension().lastPathComponent }
        for name in required {
            XCTAssertTrue(names.contains(name), "themes/\(name).toml is missing")
        }
    }

    func testEveryShippedThemeParsesAndDefinesEveryRole() throws {
        for url in try shippedFiles() {
            let name = url.lastPathComponent
            let file = try ThemeFile.parse(String(contentsOf: url, encoding: .utf8), file: url.path)
            let missing = UIRole.allCases.filter { file.roles[$0] == nil }.map(\.key)
            XCTAssertEqual(missing, [], "\(name) [roles] lacks roles")
            XCTAssertEqual(file.name, url.deletingPathExtension().lastPathComponent, "\(name) name")
            XCTAssertNotNil(file.description, "\(name) description")
            let usesColour = file.roles.values.contains { $0.foreground != nil || $0.background != nil }
            if usesColour {
                let missingFallback = UIRole.allCases.filter { file.fallback[$0] == nil }.map(\.key)
                XCTAssertEqual(missingFallback, [], "\(name) [fallback] lacks roles")
                let tooManyColours = file.fallback.filter { _, style in
                    [style.foreground, style.background].contains { color in
                        if case .indexed? = color { return true }
                        return false
                    }
                }
                XCTAssertEqual(tooManyColours.keys.map(\.key), [], "\(name) [fallback] must use the 16 named colours")
            }
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("# msr theme: "), "\(name) opening comment")
        }
    }

    func testChangeHighlightsAreDistinctInEveryThemeAndSupport() throws {
        for url in try shippedFiles() {
            let theme = try ThemeLoader.theme(fromFile: url.path)
            for support in [ColorSupport.indexed256, .ansi16, .ansi8, .none] {
                let adapted = theme.adapted(to: support)
                let highlights: [UIRole] = [.inserted, .updated, .deleted, .selectedRow, .gridText]
                let styles = highlights.map { adapted[$0] }
                XCTAssertEqual(Set(styles).count, highlights.count,
                               "\(url.lastPathComponent) on \(support): inserted/updated/deleted/selected/text look alike")
                XCTAssertNotEqual(adapted[.playhead], adapted[.timeline], "\(url.lastPathComponent) on \(support)")
            }
        }
    }

    func testTheBuiltInCopiesMatchTheFiles() throws {
        for (name, builtIn) in [("default", BuiltInThemes.defaultTheme), ("monochrome", BuiltInThemes.monochrome)] {
            let fromFile = try ThemeLoader.theme(fromFile: themesDirectory.appendingPathComponent("\(name).toml").path)
            XCTAssertEqual(builtIn.styles, fromFile.styles,
                           "BuiltInThemes.swift is out of date: paste themes/\(name).toml into it")
            XCTAssertEqual(builtIn.fallbackStyles, fromFile.fallbackStyles,
                           "BuiltInThemes.swift is out of date: paste themes/\(name).toml into it")
            XCTAssertEqual(builtIn.source, "built-in")
        }
    }

    /// Text roles meet WCAG AA contrast (4.5:1) against their own background or the theme's,
    /// on 256-colour terminals where the colours are known. Decorative roles (frames, the
    /// timeline track, the buffer bar) may be quieter.
    func testTextIsReadable() throws {
        let textRoles: [UIRole] = [
            .header, .headerAccent, .status, .gridHeader, .gridHeaderSorted, .gridText, .keyColumn, .selectedRow,
            .inserted, .updated, .deleted, .number, .timestamp, .timelineLabel, .playhead, .hint, .hintKey,
            .help, .helpKey, .helpTitle, .paneTitle, .paneTitleFocused, .error, .warning, .prompt,
        ]
        for url in try shippedFiles() {
            let theme = try ThemeLoader.theme(fromFile: url.path)
            let base = theme[.background]
            for role in textRoles {
                let style = theme[role].layered(over: base)
                guard let foreground = style.foreground?.paletteIndex, let background = style.background?.paletteIndex
                else { continue }
                let ratio = contrast(foreground, background)
                XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(url.lastPathComponent) \(role.key): \(style)")
            }
        }
    }

    private func contrast(_ first: Int, _ second: Int) -> Double {
        func luminance(_ index: Int) -> Double {
            let rgb = ColorPalette.rgb(index)
            let channels = [rgb.red, rgb.green, rgb.blue].map { value -> Double in
                let scaled = Double(value) / 255
                return scaled <= 0.03928 ? scaled / 12.92 : pow((scaled + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
