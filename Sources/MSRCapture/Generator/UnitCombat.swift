/// What fire does to units: the shooter halts and reports itself engaged; the target loses
/// strength and may be damaged, withdraw or be destroyed.
extension UnitSimulator {
    /// The shooter's report: engaged (unless already worse off) and slowed to a crawl.
    mutating func openFire(_ index: Int, batch: inout ExerciseBatch) {
        update(index, batch: &batch) { u in
            if u.status == .ready || u.status == .moving { u.status = .engaged }
            u.speed = UnitMovement.tenth(u.speed * 0.3)
        }
    }

    /// The target's report after an engagement; nil when the shot missed and nothing changed.
    /// Returns the target's new status so the caller can raise an alert.
    mutating func takeFire(_ index: Int, result: EngagementResult, batch: inout ExerciseBatch,
                           random: inout ExerciseRandom) -> UnitStatus? {
        if result == .miss { return nil }
        let mayDestroy = self.mayDestroy, scale = damageScale
        update(index, batch: &batch) { u in
            let harm: ClosedRange<Int>
            switch result {
            case .miss: harm = 0...0
            case .suppressed: harm = 0...10
            case .hit: harm = 10...50
            case .damaged: harm = 50...180
            case .destroyed: harm = 150...300
            }
            u.strength -= Int((Double(random.int(in: harm)) * scale).rounded())
            // A kill needs a unit already worn down; a fresh one only takes heavy damage.
            if result == .destroyed && u.strength < 400 { u.strength = random.int(in: 0...60) }
            if u.strength < 100 && mayDestroy {
                u.status = .destroyed
                u.strength = max(u.strength, 0)
                u.speed = 0
                return
            }
            // Targets are drawn from units able to fight, so none is withdrawn already.
            u.strength = max(u.strength, 100)
            if u.strength < 450 && random.chance(0.35) {
                u.status = .withdrawn
            } else if u.strength < 700 {
                u.status = .damaged
            } else if u.status != .damaged {
                u.status = .engaged
            }
            u.speed = UnitMovement.tenth(u.speed * 0.5)
        }
        return units[index].status
    }
}
