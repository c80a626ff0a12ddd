import MSRModel

/// The `units` table: the order of battle, its movement, fuel, damage and resupply.
///
/// Units are created up front (ids 1…n); the first part is read by the opening snapshot, the
/// rest arrive later as reinforcements. Units are never deleted: a destroyed unit stays in the
/// table, as a reviewer wants to see it. At most a third of the units may be destroyed, so the
/// fight never runs out of participants however many events are asked for.
struct UnitSimulator: Sendable {
    private(set) var units: [UnitState] = []
    /// Units that have appeared and are not destroyed: they move, take orders, get resupplied.
    private(set) var active: ExercisePool
    /// Per side (blue, red): units that can fight right now.
    private(set) var fighters: [ExercisePool]
    /// The next unit still waiting to arrive.
    private var nextArrival = 0
    private var destroyed = 0
    let area: ExerciseArea
    /// Scales what one hit or one resupply does (see `ExerciseConfig.effectScale`).
    let effectScale: Double

    init(count: Int, start: Int64, area: ExerciseArea, effectScale: Double, random: inout ExerciseRandom) {
        self.area = area
        self.effectScale = effectScale
        active = ExercisePool(universe: count)
        fighters = [ExercisePool(universe: count), ExercisePool(universe: count)]
        var companies = [0, 0, 0]
        for i in 0..<count {
            // Every tenth unit is neutral; the others alternate, so both the snapshot and the
            // reinforcements hold both sides.
            let side: ExerciseSide = i % 10 == 9 ? .neutral : (i % 2 == 0 ? .blue : .red)
            let n = companies[side.rawValue]
            companies[side.rawValue] += 1
            let company = n % ExerciseText.phonetic.count
            let callsign = side.text + "-" + String(n / ExerciseText.phonetic.count + 1) + "-"
                + ExerciseText.phonetic[company]
            let kind = side == .neutral ? random.pick(UnitKind.neutralMix)
                : (company == 0 ? .hq : random.pick(UnitKind.companyMix))
            let (from, to) = UnitSimulator.startBand(side)
            let p = area.point(from: from, to: to, random: &random)
            units.append(UnitState(
                id: Int64(i + 1), callsign: callsign, side: side, kind: kind, lat: p.lat, lon: p.lon,
                heading: random.below(360), fuel: random.int(in: 250...1_000),
                strength: random.int(in: 850...1_000),
                updatedAt: start - Int64(random.int(in: 60...3_600)) * 1_000_000))
        }
    }

    var count: Int { units.count }
    var hasReserve: Bool { nextArrival < units.count }

    /// Where a side's units start, as fractions of the box's width.
    private static func startBand(_ side: ExerciseSide) -> (Double, Double) {
        switch side {
        case .blue: return (0.02, 0.30)
        case .red: return (0.70, 0.98)
        case .neutral: return (0.10, 0.90)
        }
    }

    /// The opening snapshot: the first `count` units, read as they stand.
    mutating func snapshot(count: Int, batch: inout ExerciseBatch) {
        for _ in 0..<min(count, units.count) {
            let i = arrive()
            batch.read(.units, key: units[i].key, row: units[i].row)
        }
    }

    /// A reinforcement arriving at its side's rear edge; false when none is left.
    mutating func reinforce(batch: inout ExerciseBatch, random: inout ExerciseRandom) -> Bool {
        guard hasReserve else { return false }
        let side = units[nextArrival].side
        let band: (Double, Double) = side == .blue ? (0.0, 0.08) : (side == .red ? (0.92, 1.0) : (0.2, 0.8))
        let p = area.point(from: band.0, to: band.1, random: &random)
        units[nextArrival].lat = p.lat
        units[nextArrival].lon = p.lon
        units[nextArrival].updatedAt = batch.now
        let i = arrive()
        batch.insert(.units, key: units[i].key, row: units[i].row)
        return true
    }

    private mutating func arrive() -> Int {
        let i = nextArrival
        nextArrival += 1
        _ = units[i].commit()
        active.insert(i)
        if units[i].canFight { fighters[units[i].side.rawValue].insert(i) }
        return i
    }

    func unit(_ index: Int) -> UnitState { units[index] }

    /// A random unit that has appeared and is not destroyed.
    func randomActive(_ random: inout ExerciseRandom) -> Int? {
        active.random(&random)
    }

    /// A random unit of `side` able to fight.
    func randomFighter(of side: ExerciseSide, _ random: inout ExerciseRandom) -> Int? {
        side == .neutral ? nil : fighters[side.rawValue].random(&random)
    }

    /// Changes a unit in place and writes the change as an update (reported now), keeping the
    /// pools and the count of destroyed units in step with its status.
    ///
    /// Changing the stored unit through a closure, rather than copying it out and back,
    /// spares the reference counting of its strings and row arrays on every report.
    mutating func update(_ index: Int, batch: inout ExerciseBatch, _ change: (inout UnitState) -> Void) {
        let wasDestroyed = units[index].status == .destroyed
        change(&units[index])
        units[index].updatedAt = batch.now
        let before = units[index].commit()
        batch.update(.units, key: units[index].key, before: before, after: units[index].row)
        let side = units[index].side
        if units[index].status == .destroyed && !wasDestroyed {
            destroyed += 1
            active.remove(index)
        }
        if units[index].canFight {
            fighters[side.rawValue].insert(index)
        } else if side != .neutral {
            fighters[side.rawValue].remove(index)
        }
    }

    /// Whether one more unit may be destroyed; the cap keeps two thirds of the force alive.
    var mayDestroy: Bool { destroyed < units.count / 3 }
}
