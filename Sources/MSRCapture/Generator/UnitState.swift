import MSRModel

/// One unit of the order of battle as the simulation tracks it, with its current row image.
///
/// The row image is kept alongside the typed fields so that an update's before-image is the
/// stored array (shared, not rebuilt) and only the after-image costs an allocation.
struct UnitState: Sendable {
    let id: Int64
    let callsign: String
    let side: ExerciseSide
    let kind: UnitKind
    var status: UnitStatus = .ready
    var lat: Double
    var lon: Double
    var heading: Int
    /// km/h, to one decimal.
    var speed: Double = 0
    /// Tenths of a percent; fractional, so that the many short hops of a dense recording
    /// still burn fuel.
    var fuel: Double
    /// Tenths of a percent.
    var strength: Int
    /// µs since the epoch of the unit's last report.
    var updatedAt: Int64
    /// Where the unit is heading for.
    var objectiveLat: Double
    var objectiveLon: Double
    /// Whether a low-fuel alert went out since the last resupply, so it is raised once.
    var fuelAlerted = false
    let key: [Field]
    /// The row as last written, empty until the unit has appeared in the table.
    var row: [Field] = []

    init(id: Int64, callsign: String, side: ExerciseSide, kind: UnitKind, lat: Double, lon: Double,
         heading: Int, fuel: Int, strength: Int, updatedAt: Int64) {
        self.id = id
        self.callsign = callsign
        self.side = side
        self.kind = kind
        self.lat = lat
        self.lon = lon
        self.heading = heading
        self.fuel = Double(fuel)
        self.strength = strength
        self.updatedAt = updatedAt
        self.objectiveLat = lat
        self.objectiveLon = lon
        self.key = ExerciseBatch.key(id)
    }

    /// Whether the unit can still be shot at and shoot back.
    var canFight: Bool {
        status != .destroyed && status != .withdrawn && side != .neutral
    }

    /// The full row in the column order of `ExerciseTable.units`.
    func image() -> [Field] {
        [
            Field("id", .int(id)),
            Field("callsign", .string(callsign)),
            Field("side", .string(side.text)),
            Field("kind", .string(kind.text)),
            Field("status", .string(status.text)),
            Field("lat", .double(lat)),
            Field("lon", .double(lon)),
            Field("heading", .int(Int64(heading))),
            Field("speed", .double(speed)),
            Field("fuel", ExercisePercent.value(tenths: Int(fuel.rounded()))),
            Field("strength", ExercisePercent.value(tenths: strength)),
            Field("updated_at", .int(updatedAt)),
        ]
    }

    /// Writes the current fields as the new row and returns the one it replaces (swapped
    /// out rather than copied, which saves a retain and a release per change).
    mutating func commit() -> [Field] {
        var before = image()
        swap(&before, &row)
        return before
    }
}
