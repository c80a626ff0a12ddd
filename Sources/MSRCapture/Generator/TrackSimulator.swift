import MSRModel

/// The `tracks` table: what the sensors see of the other side.
///
/// Tracks appear (insert), move (update of position and `last_seen`), are reclassified as
/// evidence accumulates (update of `classification`) and are dropped when contact is lost
/// (delete). How many are alive follows the phase: a handful at setup, the full capacity in
/// the fight, a trickle again at consolidation. Only live tracks are kept in memory.
struct TrackSimulator: Sendable {
    private(set) var live: [TrackState] = []
    private var nextID: Int64 = 1
    let capacity: Int
    let area: ExerciseArea

    init(capacity: Int, area: ExerciseArea) {
        self.capacity = capacity
        self.area = area
    }

    /// How many tracks the sensors hold at best in a phase.
    func target(_ phase: ExercisePhase) -> Int {
        let share: Double
        switch phase {
        case .setup: share = 0.03
        case .movement: share = 0.2
        case .contact: share = 0.7
        case .engagement: share = 1.0
        case .consolidation: share = 0.3
        }
        return max(1, Int(Double(capacity) * share))
    }

    /// A track appears or is dropped, whichever brings the count closer to the phase's target.
    mutating func churn(phase: ExercisePhase, units: UnitSimulator, batch: inout ExerciseBatch,
                        random: inout ExerciseRandom) {
        let appear = random.chance(live.count < target(phase) ? 0.85 : 0.2)
        if appear || live.isEmpty {
            self.appear(units: units, batch: &batch, random: &random)
        } else {
            let i = random.below(live.count)
            batch.delete(.tracks, key: live[i].key, row: live[i].row)
            live.swapAt(i, live.count - 1)
            live.removeLast()
        }
    }

    private mutating func appear(units: UnitSimulator, batch: inout ExerciseBatch, random: inout ExerciseRandom) {
        let id = nextID
        nextID += 1
        let platform = TrackPlatform(rawValue: random.below(TrackPlatform.allCases.count)) ?? .wheeled
        let p = platform.isAirborne ? area.point(from: 0.1, to: 0.9, random: &random)
            : area.point(from: 0.4, to: 0.9, random: &random)
        let reporter = units.randomFighter(of: .blue, &random).map { Value.int(units.unit($0).id) } ?? .null
        var track = TrackState(
            id: id, number: "TN-" + ExerciseText.padded(Int(id % 100_000), width: 5),
            identity: random.chance(0.6) ? .pending : .unknown, platform: platform,
            lat: p.lat, lon: p.lon, course: random.below(360),
            speed: UnitMovement.tenth(random.double(platform.speeds.0, platform.speeds.1)),
            reportedBy: reporter, firstSeen: batch.now, lastSeen: batch.now, key: ExerciseBatch.key(id))
        _ = track.commit()
        batch.insert(.tracks, key: track.key, row: track.row)
        live.append(track)
    }

    /// A new plot on a random track: it moves on its course, turning back at the box's edge.
    /// False when no track is alive.
    mutating func update(batch: inout ExerciseBatch, random: inout ExerciseRandom) -> Bool {
        guard !live.isEmpty else { return false }
        let i = random.below(live.count)
        TrackSimulator.move(&live[i], in: area, now: batch.now, random: &random)
        let before = live[i].commit()
        batch.update(.tracks, key: live[i].key, before: before, after: live[i].row)
        return true
    }

    /// A random track's identity moves on a step (pending → suspect → hostile, say). Returns
    /// the reclassified track, or nil when no live track could be reclassified.
    mutating func reclassify(batch: inout ExerciseBatch, random: inout ExerciseRandom) -> TrackState? {
        guard !live.isEmpty else { return nil }
        for _ in 0..<4 {
            let i = random.below(live.count)
            guard let identity = live[i].identity.next(&random) else { continue }
            live[i].identity = identity
            TrackSimulator.move(&live[i], in: area, now: batch.now, random: &random)
            let before = live[i].commit()
            batch.update(.tracks, key: live[i].key, before: before, after: live[i].row)
            return live[i]
        }
        return nil
    }

    /// Static so it can change a track stored in `live` in place.
    private static func move(_ t: inout TrackState, in area: ExerciseArea, now: Int64, random: inout ExerciseRandom) {
        let hours = Double(max(now - t.lastSeen, 0)) / 3_600_000_000
        let km = min(t.speed * hours, 20)
        let (lat, lon) = area.advance(lat: t.lat, lon: t.lon, heading: t.course, km: km)
        let blocked = km > 0 && lat == t.lat && lon == t.lon
        let atEdge = lat <= area.south || lat >= area.north || lon <= area.west || lon >= area.east
        t.lat = lat
        t.lon = lon
        let turn = atEdge || blocked ? 180 + random.int(in: -40...40) : random.int(in: -15...15)
        t.course = ExerciseArea.normalise(t.course + turn)
        let (low, high) = t.platform.speeds
        t.speed = UnitMovement.tenth(min(max(t.speed * random.double(0.85, 1.15), low), high))
        t.lastSeen = now
    }
}
