/// How units move, burn fuel and get resupplied.
///
/// Each unit steers for an objective: BLUE and RED close on the line of contact through the
/// middle of the box, withdrawn units fall back to their side's rear, neutrals wander. A
/// report moves the unit by the distance its last speed covered since its last report (capped,
/// so sparse recordings do not teleport units across the map), then picks a new heading and
/// speed. Speeds drop as the exercise goes from movement to contact to consolidation.
extension UnitSimulator {
    /// A position report from a random unit. Returns the unit's index when its fuel just ran
    /// low, so the caller can raise an alert in the same transaction.
    mutating func move(phase: ExercisePhase, batch: inout ExerciseBatch, random: inout ExerciseRandom) -> Int? {
        guard let i = randomActive(&random) else { return nil }
        let area = self.area, now = batch.now
        var lowFuel = false
        update(i, batch: &batch) { u in
            let hours = Double(max(now - u.updatedAt, 0)) / 3_600_000_000
            let km = min(u.speed * hours, 15)
            if km > 0 {
                (u.lat, u.lon) = area.advance(lat: u.lat, lon: u.lon, heading: u.heading, km: km)
                u.fuel = max(0, u.fuel - km * u.kind.burn)
            }
            if area.distance(fromLat: u.lat, fromLon: u.lon, toLat: u.objectiveLat, toLon: u.objectiveLon) < 1.5 {
                let (from, to) = UnitMovement.objectiveBand(u, phase: phase)
                (u.objectiveLat, u.objectiveLon) = area.point(from: from, to: to, random: &random)
            }
            let bearing = area.bearing(fromLat: u.lat, fromLon: u.lon, toLat: u.objectiveLat, toLon: u.objectiveLon)
            u.heading = ExerciseArea.normalise(bearing + random.int(in: -25...25))
            let halted = u.fuel < 1 || random.chance(UnitMovement.haltChance(phase))
            u.speed = halted ? 0 : UnitMovement.tenth(u.kind.cruise * UnitMovement.pace(phase) * random.double(0.7, 1.15))
            switch u.status {
            case .damaged, .withdrawn, .destroyed:
                break
            case .engaged where phase == .engagement && random.chance(0.5):
                break
            default:
                u.status = u.speed > 0 ? .moving : .ready
            }
            if !u.fuelAlerted && u.fuel < 300 {
                u.fuelAlerted = true
                lowFuel = true
            }
        }
        return lowFuel ? i : nil
    }

    /// A top-up from the logistics train: the neediest of a few random units gets fuel and
    /// replacements (scaled like damage, so denser recordings do not heal faster), and a
    /// damaged or withdrawn unit is fit to fight again.
    mutating func resupply(batch: inout ExerciseBatch, random: inout ExerciseRandom) -> Bool {
        guard var best = randomActive(&random) else { return false }
        for _ in 0..<3 {
            guard let other = randomActive(&random) else { break }
            let a = unit(other), b = unit(best)
            if a.fuel + Double(a.strength) < b.fuel + Double(b.strength) { best = other }
        }
        let scale = effectScale
        update(best, batch: &batch) { u in
            u.fuel = min(Double(ExercisePercent.maxTenths), u.fuel + Double(random.int(in: 30...90)) * scale)
            let replacements = Double(random.int(in: 30...120)) * scale
            u.strength = min(ExercisePercent.maxTenths, u.strength + Int(replacements.rounded()))
            u.fuelAlerted = false
            u.speed = 0
            if u.status == .damaged || u.status == .withdrawn || u.status == .engaged { u.status = .ready }
        }
        return true
    }
}

/// Phase-dependent movement numbers.
enum UnitMovement {
    /// Fraction of cruising speed units keep to in each phase.
    static func pace(_ phase: ExercisePhase) -> Double {
        switch phase {
        case .setup: return 0.5
        case .movement: return 1.0
        case .contact: return 0.6
        case .engagement: return 0.45
        case .consolidation: return 0.25
        }
    }

    /// Chance that a report finds the unit halted.
    static func haltChance(_ phase: ExercisePhase) -> Double {
        switch phase {
        case .setup: return 0.5
        case .movement: return 0.1
        case .contact: return 0.25
        case .engagement: return 0.3
        case .consolidation: return 0.55
        }
    }

    /// Where a unit looks for its next objective, as fractions of the box's width.
    static func objectiveBand(_ u: UnitState, phase: ExercisePhase) -> (Double, Double) {
        switch (u.side, u.status) {
        case (.blue, .withdrawn): return (0.02, 0.15)
        case (.red, .withdrawn): return (0.85, 0.98)
        case (.neutral, _): return (0.05, 0.95)
        case (_, _) where u.kind == .air: return (0.20, 0.80)
        case (.blue, _): return phase == .setup ? (0.15, 0.35) : (0.35, 0.52)
        case (.red, _): return phase == .setup ? (0.65, 0.85) : (0.48, 0.65)
        }
    }

    /// A speed to one decimal, as the unit's report gives it.
    static func tenth(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }
}
