/// The `orders` table: fragmentary orders issued to units and carried through to the end.
///
/// Each open order waits in a schedule for its next step: acknowledged a minute or two after
/// issue, started a few minutes later, progress reported every few minutes until done, so the
/// table shows the latencies a reviewer would look for. Orders are never deleted, so the table keeps growing through the exercise (tens of
/// thousands of rows in a million-event recording) while units and tracks stay small: the
/// recording has tables of very different sizes, as a real one does.
struct OrderSimulator: Sendable {
    /// Orders not yet done or cancelled, by when their next step is due.
    private(set) var open = ExerciseSchedule<OrderState>()
    private var nextID: Int64 = 1
    let area: ExerciseArea

    init(area: ExerciseArea) {
        self.area = area
    }

    /// A fragmentary order: one to four orders to units, issued in one transaction.
    mutating func issue(phase: ExercisePhase, units: UnitSimulator, batch: inout ExerciseBatch,
                        random: inout ExerciseRandom) -> Bool {
        var issued = false
        for _ in 0..<random.int(in: 1...4) {
            guard let index = units.randomActive(&random) else { break }
            let unit = units.unit(index)
            let kind = unit.side == .neutral ? OrderKind.hold : random.pick(OrderKind.typical(of: phase))
            var order = OrderState(
                id: nextID, unitID: unit.id, kind: kind, priority: random.int(in: 1...3),
                text: text(kind, for: unit, units: units, random: &random), issuedAt: batch.now,
                dueAt: batch.now + Int64(random.int(in: 10...45)) * 60_000_000, updatedAt: batch.now,
                key: ExerciseBatch.key(nextID))
            nextID += 1
            _ = order.commit()
            batch.insert(.orders, key: order.key, row: order.row)
            open.schedule(order, at: batch.now + Int64(random.int(in: 20...120)) * 1_000_000)
            issued = true
        }
        return issued
    }

    /// The order's text as the staff wrote it.
    private func text(_ kind: OrderKind, for unit: UnitState, units: UnitSimulator,
                      random: inout ExerciseRandom) -> String {
        switch kind {
        case .move:
            let p = area.point(from: 0.1, to: 0.9, random: &random)
            return "MOVE TO " + area.grid(lat: p.lat, lon: p.lon)
        case .attack:
            if let enemy = unit.side.enemy, let target = units.randomFighter(of: enemy, &random) {
                return "ATTACK " + units.unit(target).callsign
            }
            return "ATTACK " + random.pick(ExerciseText.objectives)
        case .defend: return "DEFEND " + random.pick(ExerciseText.objectives)
        case .recon: return "RECON " + random.pick(ExerciseText.namedAreas)
        case .resupply: return "RESUPPLY AT " + random.pick(ExerciseText.supplyPoints)
        case .withdraw: return "WITHDRAW TO " + random.pick(ExerciseText.phaseLines)
        case .hold: return "HOLD AT " + random.pick(ExerciseText.phaseLines)
        }
    }

    /// The order whose next step is due soonest moves on: acknowledged, started, a progress
    /// report, done, or cancelled. False when no order is due yet.
    mutating func advance(batch: inout ExerciseBatch, random: inout ExerciseRandom) -> Bool {
        guard var order = open.popDue(at: batch.now) else { return false }
        OrderSimulator.step(&order, random: &random)
        order.updatedAt = batch.now
        let before = order.commit()
        batch.update(.orders, key: order.key, before: before, after: order.row)
        if !order.status.isFinal {
            let wait = order.status == .acknowledged ? random.int(in: 60...300) : random.int(in: 120...600)
            open.schedule(order, at: batch.now + Int64(wait) * 1_000_000)
        }
        return true
    }

    /// The next status of an order (and its progress).
    private static func step(_ order: inout OrderState, random: inout ExerciseRandom) {
        switch order.status {
        case .issued:
            order.status = random.chance(0.94) ? .acknowledged : .cancelled
        case .acknowledged:
            order.status = random.chance(0.93) ? .inProgress : .cancelled
            order.progress = order.status == .inProgress ? random.int(in: 0...10) : 0
        case .inProgress:
            if random.chance(0.04) {
                order.status = .cancelled
            } else {
                order.progress = min(100, order.progress + random.int(in: 20...60))
                if order.progress == 100 { order.status = .done }
            }
        case .done, .cancelled:
            break
        }
    }
}
