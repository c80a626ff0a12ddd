/// Why a theme could not be used, in one sentence naming the file, line and key. The console
/// shows it and starts with the default theme (`ThemeLoader.load`).
public enum ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `--theme NAME` names no theme in the themes directory.
    case notFound(name: String, directory: String?, available: [String])
    /// The theme file could not be read.
    case unreadable(file: String, reason: String)
    /// A line of the theme file is wrong.
    case invalid(file: String, line: Int, key: String?, problem: String)

    /// The theme file at fault, if there is one.
    public var file: String? {
        switch self {
        case .notFound: return nil
        case .unreadable(let file, _), .invalid(let file, _, _, _): return file
        }
    }

    /// The 1-based line at fault, if the file was read.
    public var line: Int? {
        if case .invalid(_, let line, _, _) = self { return line }
        return nil
    }

    /// The key on that line, when the problem is in an entry.
    public var key: String? {
        if case .invalid(_, _, let key, _) = self { return key }
        return nil
    }

    public var description: String {
        switch self {
        case .notFound(let name, let directory, let available):
            let place = directory.map { " in \($0)" } ?? " (no themes directory was found)"
            return "there is no theme named '\(name)'\(place); available: \(available.joined(separator: ", "))"
        case .unreadable(let file, let reason):
            return "the theme file \(file) cannot be read: \(reason)"
        case .invalid(let file, let line, let key, let problem):
            let entry = key.map { ", key '\($0)'" } ?? ""
            return "the theme file \(file) has an error on line \(line)\(entry): \(problem)"
        }
    }
}
