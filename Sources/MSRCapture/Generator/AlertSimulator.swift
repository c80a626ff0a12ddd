import MSRModel

/// The `alerts` table: what the watch floor is warned about, and how it deals with it.
///
/// Most alerts follow from something else that happened in the same transaction (a track
/// declared hostile, a unit low on fuel or lost); the rest are routine noise (comms, sensors,
/// weather). A watch officer acknowledges an alert a little while after it is raised (sooner
/// when it is critical) and clears it some minutes later, so at any moment of the fight a few
/// are open and more are acknowledged but still showing.
struct AlertSimulator: Sendable {
    /// Alerts still in the table, by when they are next handled.
    private(set) var pending = ExerciseSchedule<AlertState>()
    private var nextID: Int64 = 1
    let area: ExerciseArea

    init(area: ExerciseArea) {
        self.area = area
    }

    /// Routine noise: comms, sensors, weather, overdue reports.
    mutating func raiseRoutine(units: UnitSimulator, batch: inout ExerciseBatch, random: inout ExerciseRandom) {
        let subject = units.randomActive(&random).map { units.unit($0) }
        let unit = subject.map { Value.int($0.id) } ?? .null
        let callsign = subject?.callsign ?? "BRIGADE NET"
        let message: (severity: String, category: String, text: String)
        switch random.below(5) {
        case 0: message = ("warning", "comms", "Comms degraded with " + callsign)
        case 1:
            let p = area.point(from: 0.2, to: 0.8, random: &random)
            message = ("warning", "airspace", "Airspace conflict at " + area.grid(lat: p.lat, lon: p.lon))
        case 2: message = ("info", "sensor", "Sensor coverage gap in " + random.pick(ExerciseText.namedAreas))
        case 3: message = ("info", "weather", "Visibility below 2 km in " + random.pick(ExerciseText.namedAreas))
        default: message = ("info", "reporting", "Position report overdue from " + callsign)
        }
        let about = message.category == "comms" || message.category == "reporting" ? unit : .null
        raise(message, unit: about, batch: &batch, random: &random)
    }

    /// A track was just declared hostile.
    mutating func hostileTrack(_ track: TrackState, batch: inout ExerciseBatch, random: inout ExerciseRandom) {
        let where_ = area.grid(lat: track.lat, lon: track.lon)
        raise((track.platform.isAirborne ? "critical" : "warning", "track",
               "Hostile " + track.platform.text + " " + track.number + " at " + where_),
              track: .int(track.id), batch: &batch, random: &random)
    }

    /// A unit's fuel just fell below 30 %.
    mutating func fuelLow(_ unit: UnitState, batch: inout ExerciseBatch, random: inout ExerciseRandom) {
        raise(("warning", "logistics", unit.callsign + " fuel at " + ExerciseText.tenths(Int(unit.fuel.rounded())) + "%"),
              unit: .int(unit.id), batch: &batch, random: &random)
    }

    /// A unit was destroyed or had to withdraw.
    mutating func unitLost(_ unit: UnitState, batch: inout ExerciseBatch, random: inout ExerciseRandom) {
        let message = unit.status == .destroyed
            ? ("critical", "casualty", unit.callsign + " destroyed")
            : ("warning", "casualty", unit.callsign + " withdrawing at " + ExerciseText.tenths(unit.strength) + "% strength")
        raise(message, unit: .int(unit.id), batch: &batch, random: &random)
    }

    /// Inserts a new open alert and schedules its acknowledgement.
    private mutating func raise(_ message: (severity: String, category: String, text: String), unit: Value = .null,
                                track: Value = .null, batch: inout ExerciseBatch, random: inout ExerciseRandom) {
        var alert = AlertState(id: nextID, severity: message.severity, category: message.category,
                               message: message.text, unitID: unit, trackID: track, raisedAt: batch.now)
        nextID += 1
        _ = alert.commit()
        batch.insert(.alerts, key: alert.key, row: alert.row)
        let wait = message.severity == "critical" ? 15...90 : 30...300
        pending.schedule(alert, at: batch.now + Int64(random.int(in: wait)) * 1_000_000)
    }

    /// The alert due soonest is handled: acknowledged if it is still open, cleared (deleted)
    /// if it was acknowledged. False when none is due yet.
    mutating func handle(batch: inout ExerciseBatch, random: inout ExerciseRandom) -> Bool {
        guard var alert = pending.popDue(at: batch.now) else { return false }
        guard alert.ackedAt.isNull else {
            batch.delete(.alerts, key: alert.key, row: alert.row)
            return true
        }
        alert.ackedAt = .int(batch.now)
        alert.ackedBy = .string(random.pick(ExerciseText.operators))
        let before = alert.commit()
        batch.update(.alerts, key: alert.key, before: before, after: alert.row)
        pending.schedule(alert, at: batch.now + Int64(random.int(in: 120...1_200)) * 1_000_000)
        return true
    }
}
