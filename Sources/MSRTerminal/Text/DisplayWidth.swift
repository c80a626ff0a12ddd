/// Measures text in terminal columns, the unit every layout in the console is done in.
///
/// A string's width is the sum of its sanitised graphemes' widths (see `TextSanitizer`), so
/// `DisplayWidth.of(text)` is exactly the number of columns `ScreenBuffer.put` uses for it.
public enum DisplayWidth {
    /// The columns `text` takes on screen.
    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var width = 0
        for character in text {
            width += TextSanitizer.sanitize(character)?.width ?? 0
        }
        return width
    }

    /// The columns one grapheme cluster takes once sanitised (0 when it is not shown).
    public static func of(_ character: Character) -> Int {
        TextSanitizer.sanitize(character)?.width ?? 0
    }

    /// The width of a printable cluster: that of its first scalar, widened to 2 for emoji
    /// asked to show as a picture (variation selector 16) and for flags (regional indicator
    /// pairs), as terminals draw them.
    static func clusterWidth(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if WideCharacterTable.isWide(first.value) { return 2 }
        if (0x1F1E6 ... 0x1F1FF).contains(first.value) { return 2 }
        if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    /// Whether the scalar alone is two columns wide by the table terminals use.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        WideCharacterTable.isWide(scalar.value)
    }
}
