import MSRModel

/// The outcome of one engagement, as the `engagements.result` column shows it.
enum EngagementResult: Int, Sendable {
    case miss, suppressed, hit, damaged, destroyed

    var text: String {
        switch self {
        case .miss: return "miss"
        case .suppressed: return "suppressed"
        case .hit: return "hit"
        case .damaged: return "damaged"
        case .destroyed: return "destroyed"
        }
    }

    /// Most rounds miss or only keep heads down; few kill.
    static func draw(_ random: inout ExerciseRandom) -> EngagementResult {
        let roll = random.unit()
        if roll < 0.38 { return .miss }
        if roll < 0.62 { return .suppressed }
        if roll < 0.84 { return .hit }
        if roll < 0.96 { return .damaged }
        return .destroyed
    }
}

/// The `engagements` table: who fired at whom, with what, and what came of it.
///
/// An engagement is one transaction: the engagement row, the target's report of the damage
/// and, half the time, the shooter's report that it is engaged. Rows are never deleted; a
/// later battle-damage assessment marks them `assessed`. Only unassessed rows stay in memory.
struct EngagementSimulator: Sendable {
    /// Engagements awaiting assessment: their key and row.
    private(set) var unassessed: [(key: [Field], row: [Field])] = []
    private var nextID: Int64 = 1

    /// A random fighter opens fire on a random fighter of the other side. Returns the target
    /// and its new status (nil status: a miss left it untouched), or nil when one side has no
    /// one left to fight.
    mutating func fire(units: inout UnitSimulator, batch: inout ExerciseBatch,
                       random: inout ExerciseRandom) -> (target: Int, status: UnitStatus?)? {
        let side: ExerciseSide = random.chance(0.5) ? .blue : .red
        guard let enemy = side.enemy,
              let shooter = units.randomFighter(of: side, &random),
              let target = units.randomFighter(of: enemy, &random) else { return nil }
        let s = units.unit(shooter)
        let result = EngagementResult.draw(&random)
        let key = ExerciseBatch.key(nextID)
        let row = [
            Field("id", .int(nextID)),
            Field("shooter_id", .int(s.id)),
            Field("target_id", .int(units.unit(target).id)),
            Field("weapon", .string(random.pick(s.kind.weapons))),
            Field("result", .string(result.text)),
            Field("range_m", .int(Int64(random.int(in: s.kind.range)))),
            Field("engaged_at", .int(batch.now)),
            Field("assessed", .bool(false)),
        ]
        nextID += 1
        batch.insert(.engagements, key: key, row: row)
        unassessed.append((key, row))
        if random.chance(0.5) { units.openFire(shooter, batch: &batch) }
        return (target, units.takeFire(target, result: result, batch: &batch, random: &random))
    }

    /// Battle-damage assessment of a random unassessed engagement. False when none is left.
    mutating func assess(batch: inout ExerciseBatch, random: inout ExerciseRandom) -> Bool {
        guard !unassessed.isEmpty else { return false }
        let i = random.below(unassessed.count)
        let (key, before) = unassessed[i]
        var after = before
        after[after.count - 1] = Field("assessed", .bool(true))
        batch.update(.engagements, key: key, before: before, after: after)
        unassessed.swapAt(i, unassessed.count - 1)
        unassessed.removeLast()
        return true
    }
}
