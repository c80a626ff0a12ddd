/// Hands out curses colour pairs for foreground/background combinations, one pair per
/// combination, allocated on first use. Pure bookkeeping; the terminal calls `init_pair`
/// for each new pair.
struct ColorPairAllocator: Sendable {
    /// Pairs available (curses' COLOR_PAIRS, capped to what `setcchar` accepts).
    let limit: Int
    /// The colours of pair 0, which needs no allocation: (-1, -1), or white on black when the
    /// terminal cannot use its default colours.
    let defaultColors: (foreground: Int, background: Int)
    private var pairs: [Int: Int16] = [:]
    private var next: Int = 1

    init(limit: Int, defaultColors: (foreground: Int, background: Int)) {
        self.limit = min(limit, Int(Int16.max))
        self.defaultColors = defaultColors
    }

    /// The pair for `foreground` on `background`, and whether it is new (to be initialised).
    /// When every pair is taken, new combinations show in the default colours (pair 0).
    mutating func pair(foreground: Int, background: Int) -> (pair: Int16, isNew: Bool) {
        if foreground == defaultColors.foreground && background == defaultColors.background { return (0, false) }
        let key = (foreground + 1) << 16 | (background + 1)
        if let existing = pairs[key] { return (existing, false) }
        guard next < limit else { return (0, false) }
        let pair = Int16(next)
        next += 1
        pairs[key] = pair
        return (pair, true)
    }

    /// How many pairs were handed out.
    var allocatedCount: Int { pairs.count }
}
