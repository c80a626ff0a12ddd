import MSRTerminal

/// Breaks text into lines of at most a given display width, at spaces where it can: for help
/// descriptions and messages that must be read whole on a narrow screen.
enum TextWrap {
    /// The lines of `text` no wider than `width` columns; a word longer than a line is cut
    /// into pieces, so no line is ever wider.
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var w = word
            let candidate = line.isEmpty ? w : line + " " + w
            if DisplayWidth.of(candidate) <= width {
                line = candidate
                continue
            }
            if !line.isEmpty { out.append(line) }
            while DisplayWidth.of(w) > width {
                let head = DisplayWidth.prefix(of: w, width: width)
                guard !head.isEmpty else { return out }
                out.append(head)
                w = String(w.dropFirst(head.count))
            }
            line = w
        }
        if !line.isEmpty || out.isEmpty { out.append(line) }
        return out
    }
}
