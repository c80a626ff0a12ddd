import MSRModel

/// The `alerts` table: what the watch floor is warned about, and how it deals with it.
///
/// Most alerts follow from something else that happened in the same transaction (a track
/// declared hostile, a unit low on fuel or destroyed); the rest are routine noise (comms,
/// sensors, weather). Open alerts pile up in the fight and are worked off at consolidation.
struct AlertSimulator: Sendable {
    private(set) var open: [AlertState] = []
    private(set) var acknowledged: [AlertState] = []
    private var nextID: Int64 = 1
    let area: ExerciseArea

    init(area: ExerciseArea) {
        self.area = area
    }

    mutating func raise(_ severity: String, _ category: String, _ message: String, unit: Value = .null,
                        track: Value = .null, batch: inout ExerciseBatch) {
        var alert = AlertState(id: nextID, severity: severity, category: category, message: message,
                               unitID: unit, trackID: track, raisedAt: batch.now)
        nextID += 1
        _ = alert.commit()
        batch.insert(.alerts, key: alert.key, row: alert.row)
        open.append(alert)
    }

    /// Routine noise: comms, sensors, weather, overdue reports.
    mutating func raiseRoutine(units: UnitSimulator, batch: inout ExerciseBatch, random: inout ExerciseRandom) {
        let subject = units.randomActive(&random).map { units.unit($0) }
        let unit = subject.map { Value.int($0.id) } ?? .null
        let callsign = subject?.callsign ?? "BRIGADE NET"
        switch random.below(5) {
        case 0: raise("warning", "comms", "Comms degraded with " + callsign, unit: unit, batch: &batch)
        case 1:
            let p = area.point(from: 0.2, to: 0.8, random: &random)
            raise("warning", "airspace", "Airspace conflict at " + area.grid(lat: p.lat, lon: p.lon), batch: &batch)
        case 2: raise("info", "sensor", "Sensor coverage gap in " + random.pick(ExerciseText.namedAreas), batch: &batch)
        case 3: raise("info", "weather", "Visibility below 2 km in " + random.pick(ExerciseText.namedAreas), batch: &batch)
        default: raise("info", "reporting", "Position report overdue from " + callsign, unit: unit, batch: &batch)
        }
    }

    /// A track was just declared hostile.
    mutating func hostileTrack(_ track: TrackState, batch: inout ExerciseBatch) {
        raise(track.platform.isAirborne ? "critical" : "warning", "track",
              "Hostile " + track.platform.text + " " + track.number + " at " + area.grid(lat: track.lat, lon: track.lon),
              track: .int(track.id), batch: &batch)
    }

    /// A unit's fuel just fell below 30 %.
    mutating func fuelLow(_ unit: UnitState, batch: inout ExerciseBatch) {
        raise("warning", "logistics", unit.callsign + " fuel at " + ExerciseText.tenths(Int(unit.fuel.rounded())) + "%",
              unit: .int(unit.id), batch: &batch)
    }

    /// A unit was destroyed or had to withdraw.
    mutating func unitLost(_ unit: UnitState, batch: inout ExerciseBatch) {
        if unit.status == .destroyed {
            raise("critical", "casualty", unit.callsign + " destroyed", unit: .int(unit.id), batch: &batch)
        } else {
            raise("warning", "casualty", unit.callsign + " withdrawing at " + ExerciseText.tenths(unit.strength)
                  + "% strength", unit: .int(unit.id), batch: &batch)
        }
    }

    /// A watch officer acknowledges an open alert, or clears an acknowledged one. False when
    /// there is nothing to handle.
    mutating func handle(batch: inout ExerciseBatch, random: inout ExerciseRandom) -> Bool {
        if !open.isEmpty && (acknowledged.isEmpty || random.chance(0.55)) {
            let i = random.below(open.count)
            open.swapAt(i, open.count - 1)
            var alert = open.removeLast()
            alert.ackedAt = .int(batch.now)
            alert.ackedBy = .string(random.pick(ExerciseText.operators))
            let before = alert.commit()
            batch.update(.alerts, key: alert.key, before: before, after: alert.row)
            acknowledged.append(alert)
            return true
        }
        guard !acknowledged.isEmpty else { return false }
        let i = random.below(acknowledged.count)
        batch.delete(.alerts, key: acknowledged[i].key, row: acknowledged[i].row)
        acknowledged.swapAt(i, acknowledged.count - 1)
        acknowledged.removeLast()
        return true
    }
}
