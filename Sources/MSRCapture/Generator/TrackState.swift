import MSRModel

/// The standard identities a sensor track moves through as evidence accumulates.
enum TrackIdentity: Int, Sendable {
    case pending, unknown, assumedFriend, friend, neutral, suspect, hostile

    var text: String {
        switch self {
        case .pending: return "pending"
        case .unknown: return "unknown"
        case .assumedFriend: return "assumed friend"
        case .friend: return "friend"
        case .neutral: return "neutral"
        case .suspect: return "suspect"
        case .hostile: return "hostile"
        }
    }

    /// The identity after the next reclassification, or nil when this one is final.
    func next(_ random: inout ExerciseRandom) -> TrackIdentity? {
        let roll = random.unit()
        switch self {
        case .pending: return roll < 0.4 ? .unknown : roll < 0.7 ? .suspect : roll < 0.9 ? .assumedFriend : .neutral
        case .unknown: return roll < 0.5 ? .suspect : roll < 0.75 ? .assumedFriend : .neutral
        case .suspect: return roll < 0.75 ? .hostile : .unknown
        case .assumedFriend: return roll < 0.85 ? .friend : .suspect
        case .friend, .neutral, .hostile: return nil
        }
    }
}

/// What a track is thought to be, with the speeds such a thing moves at (km/h).
enum TrackPlatform: Int, Sendable, CaseIterable {
    case wheeled, tracked, fixedWing, rotaryWing, uav, dismounted

    var text: String {
        switch self {
        case .wheeled: return "wheeled vehicle"
        case .tracked: return "tracked vehicle"
        case .fixedWing: return "fixed wing"
        case .rotaryWing: return "rotary wing"
        case .uav: return "UAV"
        case .dismounted: return "dismounted"
        }
    }

    var speeds: (Double, Double) {
        switch self {
        case .wheeled: return (15, 70)
        case .tracked: return (8, 40)
        case .fixedWing: return (350, 850)
        case .rotaryWing: return (80, 260)
        case .uav: return (60, 180)
        case .dismounted: return (2, 6)
        }
    }

    var isAirborne: Bool { self == .fixedWing || self == .rotaryWing || self == .uav }
}

/// One live sensor track and its current row image.
struct TrackState: Sendable {
    let id: Int64
    let number: String
    var identity: TrackIdentity
    let platform: TrackPlatform
    var lat: Double
    var lon: Double
    var course: Int
    var speed: Double
    /// The unit whose sensor holds the track, or null when no friendly unit is left to say.
    var reportedBy: Value
    let firstSeen: Int64
    var lastSeen: Int64
    let key: [Field]
    var row: [Field] = []

    /// The full row in the column order of `ExerciseTable.tracks`.
    func image() -> [Field] {
        [
            Field("id", .int(id)),
            Field("track_number", .string(number)),
            Field("classification", .string(identity.text)),
            Field("platform", .string(platform.text)),
            Field("lat", .double(lat)),
            Field("lon", .double(lon)),
            Field("course", .int(Int64(course))),
            Field("speed", .double(speed)),
            Field("reported_by", reportedBy),
            Field("first_seen", .int(firstSeen)),
            Field("last_seen", .int(lastSeen)),
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
