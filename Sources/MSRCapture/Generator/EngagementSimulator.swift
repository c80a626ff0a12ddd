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

    /// How well a shot lands: most rounds miss or only keep heads down, few could kill.
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
/// An engagement is one transaction: the engagement row, half the time the shooter's report
/// that it is engaged, and the target's report of the damage (unless the shot missed). Rows are never deleted; a
/// later battle-damage assessment marks them `assessed`. Only unassessed rows stay in memory.
struct EngagementSimulator: Sendable {
    /// Engagements awaiting assessment: their key and row.
    private(set) var unassessed: [(key: [Field], row: [Field])] = []
    private var nextID: Int64 = 1

    /// A random fighter opens fire on a random fighter of the other side. Returns the target
    /// and what the shot did to it, or nil when one side has no one left to fight.
    mutating func fire(units: inout UnitSimulator, batch: inout ExerciseBatch,
                       random: inout ExerciseRandom) -> (target: Int, result: EngagementResult)? {
        let side: ExerciseSide = random.chance(0.5) ? .blue : .red
        guard let enemy = side.enemy,
              let shooter = units.randomFighter(of: side, &random),
              let target = units.randomFighter(of: enemy, &random) else { return nil }
        let kind = units.unit(shooter).kind
        let weapon = random.pick(kind.weapons), range = random.int(in: kind.range)
        // The engagement row goes first in the transaction, but its result is known only once
        // the target's damage is worked out.
        let slot = batch.count
        if random.chance(0.5) { units.openFire(shooter, batch: &batch) }
        let result = units.takeFire(target, severity: EngagementResult.draw(&random), batch: &batch, random: &random)
        let key = ExerciseBatch.key(nextID)
        let row = [
            Field("id", .int(nextID)),
            Field("shooter_id", .int(units.unit(shooter).id)),
            Field("target_id", .int(units.unit(target).id)),
            Field("weapon", .string(weapon)),
            Field("result", .string(result.text)),
            Field("range_m", .int(Int64(range))),
            Field("engaged_at", .int(batch.now)),
            Field("assessed", .bool(false)),
        ]
        nextID += 1
        batch.insert(.engagements, key: key, row: row, at: slot)
        unassessed.append((key, row))
        return (target, result)
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
