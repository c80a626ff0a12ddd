/// A moment or a time of day as whole seconds and nanoseconds, for comparing a typed time
/// with a cell of a date, time or timestamp column chronologically.
///
/// Seconds count from 1970-01-01T00:00:00Z for dates and timestamps, from midnight for times
/// of day; a date is its midnight.
public struct ChronoPoint: Hashable, Sendable, Comparable {
    public var seconds: Int64
    public var nanos: Int64
    /// Whether this is a time of day rather than a moment.
    public var isTimeOfDay: Bool

    public init(seconds: Int64, nanos: Int64, isTimeOfDay: Bool) {
        self.seconds = seconds
        self.nanos = nanos
        self.isTimeOfDay = isTimeOfDay
    }

    public static func < (lhs: ChronoPoint, rhs: ChronoPoint) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    /// `count` units of `perSecond` each.
    init(count: Int64, perSecond: Int64, isTimeOfDay: Bool) {
        let (s, f) = Timestamp.floorDivide(count, perSecond)
        self.init(seconds: s, nanos: f * (1_000_000_000 / perSecond), isTimeOfDay: isTimeOfDay)
    }

    /// A time as a user types it or PostgreSQL prints it: `2026-03-14`, `2026-03-14T08:05`,
    /// `2026-03-14 08:05:30.25Z`, `…+01:00`, `…+00`, or a time of day `08:05:30.250`; nil for
    /// anything else.
    public init?(parsing text: some StringProtocol) {
        var scanner = DigitScanner(Array(text.utf8))
        var seconds: Int64 = 0
        var hasDate = false
        if scanner.looksLikeDate {
            guard let y = scanner.number(4...6), scanner.skip("-"), let m = scanner.number(2...2), scanner.skip("-"),
                  let d = scanner.number(2...2), (1...12).contains(m),
                  (1...CivilDate.daysInMonth(year: y, month: m)).contains(d) else { return nil }
            seconds = CivilDate.toDays(year: y, month: m, day: d) * 86_400
            hasDate = true
            if scanner.atEnd { self.init(seconds: seconds, nanos: 0, isTimeOfDay: false); return }
            guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") else { return nil }
        }
        guard let h = scanner.number(1...2), h < 24, scanner.skip(":"), let mi = scanner.number(2...2), mi < 60 else { return nil }
        var sec: Int64 = 0, nanos: Int64 = 0
        if scanner.skip(":") {
            guard let s = scanner.number(2...2), s < 61 else { return nil }
            sec = s
            if scanner.skip(".") || scanner.skip(",") {
                guard let (f, digits) = scanner.fraction(maxDigits: 9) else { return nil }
                var scale: Int64 = 1
                for _ in digits..<9 { scale *= 10 }
                nanos = f * scale
            }
        }
        seconds += h * 3600 + mi * 60 + sec
        // A zone: Z, ±HH, ±HHMM or ±HH:MM (PostgreSQL prints `+00` and `+05:30`).
        if scanner.skip("Z") || scanner.skip("z") {
        } else if let sign = scanner.sign() {
            guard let oh = scanner.number(2...2), oh < 24 else { return nil }
            var om: Int64 = 0
            if !scanner.atEnd {
                _ = scanner.skip(":")
                guard let m = scanner.number(2...2), m < 60 else { return nil }
                om = m
            }
            seconds -= sign * (oh * 3600 + om * 60)
        }
        guard scanner.atEnd else { return nil }
        self.init(seconds: seconds, nanos: nanos, isTimeOfDay: !hasDate)
    }
}

/// Reads digits and punctuation from the front of ASCII text.
private struct DigitScanner {
    let bytes: [UInt8]
    var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { at == bytes.count }

    /// Four or more digits then `-`: a year.
    var looksLikeDate: Bool {
        var i = at
        while i < bytes.count, bytes[i] >= 48 && bytes[i] <= 57 { i += 1 }
        return i - at >= 4 && i < bytes.count && bytes[i] == UInt8(ascii: "-")
    }

    mutating func skip(_ c: Unicode.Scalar) -> Bool {
        guard at < bytes.count, bytes[at] == UInt8(ascii: c) else { return false }
        at += 1
        return true
    }

    mutating func sign() -> Int64? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    /// A run of digits whose length is in `lengths`.
    mutating func number(_ lengths: ClosedRange<Int>) -> Int64? {
        guard let (v, n) = fraction(maxDigits: lengths.upperBound), lengths.contains(n) else { return nil }
        return v
    }

    /// Up to `maxDigits` digits (at least one), and how many there were.
    mutating func fraction(maxDigits: Int) -> (Int64, Int)? {
        var v: Int64 = 0, n = 0
        while at < bytes.count, bytes[at] >= 48 && bytes[at] <= 57 {
            guard n < maxDigits else { return nil }
            v = v * 10 + Int64(bytes[at] - 48)
            n += 1
            at += 1
        }
        return n > 0 ? (v, n) : nil
    }
}
