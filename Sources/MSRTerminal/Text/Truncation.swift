/// Where truncated text loses its characters.
public enum TruncationPosition: Hashable, Sendable {
    /// `long text…`: the usual for cells and titles.
    case end
    /// `…ext/name.msr`: for paths, whose end says the most.
    case start
    /// `long…name`: for identifiers whose both ends matter.
    case middle
}

/// How text sits in a column wider than it.
public enum TextAlignment: Hashable, Sendable {
    case left, right, center
}

extension DisplayWidth {
    /// The mark that shows text was cut.
    public static let ellipsis = "…"

    /// `text` cut to at most `width` columns, with an ellipsis where characters were removed.
    ///
    /// Wide characters are never split, so the result can be one column narrower than
    /// `width`; `fit` pads it. Text that fits is returned unchanged.
    public static func truncate(
        _ text: String, toWidth width: Int, position: TruncationPosition = .end, ellipsis: String = ellipsis
    ) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        let budget = width - of(ellipsis)
        guard budget >= 0 else { return prefix(of: text, width: width) }
        switch position {
        case .end:
            return prefix(of: text, width: budget) + ellipsis
        case .start:
            return ellipsis + suffix(of: text, width: budget)
        case .middle:
            let head = prefix(of: text, width: (budget + 1) / 2)
            return head + ellipsis + suffix(of: text, width: budget - of(head))
        }
    }

    /// `text` truncated and padded with spaces to exactly `width` columns.
    public static func fit(
        _ text: String, width: Int, alignment: TextAlignment = .left, truncation: TruncationPosition = .end
    ) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, toWidth: width, position: truncation)
        let padding = width - of(cut)
        switch alignment {
        case .left:
            return cut + String(repeating: " ", count: padding)
        case .right:
            return String(repeating: " ", count: padding) + cut
        case .center:
            let left = padding / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: padding - left)
        }
    }

    /// The longest start of `text` no wider than `width` columns.
    public static func prefix(of text: String, width: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let next = used + of(text[index])
            if next > width { break }
            used = next
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// The longest end of `text` no wider than `width` columns.
    public static func suffix(of text: String, width: Int) -> String {
        var used = 0
        var start = text.endIndex
        while start > text.startIndex {
            let previous = text.index(before: start)
            let next = used + of(text[previous])
            if next > width { break }
            used = next
            start = previous
        }
        return String(text[start...])
    }
}
