/// The zone in which times of day are read and written: UTC, a fixed offset, or named rules.
///
/// MSRModel uses the standard library only, so named zones (IANA, with daylight saving) come
/// as `TimeZoneRules` from a module that has a time zone database (MSREngine wraps
/// Foundation's `TimeZone`). Two settings are equal when they have the same name.
public struct TimeZoneSetting: Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable {
        case fixed(Int)
        case rules(any TimeZoneRules)
    }

    let kind: Kind
    /// `UTC`, `+02:00`, or the rules' identifier (`Europe/Berlin`).
    public let name: String

    public static let utc = TimeZoneSetting(secondsEast: 0)

    /// A zone always `seconds` ahead of UTC (negative: behind).
    public init(secondsEast seconds: Int) {
        kind = .fixed(seconds)
        name = seconds == 0 ? "UTC" : TimeZoneSetting.formatOffset(seconds)
    }

    public init(rules: any TimeZoneRules) {
        kind = .rules(rules)
        name = rules.identifier
    }

    /// Reads `UTC` (or `Z`), a fixed offset (`+02:00`, `-0530`, `+2`), or asks `named` for a
    /// zone by name.
    public init(parsing text: String, named: (String) -> (any TimeZoneRules)?) throws(TimeZoneError) {
        let s = text.trimmingSpaces
        let upper = Array(s.uppercased().utf8)
        if ["UTC", "Z", "GMT"].contains(where: { upper.elementsEqual($0.utf8) }) {
            self = .utc
        } else if let seconds = TimeZoneSetting.parseOffset(s) {
            self.init(secondsEast: seconds)
        } else if !s.isEmpty, let rules = named(s) {
            self.init(rules: rules)
        } else {
            throw TimeZoneError(text: text)
        }
    }

    /// How far ahead of UTC local time is at `time`, in seconds.
    public func secondsEast(at time: Timestamp) -> Int {
        switch kind {
        case .fixed(let s): return s
        case .rules(let r): return r.secondsEast(at: time)
        }
    }

    /// Local wall-clock microseconds since 1970-01-01T00:00 local, at `time`.
    public func localMicros(of time: Timestamp) -> Int64 {
        time.micros &+ Int64(secondsEast(at: time)) * 1_000_000
    }

    /// The moment a local wall-clock time names. Where a clock change repeats local times (an
    /// autumn hour), the earlier moment; where it skips them (a spring hour), the moment the
    /// same distance after the change, as if the clock had not moved yet (`02:30` on a spring
    /// night of Europe/Berlin is 03:30 summer time).
    public func moment(ofLocal local: Int64) -> Timestamp {
        let probe = Timestamp(micros: local)
        let before = Int64(secondsEast(at: probe + -43_200_000_000)) * 1_000_000
        let after = Int64(secondsEast(at: probe + 43_200_000_000)) * 1_000_000
        let early = Timestamp(micros: local &- before), late = Timestamp(micros: local &- after)
        let earlyFits = localMicros(of: early) == local, lateFits = localMicros(of: late) == local
        switch (earlyFits, lateFits) {
        case (true, true): return min(early, late)
        case (true, false): return early
        case (false, true): return late
        case (false, false): return early
        }
    }

    public var description: String { name }

    public static func == (a: TimeZoneSetting, b: TimeZoneSetting) -> Bool { a.name.utf8.elementsEqual(b.name.utf8) }
    public func hash(into hasher: inout Hasher) { hasher.combine(Array(name.utf8)) }

    /// `±HH:MM`, `±HHMM` or `±H[H]`, up to 18 hours.
    static func parseOffset(_ s: String) -> Int? {
        let c = Array(s.utf8)
        guard let sign = c.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let digits = c.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let colons = c.filter { $0 == UInt8(ascii: ":") }.count
        let n = digits.map { Int($0 - 48) }
        let hours: Int, minutes: Int
        switch (n.count, colons) {
        case (1, 0): (hours, minutes) = (n[0], 0)
        case (2, 0): (hours, minutes) = (n[0] * 10 + n[1], 0)
        case (4, 0), (4, 1):
            if colons == 1 && c.count != 6 { return nil }
            (hours, minutes) = (n[0] * 10 + n[1], n[2] * 10 + n[3])
        default: return nil
        }
        guard hours <= 18, minutes < 60 else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    static func formatOffset(_ seconds: Int) -> String {
        let m = seconds.magnitude
        return (seconds < 0 ? "-" : "+") + pad(Int(m / 3600), 2) + ":" + pad(Int(m / 60 % 60), 2)
    }
}

/// A named zone's offsets over time (daylight saving, changes of law).
public protocol TimeZoneRules: Sendable {
    /// The zone's name, such as `Europe/Berlin`.
    var identifier: String { get }
    /// How far ahead of UTC the zone's clocks are at `time`, in seconds.
    func secondsEast(at time: Timestamp) -> Int
}

/// A time zone the user named that msr does not know.
public struct TimeZoneError: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var description: String {
        "'\(text)' is not a time zone msr knows; write UTC, an offset such as +02:00, or a zone name such as Europe/Berlin."
    }
}

extension Timestamp {
    /// The local time of day as `HH:MM`, `HH:MM:SS` (`seconds`) or `HH:MM:SS.fff`
    /// (`millis`, which implies seconds) in `zone`.
    public func timeOfDay(in zone: TimeZoneSetting, seconds: Bool = true, millis: Bool = false) -> String {
        let (_, inDay) = Timestamp.floorDivide(zone.localMicros(of: self), 86_400_000_000)
        let secs = inDay / 1_000_000
        var out = pad(secs / 3600, 2) + ":" + pad(secs / 60 % 60, 2)
        if seconds || millis { out += ":" + pad(secs % 60, 2) }
        if millis { out += "." + pad(inDay % 1_000_000 / 1000, 3) }
        return out
    }

    /// The local date as `MM-DD` in `zone`.
    public func monthDay(in zone: TimeZoneSetting) -> String {
        let (days, _) = Timestamp.floorDivide(zone.localMicros(of: self), 86_400_000_000)
        let (_, m, d) = CivilDate.fromDays(days)
        return pad(m, 2) + "-" + pad(d, 2)
    }
}
