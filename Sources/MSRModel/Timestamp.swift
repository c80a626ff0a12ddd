/// A moment in UTC with microsecond precision: microseconds since 1970-01-01T00:00:00Z.
public struct Timestamp: Hashable, Comparable, Sendable, Codable {
    public var micros: Int64

    public init(micros: Int64) { self.micros = micros }
    public init(millis: Int64) { self.micros = millis &* 1000 }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.micros < rhs.micros }

    public static func + (lhs: Timestamp, rhs: Int64) -> Timestamp { Timestamp(micros: lhs.micros &+ rhs) }
    public static func - (lhs: Timestamp, rhs: Timestamp) -> Int64 { lhs.micros &- rhs.micros }

    /// ISO-8601 in UTC with a `Z`; milliseconds shown when there are any, microseconds when
    /// the milliseconds do not say it all.
    public var iso8601: String {
        let (days, inDay) = Timestamp.floorDivide(micros, 86_400_000_000)
        let (y, m, d) = CivilDate.fromDays(days)
        let secs = inDay / 1_000_000, frac = inDay % 1_000_000
        var out = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))"
        if frac % 1000 != 0 {
            out += "." + pad(frac, 6)
        } else if frac != 0 {
            out += "." + pad(frac / 1000, 3)
        }
        return out + "Z"
    }

    /// An offset in microseconds written as `+HH:MM:SS.fff` (sign shown only when negative, or
    /// with a `+` when `plus` is set).
    public static func formatOffset(_ micros: Int64, plus: Bool = true) -> String {
        let sign = micros < 0 ? "-" : (plus ? "+" : "")
        let m = micros.magnitude
        let secs = m / 1_000_000, ms = (m % 1_000_000) / 1000
        return "\(sign)\(pad(Int64(secs / 3600), 2)):\(pad(Int64(secs / 60 % 60), 2)):\(pad(Int64(secs % 60), 2)).\(pad(Int64(ms), 3))"
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        var q = a / b, r = a % b
        if r < 0 { q -= 1; r += b }
        return (q, r)
    }
}

extension Timestamp: CustomStringConvertible {
    public var description: String { iso8601 }
}

func pad<I: BinaryInteger>(_ value: I, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// Conversions between days since 1970-01-01 and proleptic Gregorian dates.
enum CivilDate {
    /// Days since the epoch of a date (after H. Hinnant's `days_from_civil`).
    static func toDays(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func fromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
