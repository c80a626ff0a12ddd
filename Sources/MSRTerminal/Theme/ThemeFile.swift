/// The contents of one theme file, checked: which roles it styles, for 256 colours and for
/// 8/16 colours. See any file in `themes/` for the format, described in its opening comment.
///
///     name = "dark"
///     description = "Light text on a dark background of its own."
///     [roles]
///     header = "bold 231 on 24"
///     [fallback]
///     header = "bold bright-white on blue"
public struct ThemeFile: Hashable, Sendable {
    public var name: String?
    public var description: String?
    /// Styles for 256-colour terminals.
    public var roles: [UIRole: Style]
    /// Styles for 8/16-colour terminals; a role missing here is derived from `roles`.
    public var fallback: [UIRole: Style]

    public static let rolesTable = "roles"
    public static let fallbackTable = "fallback"

    /// Parses and checks a theme file's text; `file` is only used in error messages.
    public static func parse(_ text: String, file: String) throws(ThemeError) -> ThemeFile {
        let document: TOMLSubset
        do {
            document = try TOMLSubset.parse(text)
        } catch {
            throw .invalid(file: file, line: error.line, key: error.key, problem: error.message)
        }
        for table in document.tables where table.name != rolesTable && table.name != fallbackTable {
            throw .invalid(file: file, line: table.line, key: nil,
                           problem: "[\(table.name)] is not a table of theme files; use [roles] and [fallback]")
        }
        var result = ThemeFile(roles: [:], fallback: [:])
        for entry in document.entries {
            switch entry.table {
            case "":
                switch entry.key {
                case "name": result.name = entry.value
                case "description": result.description = entry.value
                default:
                    let problem = "only name and description go before [roles]; styles go in [roles] or [fallback]"
                    throw .invalid(file: file, line: entry.line, key: entry.key, problem: problem)
                }
            default:
                let (role, style) = try styleEntry(entry, file: file)
                if entry.table == rolesTable { result.roles[role] = style } else { result.fallback[role] = style }
            }
        }
        return result
    }

    private static func styleEntry(_ entry: TOMLSubset.Entry, file: String) throws(ThemeError) -> (UIRole, Style) {
        guard let role = UIRole(key: entry.key) else {
            throw .invalid(file: file, line: entry.line, key: entry.key, problem: unknownRoleProblem(entry.key))
        }
        do {
            return (role, try StyleParser.parse(entry.value))
        } catch {
            throw .invalid(file: file, line: entry.line, key: entry.key, problem: error.description)
        }
    }

    private static func unknownRoleProblem(_ key: String) -> String {
        let closest = UIRole.allCases.min { distance(key, $0.key) < distance(key, $1.key) }
        if let closest, distance(key, closest.key) <= 3 {
            return "'\(key)' is not a UI role; did you mean '\(closest.key)'?"
        }
        return "'\(key)' is not a UI role; the roles are " + UIRole.allCases.map(\.key).joined(separator: ", ")
    }

    /// Edit distance between two keys (ignoring case, `_` and `-`), to suggest the role meant.
    static func distance(_ first: String, _ second: String) -> Int {
        let a = Array(UIRole.normalized(first))
        let b = Array(UIRole.normalized(second))
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0 ... b.count)
        for i in 1 ... a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1 ... b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
