/// What fire does to units: the shooter halts and reports itself engaged; the target loses
/// strength and may be damaged, withdraw or be destroyed.
extension UnitSimulator {
    /// The shooter's report: engaged (unless already worse off) and slowed to a crawl.
    mutating func openFire(_ index: Int, batch: inout ExerciseBatch) {
        var u = unit(index)
        if u.status == .ready || u.status == .moving { u.status = .engaged }
        u.speed = UnitMovement.tenth(u.speed * 0.3)
        u.updatedAt = batch.now
        store(u, at: index, batch: &batch)
    }

    /// The target's report after an engagement; nil when the shot missed and nothing changed.
    /// Returns the target's new status so the caller can raise an alert.
    mutating func takeFire(_ index: Int, result: EngagementResult, batch: inout ExerciseBatch,
                           random: inout ExerciseRandom) -> UnitStatus? {
        var u = unit(index)
        switch result {
        case .miss: return nil
        case .suppressed: u.strength -= random.int(in: 5...20)
        case .hit: u.strength -= random.int(in: 20...80)
        case .damaged: u.strength -= random.int(in: 80...250)
        case .destroyed: u.strength = mayDestroy ? random.int(in: 0...60) : min(u.strength, 100)
        }
        if u.strength < 100 && mayDestroy {
            u.status = .destroyed
            u.strength = max(u.strength, 0)
            u.speed = 0
        } else {
            u.strength = max(u.strength, 100)
            if u.strength < 450 && random.chance(0.35) {
                u.status = .withdrawn
            } else if u.strength < 700 {
                u.status = u.status == .withdrawn ? .withdrawn : .damaged
            } else if u.status != .damaged && u.status != .withdrawn {
                u.status = .engaged
            }
            u.speed = UnitMovement.tenth(u.speed * 0.5)
        }
        u.updatedAt = batch.now
        store(u, at: index, batch: &batch)
        return u.status
    }
}
