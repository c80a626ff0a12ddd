/// The six characters of a box's frame, for pane borders and overlays.
public struct BoxCharacters: Hashable, Sendable {
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var horizontal: Character
    public var vertical: Character

    public init(
        topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character,
        horizontal: Character, vertical: Character
    ) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// `┌─┐`: the usual pane frame.
    public static let light = BoxCharacters(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│")
    /// `╭─╮`: softer corners, for overlays.
    public static let rounded = BoxCharacters(
        topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│")
    /// `┏━┓`: a heavier frame, for the focused pane when colour is unavailable.
    public static let heavy = BoxCharacters(
        topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃")
    /// `+-+`: for terminals without a UTF-8 locale.
    public static let ascii = BoxCharacters(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|")
}

extension ScreenBuffer {
    /// Draws a frame along the edge of `rect`, with an optional title in its top edge
    /// (`┌─ units ───┐`), truncated with an ellipsis to fit. The inside is left untouched;
    /// `rect.inset(by: 1)` is the area to draw the content in.
    public mutating func drawBox(
        _ rect: Rect, style: Style, characters: BoxCharacters = .light,
        title: String? = nil, titleStyle: Style? = nil
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        horizontalLine(x: rect.x + 1, y: rect.y, width: rect.width - 2, character: characters.horizontal, style: style)
        horizontalLine(x: rect.x + 1, y: bottom, width: rect.width - 2, character: characters.horizontal, style: style)
        verticalLine(x: rect.x, y: rect.y + 1, height: rect.height - 2, character: characters.vertical, style: style)
        verticalLine(x: right, y: rect.y + 1, height: rect.height - 2, character: characters.vertical, style: style)
        put(String(characters.topLeft), x: rect.x, y: rect.y, style: style)
        put(String(characters.topRight), x: right, y: rect.y, style: style)
        put(String(characters.bottomLeft), x: rect.x, y: bottom, style: style)
        put(String(characters.bottomRight), x: right, y: bottom, style: style)
        guard let title, !title.isEmpty, rect.width >= 7 else { return }
        let room = rect.width - 4
        let text = " " + DisplayWidth.truncate(title, toWidth: room - 2) + " "
        put(text, x: rect.x + 2, y: rect.y, style: titleStyle ?? style, maxWidth: room)
    }
}
