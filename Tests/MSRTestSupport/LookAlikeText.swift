/// Pairs of texts that look alike (and that Swift's `String ==` may call equal) but hold
/// different bytes: a database keeps them apart, so msr must too.
public enum LookAlikeText {
    public struct Pair: Sendable {
        public var label: String
        public var first: String
        public var second: String
        /// Whether Swift's `String ==` calls the two equal (canonical equivalence).
        public var canonicallyEquivalent: Bool

        public init(label: String, first: String, second: String, canonicallyEquivalent: Bool) {
            self.label = label
            self.first = first
            self.second = second
            self.canonicallyEquivalent = canonicallyEquivalent
        }
    }

    /// NFC and NFD `é`: U+00E9 against `e` U+0301.
    public static let eAcute = Pair(label: "é NFC/NFD", first: "\u{E9}", second: "e\u{301}", canonicallyEquivalent: true)
    /// `Å` U+00C5 against the Angstrom sign U+212B.
    public static let angstrom = Pair(label: "Å/Angstrom sign", first: "\u{C5}", second: "\u{212B}", canonicallyEquivalent: true)
    /// `Å` U+00C5 against `A` U+030A.
    public static let aRing = Pair(label: "Å NFC/NFD", first: "\u{C5}", second: "A\u{30A}", canonicallyEquivalent: true)
    /// `K` against the Kelvin sign U+212A.
    public static let kelvin = Pair(label: "K/Kelvin sign", first: "K", second: "\u{212A}", canonicallyEquivalent: true)
    /// The `ﬁ` ligature U+FB01 against `fi`: a compatibility pair only.
    public static let fiLigature = Pair(label: "ﬁ/fi", first: "\u{FB01}", second: "fi", canonicallyEquivalent: false)

    public static let all = [eAcute, angstrom, aRing, kelvin, fiLigature]
}
