import MSRModel

/// A deterministic synthetic command-and-control exercise, as a stream of source changes.
///
/// `msr generate` feeds this to a recording writer so there is something realistic to replay
/// without a live source: units moving and fighting, sensor tracks coming and going, orders
/// and alerts worked through, over about two hours of exercise time whose activity rises and
/// falls with the phases. The stream is a pure function of the configuration: same config,
/// byte-identical changes, in any build on any platform.
///
/// Every change carries full images (after for reads, inserts and updates; before for updates
/// and deletes), its table's column types, and its key as `keyFields`. Commit times never
/// decrease; changes of one transaction share a commit time; `position` (a synthetic LSN)
/// strictly increases; `origin` counts changes from 1.
public struct ExerciseGenerator: IteratorProtocol, Sequence, Sendable {
    public let config: ExerciseConfig
    /// How many changes `next()` has returned.
    public private(set) var produced = 0

    /// The tables the generator writes, with columns and keys, so a writer can create them
    /// before the first change arrives.
    public static var tables: [ExerciseTable] { ExerciseTable.all }

    private var random: ExerciseRandom
    private var clock: ExerciseClock
    private let mix = ExerciseActionMix()
    private var units: UnitSimulator
    private var tracks: TrackSimulator
    private var orders: OrderSimulator
    private var alerts: AlertSimulator
    private var engagements = EngagementSimulator()
    /// What is left of the current transaction.
    private var batch = ExerciseBatch()
    private var snapshotTaken = false
    /// The last source position handed out; starts at an arbitrary WAL-like offset.
    private var position: Int64 = 0x16_B3A0_0000

    public init(config: ExerciseConfig = ExerciseConfig()) {
        self.config = config
        var random = ExerciseRandom(seed: config.seed)
        let area = ExerciseArea()
        clock = ExerciseClock(duration: config.resolvedDuration, events: config.events, random: random.fork())
        units = UnitSimulator(count: config.resolvedUnitCount, start: config.start.micros, area: area,
                              effectScale: config.effectScale, random: &random)
        tracks = TrackSimulator(capacity: config.resolvedTrackCapacity, area: area)
        orders = OrderSimulator(area: area)
        alerts = AlertSimulator(area: area)
        self.random = random
    }

    /// The phase of the exercise a moment falls in.
    public func phase(at time: Timestamp) -> ExercisePhase {
        clock.phase(atOffset: time - config.start)
    }

    public mutating func next() -> SourceChange? {
        guard produced < config.events else { return nil }
        while true {
            if var change = batch.take() {
                position += Int64(24 + random.below(360))
                change.position = SourcePosition(position)
                produced += 1
                change.origin = produced
                return change
            }
            refill()
            batch.seal()
        }
    }

    /// Builds the next transaction: the opening snapshot first, then one action at a time at
    /// the moment the clock gives for the next change.
    private mutating func refill() {
        guard snapshotTaken else {
            snapshotTaken = true
            batch.begin(at: config.start)
            units.snapshot(count: config.snapshotUnitCount, batch: &batch)
            return
        }
        let offset = clock.offset(forEvent: produced)
        batch.begin(at: config.start + offset)
        let phase = clock.phase(atOffset: offset)
        let burst = phase == .engagement && clock.inBurst(atOffset: offset)
        for _ in 0..<8 {
            let action = mix.pick(phase, burst: burst, random: &random)
            if perform(action, phase: phase, burst: burst) { return }
        }
        // A track can always appear, so the stream never stalls.
        tracks.churn(phase: phase, units: units, batch: &batch, random: &random)
    }

    /// Carries out one action into the batch; false when it had nothing to act on.
    private mutating func perform(_ action: ExerciseAction, phase: ExercisePhase, burst: Bool) -> Bool {
        switch action {
        case .unitMove:
            if let low = units.move(phase: phase, batch: &batch, random: &random) {
                alerts.fuelLow(units.unit(low), batch: &batch, random: &random)
            }
        case .unitReinforce:
            return units.reinforce(batch: &batch, random: &random)
        case .unitResupply:
            return units.resupply(batch: &batch, random: &random)
        case .trackChurn:
            tracks.churn(phase: phase, units: units, batch: &batch, random: &random)
        case .trackUpdate:
            // One radar sweep reports a few tracks at once.
            for _ in 0..<random.int(in: 1...3) {
                if !tracks.update(batch: &batch, random: &random) { break }
            }
        case .trackReclassify:
            if let track = tracks.reclassify(batch: &batch, random: &random), track.identity == .hostile {
                alerts.hostileTrack(track, batch: &batch, random: &random)
            }
        case .orderIssue:
            return orders.issue(phase: phase, units: units, batch: &batch, random: &random)
        case .orderAdvance:
            return orders.advance(batch: &batch, random: &random)
        case .alertRaise:
            alerts.raiseRoutine(units: units, batch: &batch, random: &random)
        case .alertHandle:
            return alerts.handle(batch: &batch, random: &random)
        case .engagement:
            // In a burst several shooters fire in the same transaction.
            for _ in 0..<(burst ? random.int(in: 1...3) : 1) {
                guard let shot = engagements.fire(units: &units, batch: &batch, random: &random) else { break }
                let status = units.unit(shot.target).status
                if status == .destroyed || status == .withdrawn {
                    alerts.unitLost(units.unit(shot.target), batch: &batch, random: &random)
                }
            }
        case .engagementAssess:
            return engagements.assess(batch: &batch, random: &random)
        }
        return !batch.isEmpty
    }
}
