import MSRTerminal

/// Text from a source (table and column names, labels, error details, file names) made safe
/// for a terminal: controls and escape sequences become visible stand-ins (`TextSanitizer`), so
/// nothing a recording or an input holds can move the cursor or set the terminal's title.
///
/// Only for text meant for people; CSV and NDJSON keep every byte.
enum TerminalText {
    /// `text` on one line, every control shown as a visible stand-in.
    static func safe(_ text: String) -> String {
        TextSanitizer.graphemes(of: text).map(\.text).joined()
    }

    /// `text` with line breaks kept, everything else as in `safe`: for whole messages.
    static func safeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { safe(String($0)) }.joined(separator: "\n")
    }
}
