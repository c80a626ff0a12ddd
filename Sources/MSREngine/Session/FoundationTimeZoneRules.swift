import Foundation
import MSRModel

/// IANA zone rules (`Europe/Berlin`, `America/New_York`) from Foundation's time zone database,
/// for the model's `TimeZoneSetting`, which knows only UTC and fixed offsets by itself.
public struct FoundationTimeZoneRules: TimeZoneRules {
    let zone: TimeZone

    /// The zone of that IANA name, or nil when the database has none by it.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.zone = zone
    }

    public var identifier: String { zone.identifier }

    public func secondsEast(at time: Timestamp) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(time.micros) / 1_000_000))
    }
}

extension TimeZoneSetting {
    /// Reads a zone as `--tz` takes it: `UTC`, a fixed offset (`+02:00`), or an IANA name.
    public init(parsing text: String) throws(TimeZoneError) {
        try self.init(parsing: text, named: { FoundationTimeZoneRules(identifier: $0) })
    }
}
