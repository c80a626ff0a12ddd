/// The xterm 256-colour palette as RGB, used to find the colour a smaller terminal has that
/// comes closest.
///
/// Users re-theme their 16 ANSI colours, so matching RGB against xterm's defaults would be a
/// guess; what survives re-theming is the hue. So a colour becomes the ANSI colour of its hue
/// (greys by lightness), bright when it is light. Themes also carry hand-picked 8/16-colour
/// fallbacks; this is the backstop for colours they leave out.
public enum ColorPalette {
    /// Red, green and blue from 0 to 255.
    public struct RGB: Hashable, Sendable {
        public var red: Int
        public var green: Int
        public var blue: Int

        public init(red: Int, green: Int, blue: Int) {
            self.red = red
            self.green = green
            self.blue = blue
        }
    }

    private static let ansi: [RGB] = [
        RGB(red: 0, green: 0, blue: 0), RGB(red: 205, green: 0, blue: 0),
        RGB(red: 0, green: 205, blue: 0), RGB(red: 205, green: 205, blue: 0),
        RGB(red: 0, green: 0, blue: 238), RGB(red: 205, green: 0, blue: 205),
        RGB(red: 0, green: 205, blue: 205), RGB(red: 229, green: 229, blue: 229),
        RGB(red: 127, green: 127, blue: 127), RGB(red: 255, green: 0, blue: 0),
        RGB(red: 0, green: 255, blue: 0), RGB(red: 255, green: 255, blue: 0),
        RGB(red: 92, green: 92, blue: 255), RGB(red: 255, green: 0, blue: 255),
        RGB(red: 0, green: 255, blue: 255), RGB(red: 255, green: 255, blue: 255),
    ]

    /// The six levels of each channel in the 6×6×6 colour cube (indices 16–231).
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value of palette index `index` (clamped to 0–255).
    public static func rgb(_ index: Int) -> RGB {
        let index = min(max(index, 0), 255)
        if index < 16 { return ansi[index] }
        if index >= 232 {
            let level = 8 + (index - 232) * 10
            return RGB(red: level, green: level, blue: level)
        }
        let cube = index - 16
        return RGB(red: cubeLevels[cube / 36], green: cubeLevels[(cube / 6) % 6], blue: cubeLevels[cube % 6])
    }

    /// The ANSI colour (an index below `count`, which is 8 or 16) for palette index `index`.
    public static func nearest(to index: Int, amongFirst count: Int) -> Int {
        if index < count { return index }
        if index < 16 { return index - 8 }
        let color = rgb(index)
        let high = max(color.red, color.green, color.blue)
        let low = min(color.red, color.green, color.blue)
        let bright = count >= 16 && high > 200
        guard high - low >= 40 else {
            let lightness = (high + low) / 2
            if count < 16 { return lightness < 128 ? 0 : 7 }
            return lightness < 64 ? 0 : lightness < 160 ? 8 : lightness < 224 ? 7 : 15
        }
        // Each channel at least halfway between the lowest and the highest counts: red 1,
        // green 2, blue 4 is exactly how the ANSI colours are numbered.
        let threshold = low + (high - low) / 2
        let hue = (color.red >= threshold ? 1 : 0) + (color.green >= threshold ? 2 : 0)
            + (color.blue >= threshold ? 4 : 0)
        return hue + (bright ? 8 : 0)
    }

    /// The palette index in `candidates` closest to `color` (squared distance, weighted
    /// towards green as the eye is).
    public static func nearest(to color: RGB, among candidates: Range<Int> = 16 ..< 256) -> Int {
        var best = candidates.lowerBound
        var bestDistance = Int.max
        for candidate in candidates {
            let other = rgb(candidate)
            let red = color.red - other.red
            let green = color.green - other.green
            let blue = color.blue - other.blue
            let distance = 3 * red * red + 4 * green * green + 2 * blue * blue
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }
}
