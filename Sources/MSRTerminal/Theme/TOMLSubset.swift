/// The part of TOML that theme files use, and nothing more: `[table]` headers, `key = "string"`
/// (or `'literal'`) entries, comments and blank lines.
///
/// A dependency-free parser of a few dozen lines is easier to trust than a full TOML library
/// for files this simple; anything outside the subset is an error naming its line, never
/// silently misread.
public struct TOMLSubset: Hashable, Sendable {
    /// One `key = "value"` line.
    public struct Entry: Hashable, Sendable {
        /// The table it is in ("" before the first table header).
        public let table: String
        public let key: String
        public let value: String
        /// 1-based line number in the file.
        public let line: Int
    }

    /// Entries in file order.
    public private(set) var entries: [Entry] = []
    /// Each table header and its line, in file order.
    public private(set) var tables: [(name: String, line: Int)] = []

    public static func == (lhs: TOMLSubset, rhs: TOMLSubset) -> Bool {
        lhs.entries == rhs.entries && lhs.tables.map(\.name) == rhs.tables.map(\.name)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

    /// The entries of one table.
    public func entries(in table: String) -> [Entry] { entries.filter { $0.table == table } }

    /// Parses `text`; the first line outside the subset is reported with its number.
    public static func parse(_ text: String) throws(TOMLSubsetError) -> TOMLSubset {
        var document = TOMLSubset()
        var table = ""
        var seen: Set<String> = []
        // "\r\n" is one Character in Swift, so both line ends are named.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, line) in lines.enumerated() {
            let number = index + 1
            var scanner = LineScanner(line, line: number)
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                table = try scanner.tableHeader()
                guard !document.tables.contains(where: { $0.name == table }) else {
                    throw TOMLSubsetError(line: number, key: nil, message: "the table [\(table)] appears twice")
                }
                document.tables.append((table, number))
                continue
            }
            let key = try scanner.key()
            scanner.skipSpaces()
            guard scanner.take("=") else {
                throw TOMLSubsetError(line: number, key: key, message: "expected '=' after the key")
            }
            scanner.skipSpaces()
            let value = try scanner.string(for: key)
            scanner.skipSpaces()
            guard scanner.atEndOrComment else {
                throw TOMLSubsetError(line: number, key: key, message: "unexpected text after the closing quote")
            }
            guard seen.insert(table + "\u{0}" + key).inserted else {
                let place = table.isEmpty ? "" : " in [\(table)]"
                throw TOMLSubsetError(line: number, key: key, message: "the key is set twice\(place)")
            }
            document.entries.append(Entry(table: table, key: key, value: value, line: number))
        }
        return document
    }
}

/// A line of a theme file that is not in the TOML subset: where, which key, and what is wrong.
public struct TOMLSubsetError: Error, Hashable, Sendable {
    public let line: Int
    public let key: String?
    public let message: String
}
