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

    /// The target's report after an engagement. `severity` is how well the shot landed; the
    /// result says what it did: `destroyed` only when the target really is, `damaged` when a
    /// would-be kill found a unit still too strong to die. A miss changes nothing and writes
    /// nothing.
    mutating func takeFire(_ index: Int, severity: EngagementResult, batch: inout ExerciseBatch,
                           random: inout ExerciseRandom) -> EngagementResult {
        if severity == .miss { return .miss }
        let mayDestroy = self.mayDestroy, scale = effectScale
        var outcome = severity
        update(index, batch: &batch) { u in
            let harm: ClosedRange<Int>
            switch severity {
            case .miss: harm = 0...0
            case .suppressed: harm = 0...10
            case .hit: harm = 10...50
            case .damaged: harm = 50...180
            case .destroyed: harm = 150...300
            }
            u.strength -= Int((Double(random.int(in: harm)) * scale).rounded())
            // A kill needs a unit already worn down, and gets rarer per shot as shots get
            // denser, so the losses over the exercise do not depend on the event count.
            let killed = u.strength < 100
                || (severity == .destroyed && u.strength < 400 && random.chance(scale))
            if killed && mayDestroy {
                u.status = .destroyed
                u.strength = min(max(u.strength, 0), random.int(in: 0...60))
                u.speed = 0
                outcome = .destroyed
                return
            }
            if outcome == .destroyed { outcome = .damaged }
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
        return outcome
    }
}
