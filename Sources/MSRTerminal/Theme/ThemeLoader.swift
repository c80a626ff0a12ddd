import Foundation

/// The theme the console should use, and why it is not the one asked for when it is not.
public struct ThemeLoadResult: Hashable, Sendable {
    public let theme: Theme
    /// What went wrong with the requested theme; the console shows it and goes on with the
    /// default theme.
    public let error: ThemeError?

    /// The message for the status line: the problem, and that the default is used instead.
    public var warning: String? {
        error.map { "\($0); using the default theme" }
    }
}

/// Loads themes for `--theme NAME|PATH`.
///
/// A NAME (letters, digits, `-`, `_`) is looked up as `NAME.toml` in the themes directory
/// (`ThemeLocator`); anything with a `/` or ending in `.toml` is a path read directly. The
/// default and monochrome themes are also built in, so they load without any directory.
public struct ThemeLoader: Sendable {
    public var environment: [String: String]
    public var executablePath: String?

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = ThemeLocator.currentExecutablePath()
    ) {
        self.environment = environment
        self.executablePath = executablePath
    }

    /// The themes directory in use, nil when only built-in themes are available.
    public var themesDirectory: String? {
        ThemeLocator.themesDirectory(environment: environment, executablePath: executablePath)
    }

    /// The names `--theme` accepts: the directory's `*.toml` files and the built-in themes.
    public func availableThemes() -> [String] {
        var names = Set(BuiltInThemes.names)
        if let directory = themesDirectory,
           let files = try? FileManager.default.contentsOfDirectory(atPath: directory) {
            for file in files where file.hasSuffix(".toml") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }

    /// The theme `selection` names (nil: the default), falling back to the built-in default
    /// with the reason when it cannot be used, so the console always starts. Under NO_COLOR,
    /// or when `support` is given, the theme comes adapted to it.
    public func load(_ selection: String?, for support: ColorSupport? = nil) -> ThemeLoadResult {
        var result: ThemeLoadResult
        do {
            result = ThemeLoadResult(theme: try theme(selection ?? "default"), error: nil)
        } catch {
            result = ThemeLoadResult(theme: BuiltInThemes.defaultTheme, error: error)
        }
        let noColor = ColorSupport.isNoColorRequested(environment)
        if noColor || support != nil {
            result = ThemeLoadResult(theme: result.theme.adapted(to: noColor ? .none : support ?? .indexed256),
                                     error: result.error)
        }
        return result
    }

    /// The theme `selection` names or points to; throws what is wrong with it.
    public func theme(_ selection: String) throws(ThemeError) -> Theme {
        if selection.contains("/") || selection.hasSuffix(".toml") {
            return try Self.theme(fromFile: selection)
        }
        let directory = themesDirectory
        if let directory {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(selection + ".toml").path
            if FileManager.default.fileExists(atPath: path) { return try Self.theme(fromFile: path) }
        }
        if let builtIn = BuiltInThemes.named(selection) { return builtIn }
        throw .notFound(name: selection, directory: directory, available: availableThemes())
    }

    /// The theme in the file at `path`; roles it leaves out come from the default theme.
    public static func theme(fromFile path: String) throws(ThemeError) -> Theme {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "there is no such file")
        }
        guard !isDirectory.boolValue else { throw .unreadable(file: path, reason: "it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: path, reason: "it is not UTF-8 text")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try theme(parsing: text, file: path, name: name)
    }

    /// The theme a theme file's `text` describes; `file` is named in errors.
    public static func theme(parsing text: String, file: String, name: String) throws(ThemeError) -> Theme {
        let parsed = try ThemeFile.parse(text, file: file)
        return Theme(file: parsed, name: name, source: file, base: BuiltInThemes.defaultTheme)
    }
}
