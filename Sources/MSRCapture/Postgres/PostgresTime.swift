import MSRModel

/// PostgreSQL's wire times: microseconds since 2000-01-01 00:00:00 UTC.
enum PostgresTime {
    /// 2000-01-01 in microseconds since the Unix epoch.
    static let epochOffset: Int64 = 946_684_800_000_000

    static func timestamp(fromPostgres micros: Int64) -> Timestamp {
        Timestamp(micros: micros &+ epochOffset)
    }

    static func postgresMicros(_ t: Timestamp) -> Int64 {
        t.micros &- epochOffset
    }
}
