import MSRTerminal
import MSRTestSupport
import XCTest

final class ThemeLoaderTests: XCTestCase {
    private let shippedThemes = repositoryRoot.appendingPathComponent("themes").path

    private func loader(themesDirectory: String?, extra: [String: String] = [:]) -> ThemeLoader {
        var environment = extra
        if let themesDirectory { environment[ThemeLocator.environmentVariable] = themesDirectory }
        return ThemeLoader(environment: environment, executablePath: nil)
    }

    func testANameIsLookedUpInTheThemesDirectory() throws {
        let theme = try loader(themesDirectory: shippedThemes).theme("dark")
        XCTAssertEqual(theme.name, "dark")
        XCTAssertEqual(theme.source, shippedThemes + "/dark.toml")
        XCTAssertEqual(theme[.header], try Style(parsing: "bold 231 on 24"))
    }

    func testAPathIsReadDirectly() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("mine.toml")
        try "[roles]\nplayhead = \"bold 16 on 51\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let theme = try loader(themesDirectory: nil).theme(path)
        XCTAssertEqual(theme.name, "mine")
        XCTAssertEqual(theme[.playhead], try Style(parsing: "bold 16 on 51"))
        XCTAssertEqual(theme[.header], BuiltInThemes.defaultTheme[.header], "roles left out come from the default")
        XCTAssertEqual(theme.style(.playhead, for: .ansi16), try Style(parsing: "bold black on bright-cyan"),
                       "a role the file sets derives its fallback from the file, not the default")
    }

    func testABrokenThemeIsReportedByFileLineAndKeyAndTheDefaultIsUsed() throws {
        let directory = TemporaryDirectory()
        try """
            # my theme
            name = "broken"

            [roles]
            header = "bold 214 on 235"
            playhead = "blod 16 on 214"
            """.write(toFile: directory.path("broken.toml"), atomically: true, encoding: .utf8)
        let result = loader(themesDirectory: directory.url.path).load("broken")
        XCTAssertEqual(result.theme, BuiltInThemes.defaultTheme)
        let error = try XCTUnwrap(result.error)
        XCTAssertEqual(error.file, directory.path("broken.toml"))
        XCTAssertEqual(error.line, 6)
        XCTAssertEqual(error.key, "playhead")
        XCTAssertEqual(error.description, "the theme file \(directory.path("broken.toml")) has an error on line 6, "
            + "key 'playhead': 'blod' is neither an attribute (bold, dim, italic, underline, reverse) "
            + "nor a colour (a name such as yellow or bright-blue, 0-255, #rrggbb or default)")
        XCTAssertEqual(result.warning, "\(error); using the default theme")
    }

    func testUnknownRolesAndTablesAreErrorsWithSuggestions() {
        XCTAssertThrowsError(try ThemeLoader.theme(parsing: "[roles]\nplayhaed = \"bold\"", file: "t.toml", name: "t")) {
            let error = $0 as? ThemeError
            XCTAssertEqual(error?.line, 2)
            XCTAssertEqual(error?.key, "playhaed")
            XCTAssertTrue("\($0)".hasSuffix("'playhaed' is not a UI role; did you mean 'playhead'?"), "\($0)")
        }
        XCTAssertThrowsError(try ThemeLoader.theme(parsing: "[colors]\n", file: "t.toml", name: "t")) {
            XCTAssertEqual(($0 as? ThemeError)?.line, 1)
            XCTAssertTrue("\($0)".contains("[colors] is not a table of theme files"), "\($0)")
        }
        XCTAssertThrowsError(try ThemeLoader.theme(parsing: "header = \"bold\"", file: "t.toml", name: "t")) {
            XCTAssertEqual(($0 as? ThemeError)?.key, "header")
            XCTAssertTrue("\($0)".contains("styles go in [roles] or [fallback]"), "\($0)")
        }
    }

    func testCamelCaseKeysAreAccepted() throws {
        let theme = try ThemeLoader.theme(parsing: "[roles]\ngridAltRow = \"on 236\"", file: "t.toml", name: "t")
        XCTAssertEqual(theme[.gridAltRow], Style(background: .indexed(236)))
    }

    func testMissingThemesAndFiles() {
        let result = loader(themesDirectory: shippedThemes).load("solarized")
        XCTAssertEqual(result.theme, BuiltInThemes.defaultTheme)
        XCTAssertEqual(result.error, .notFound(name: "solarized", directory: shippedThemes,
                                               available: ["dark", "default", "high-contrast", "light", "monochrome"]))
        XCTAssertThrowsError(try loader(themesDirectory: nil).theme("/no/such/theme.toml")) {
            XCTAssertEqual($0 as? ThemeError, .unreadable(file: "/no/such/theme.toml", reason: "there is no such file"))
        }
        XCTAssertThrowsError(try loader(themesDirectory: nil).theme("dark")) {
            XCTAssertTrue("\($0)".contains("no themes directory was found"), "\($0)")
        }
    }

    func testBuiltInThemesNeedNoDirectory() throws {
        let loader = loader(themesDirectory: nil)
        XCTAssertEqual(try loader.theme("default"), BuiltInThemes.defaultTheme)
        XCTAssertEqual(try loader.theme("monochrome"), BuiltInThemes.monochrome)
        XCTAssertEqual(loader.load(nil).theme.source, "built-in")
        XCTAssertNil(loader.load(nil).error)
        XCTAssertEqual(loader.availableThemes(), ["default", "monochrome"])
    }

    func testThemesDirectoryLookupOrder() {
        let files: Set<String> = ["/opt/msr/share/msr/themes/default.toml", "/src/msr/themes/default.toml"]
        let exists = { (path: String) in files.contains(path) }
        XCTAssertEqual(ThemeLocator.themesDirectory(
            environment: ["MSR_THEMES_DIR": "/etc/msr/themes"], executablePath: "/opt/msr/bin/msr", fileExists: exists),
            "/etc/msr/themes")
        XCTAssertEqual(ThemeLocator.themesDirectory(
            environment: ["MSR_THEMES_DIR": ""], executablePath: "/opt/msr/bin/msr", fileExists: exists),
            "/opt/msr/share/msr/themes")
        XCTAssertEqual(ThemeLocator.themesDirectory(
            environment: [:], executablePath: "/src/msr/.build/release/msr", fileExists: exists),
            "/src/msr/themes")
        XCTAssertNil(ThemeLocator.themesDirectory(environment: [:], executablePath: "/usr/bin/msr", fileExists: exists))
        XCTAssertNil(ThemeLocator.themesDirectory(environment: [:], executablePath: nil, fileExists: exists))
    }

    func testTheTestBinaryFindsTheCheckoutsThemes() {
        let loader = ThemeLoader(environment: [:])
        XCTAssertEqual(loader.themesDirectory.map { URL(fileURLWithPath: $0).standardized.path }, shippedThemes)
    }
}
