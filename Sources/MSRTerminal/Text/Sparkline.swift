/// Counts drawn as a strip of block characters (▁▂▃▄▅▆▇█), tallest for the largest; a zero
/// is a blank, and any non-zero count shows at least the lowest block.
public enum Sparkline {
    public static let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The block for `value` when `top` is the largest value shown.
    public static func block(_ value: Int, top: Int) -> Character {
        guard value > 0 else { return blocks[0] }
        let level = Int((Double(value) / Double(max(1, top)) * 8).rounded(.up))
        return blocks[min(8, max(1, level))]
    }

    /// One block per value.
    public static func draw(_ values: [Int]) -> String {
        let top = values.max() ?? 1
        return String(values.map { block($0, top: top) })
    }
}
