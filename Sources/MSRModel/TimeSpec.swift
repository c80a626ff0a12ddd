/// A moment as a user writes it: absolute, a time of day, an offset from the recording's start,
/// or a step from the playhead.
///
/// Accepted forms:
/// - ISO-8601: `2026-03-01T10:15:00Z`, `2026-03-01T10:15:00.250+01:00` (milliseconds or
///   microseconds, `Z` or an offset);
/// - a time of day: `09:30`, `09:30:15`, `09:30:15.250` (see `resolve` for the day it names);
/// - an offset from the start: `+90` or `+90.5` (seconds), `+01:30:00` or `+1:30:00.250`;
/// - a step from the playhead, with units: `-10m`, `+30s`, `+1h30m`, `-90s`, `+1.5s`.
///
/// A `+` with units is a step from the playhead, a `+` without units an offset from the start
/// as before (`+30` is thirty seconds after the start, `+30s` thirty seconds after the
/// playhead). A `-` always needs units (`-90` alone is refused): there is no negative offset
/// from the start.
public enum TimeSpec: Hashable, Sendable {
    case absolute(Timestamp)
    /// Microseconds after the recording's first event.
    case offset(Int64)
    /// Microseconds after local midnight, in the zone given when resolving.
    case timeOfDay(Int64)
    /// Microseconds after (negative: before) the playhead.
    case relative(Int64)

    /// The moment this names in a recording that starts at `start`, in UTC, with the playhead
    /// taken to be at the start.
    public func resolve(start: Timestamp) -> Timestamp {
        resolve(start: start, end: start, current: start, zone: .utc)
    }

    /// The moment this names in a recording spanning `start...end`, with the playhead at
    /// `current`, reading times of day in `zone`.
    ///
    /// A time of day names the first moment at or after the start with that local time, when
    /// the recording reaches that day (a recording from 22:00 to 02:00 reads `01:00` as the
    /// night after the start); otherwise that time on the start's local date, even before the
    /// start. Across a clock change, see `TimeZoneSetting.moment(ofLocal:)`.
    public func resolve(start: Timestamp, end: Timestamp, current: Timestamp, zone: TimeZoneSetting) -> Timestamp {
        switch self {
        case .absolute(let t): return t
        case .offset(let d): return start + d
        case .relative(let d): return current + d
        case .timeOfDay(let micros):
            let day: Int64 = 86_400_000_000
            let (startDay, _) = Timestamp.floorDivide(zone.localMicros(of: start), day)
            let onStartDay = zone.moment(ofLocal: startDay * day + micros)
            guard onStartDay < start else { return onStartDay }
            let (endDay, _) = Timestamp.floorDivide(zone.localMicros(of: max(start, end)), day)
            return endDay > startDay ? zone.moment(ofLocal: (startDay + 1) * day + micros) : onStartDay
        }
    }

    public init(parsing text: String) throws(TimeSpecError) {
        let s = text.trimmingSpaces
        guard let first = s.utf8.first else { throw TimeSpecError(text: text) }
        let body = s.utf8.dropFirst()
        let hasUnit = body.contains { TimeSpec.units.contains($0) }
        if first == UInt8(ascii: "+") && !hasUnit {
            guard let micros = TimeSpec.parseOffset(s.dropFirst()) else { throw TimeSpecError(text: text) }
            self = .offset(micros)
        } else if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            guard let micros = TimeSpec.parseStep(Substring(body)) else { throw TimeSpecError(text: text) }
            self = .relative(first == UInt8(ascii: "-") ? -micros : micros)
        } else if let micros = TimeSpec.parseTimeOfDay(Substring(s)) {
            self = .timeOfDay(micros)
        } else {
            guard let t = TimeSpec.parseISO(Substring(s)) else { throw TimeSpecError(text: text) }
            self = .absolute(t)
        }
    }

    /// The unit letters of a step: hours, minutes, seconds.
    static let units: [UInt8] = [UInt8(ascii: "h"), UInt8(ascii: "m"), UInt8(ascii: "s")]

    /// `1h30m`, `10m`, `90s`, `1.5s`: numbers each followed by a unit, units in the order h, m,
    /// s and each at most once; only the last number may have a fraction.
    static func parseStep(_ s: Substring) -> Int64? {
        var total: Int64 = 0
        var rest = s
        var lastUnit = -1
        while !rest.isEmpty {
            guard let u = rest.utf8.firstIndex(where: { units.contains($0) }) else { return nil }
            let number = rest[..<u]
            guard let unit = units.firstIndex(of: rest.utf8[u]), unit > lastUnit else { return nil }
            rest = rest[rest.index(after: u)...]
            if !rest.isEmpty && number.contains(".") { return nil }
            guard let micros = parseSecondsWithFraction(number) else { return nil }
            let scale: Int64 = [3600, 60, 1][unit]
            let (product, overflow) = micros.multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            total += product
            lastUnit = unit
        }
        return lastUnit >= 0 ? total : nil
    }

    /// `H[H]:MM`, `H[H]:MM:SS` or `H[H]:MM:SS.f…` (up to microseconds), hours below 24.
    static func parseTimeOfDay(_ s: Substring) -> Int64? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              (1...2).contains(parts[0].count), parts[0].allSatisfy(\.isASCIIDigit), let h = Int64(parts[0]), h < 24,
              parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit), let m = Int64(parts[1]), m < 60 else { return nil }
        var micros = (h * 3600 + m * 60) * 1_000_000
        if parts.count == 3 {
            guard parts[2].prefix(while: \.isASCIIDigit).count == 2,
                  let secs = parseSecondsWithFraction(parts[2]), secs < 60_000_000 else { return nil }
            micros += secs
        }
        return micros
    }

    /// `SECONDS[.frac]` or `[H]H:MM:SS[.frac]` (also `MM:SS[.frac]`).
    static func parseOffset(_ s: Substring) -> Int64? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), let seconds = parseSecondsWithFraction(parts[parts.count - 1]) else {
            return nil
        }
        if parts.count == 1 { return seconds }
        guard seconds < 60_000_000 else { return nil }
        var whole: Int64 = 0
        for (i, part) in parts.dropLast().enumerated() {
            guard !part.isEmpty, part.count <= 9, part.allSatisfy(\.isASCIIDigit), let v = Int64(part) else { return nil }
            if i > 0 && v >= 60 { return nil }
            whole = whole * 60 + v
        }
        return whole * 60_000_000 + seconds
    }

    static func parseSecondsWithFraction(_ s: Substring) -> Int64? {
        let pieces = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = pieces.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit),
              whole.count <= 12, let w = Int64(whole) else { return nil }
        var micros = w * 1_000_000
        if pieces.count == 2 {
            let frac = pieces[1]
            guard !frac.isEmpty, frac.count <= 6, frac.allSatisfy(\.isASCIIDigit), let f = Int64(frac) else { return nil }
            var scale: Int64 = 1
            for _ in 0..<(6 - frac.count) { scale *= 10 }
            micros += f * scale
        }
        return micros
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fff|.ffffff](Z|±HH:MM)`; a space may stand for the `T`.
    static func parseISO(_ s: Substring) -> Timestamp? {
        let c = Array(s.utf8)
        func num(_ from: Int, _ len: Int) -> Int64? {
            guard from + len <= c.count else { return nil }
            var v: Int64 = 0
            for i in from..<(from + len) {
                let d = c[i]
                guard d >= 48 && d <= 57 else { return nil }
                v = v * 10 + Int64(d - 48)
            }
            return v
        }
        guard c.count >= 20,
              let year = num(0, 4), c[4] == UInt8(ascii: "-"),
              let month = num(5, 2), c[7] == UInt8(ascii: "-"),
              let day = num(8, 2), c[10] == UInt8(ascii: "T") || c[10] == UInt8(ascii: " "),
              let hour = num(11, 2), c[13] == UInt8(ascii: ":"),
              let minute = num(14, 2), c[16] == UInt8(ascii: ":"),
              let second = num(17, 2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month),
              hour < 24, minute < 60, second < 60 else { return nil }
        var i = 19
        var fracMicros: Int64 = 0
        if i < c.count && c[i] == UInt8(ascii: ".") {
            let start = i + 1
            var j = start
            while j < c.count && c[j] >= 48 && c[j] <= 57 { j += 1 }
            let digits = j - start
            guard digits == 3 || digits == 6, let f = num(start, digits) else { return nil }
            fracMicros = digits == 3 ? f * 1000 : f
            i = j
        }
        guard i < c.count else { return nil }
        var offsetSeconds: Int64 = 0
        if c[i] == UInt8(ascii: "Z") || c[i] == UInt8(ascii: "z") {
            i += 1
        } else if c[i] == UInt8(ascii: "+") || c[i] == UInt8(ascii: "-") {
            let sign: Int64 = c[i] == UInt8(ascii: "-") ? -1 : 1
            guard let oh = num(i + 1, 2), i + 3 < c.count, c[i + 3] == UInt8(ascii: ":"),
                  let om = num(i + 4, 2), oh < 24, om < 60 else { return nil }
            offsetSeconds = sign * (oh * 3600 + om * 60)
            i += 6
        } else {
            return nil
        }
        guard i == c.count else { return nil }
        let days = CivilDate.toDays(year: year, month: month, day: day)
        let secs = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Timestamp(micros: secs * 1_000_000 + fracMicros)
    }
}

/// A time the user wrote that msr cannot read.
public struct TimeSpecError: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var description: String {
        "'\(text)' is not a time msr understands; write a time of day (09:30, 09:30:15.250), "
            + "a step from the playhead (-10m, +30s, +1h30m), an offset from the start (+90, +01:30:00.250), "
            + "or ISO-8601 with Z or an offset (2026-03-01T10:15:00.250Z)."
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
