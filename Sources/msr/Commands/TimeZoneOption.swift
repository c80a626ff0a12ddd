import ArgumentParser
import MSREngine
import MSRModel

/// `--tz`: the zone in which the console reads typed times of day and labels the timeline.
struct TimeZoneOption: ParsableArguments {
    @Option(name: .customLong("tz"),
            help: "The time zone of times of day typed in the console and of the timeline's labels: UTC (the default), an offset such as +02:00, or a zone name such as Europe/Berlin.")
    var timeZone: String?

    func validate() throws { _ = try setting() }

    /// The zone asked for, UTC when none was.
    func setting() throws -> TimeZoneSetting {
        guard let timeZone else { return .utc }
        do { return try TimeZoneSetting(parsing: timeZone) } catch { throw ValidationError(error.description) }
    }
}
