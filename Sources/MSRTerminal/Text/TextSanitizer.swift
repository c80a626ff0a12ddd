/// One grapheme cluster as it goes on screen: safe to print, with its width in columns.
public struct DisplayGrapheme: Hashable, Sendable {
    /// What to print: the original cluster, or a visible stand-in for a control character.
    public var text: String
    /// Columns it takes: 1, or 2 for CJK and emoji.
    public var width: Int

    public init(_ text: String, width: Int) {
        self.text = text
        self.width = width
    }
}

/// Turns arbitrary text (database values, file names) into graphemes that are safe to print
/// and whose widths are known, so nothing a recording contains can move the cursor, change
/// the terminal's mode, or push a column out of line.
///
/// - a tab shows as `→` and a line break (LF, CR, CRLF, VT, FF, NEL, LS, PS) as `↵`, one column each;
/// - other C0 controls and DEL show as their Unicode control pictures (`␀`, `␛`, `␡`), C1
///   controls as `·`;
/// - invisible format characters standing alone (zero-width space, bidi overrides, BOM) are
///   dropped, so they can neither hide nor reorder text (one leading a cluster shows as `·`);
/// - a combining mark with nothing to attach to is shown on a dotted circle (`◌́`);
/// - every other cluster keeps its combining marks and is 1 or 2 columns wide (`DisplayWidth`).
public enum TextSanitizer {
    public static let tabSymbol = "→"
    public static let lineBreakSymbol = "↵"
    public static let c1ControlSymbol = "·"
    public static let markBase = "◌"

    /// The printable graphemes of `text`, in order.
    public static func graphemes(of text: String) -> [DisplayGrapheme] {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // Printable ASCII, the common case for table cells: one column per byte.
            return text.unicodeScalars.map { DisplayGrapheme(String($0), width: 1) }
        }
        var result: [DisplayGrapheme] = []
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let grapheme = sanitize(character) { result.append(grapheme) }
        }
        return result
    }

    /// Punctuation (`…`, `–`), arrows, mathematical operators (`∅`), box drawing, block
    /// elements and geometric shapes (`▶`, `●`): printable, one column, never combining.
    /// Three UTF-8 bytes mean the cluster is the one scalar.
    private static func isNarrowSymbol(_ value: UInt32) -> Bool {
        (0x2010 ... 0x2027).contains(value) || (0x2190 ... 0x22FF).contains(value) || (0x2500 ... 0x25FC).contains(value)
    }

    /// The printable form of one grapheme cluster; nil when it should not be shown at all.
    public static func sanitize(_ character: Character) -> DisplayGrapheme? {
        guard let first = character.unicodeScalars.first else { return nil }
        let value = first.value
        // Rules, blocks, shapes, arrows and the like, which the console draws all the time,
        // are printable and one column wide: no need to look up their properties.
        if character.utf8.count == 3, isNarrowSymbol(value) { return DisplayGrapheme(String(character), width: 1) }
        if character == "\t" { return DisplayGrapheme(tabSymbol, width: 1) }
        if character.isNewline { return DisplayGrapheme(lineBreakSymbol, width: 1) }
        if value < 0x20 || value == 0x7F {
            let picture = Unicode.Scalar(value == 0x7F ? 0x2421 : 0x2400 + value) ?? "?"
            return DisplayGrapheme(String(picture), width: 1)
        }
        if (0x80 ... 0x9F).contains(value) { return DisplayGrapheme(c1ControlSymbol, width: 1) }
        switch first.properties.generalCategory {
        case .format, .control, .lineSeparator, .paragraphSeparator, .surrogate:
            // Alone it is invisible; leading a cluster (a prepended mark) its width is
            // anyone's guess, so show that something is there.
            return character.unicodeScalars.count > 1 ? DisplayGrapheme(c1ControlSymbol, width: 1) : nil
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return DisplayGrapheme(markBase + String(character), width: 1)
        default:
            if first.properties.isVariationSelector { return nil }
            return DisplayGrapheme(String(character), width: DisplayWidth.clusterWidth(character))
        }
    }
}
