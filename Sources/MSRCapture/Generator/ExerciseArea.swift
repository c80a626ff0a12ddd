/// The piece of ground the exercise is fought over, and the flat-earth arithmetic that moves
/// things across it.
///
/// The box is small (about 70 km square) so a local flat projection is accurate enough and
/// costs a multiply instead of great-circle trigonometry; `ExerciseCompass` keeps the little
/// trigonometry left free of the platform's math library. BLUE starts in the west, RED in the
/// east, and the line of contact runs north–south through the middle.
struct ExerciseArea: Sendable {
    let south = 56.90, north = 57.50
    let west = 9.40, east = 10.60
    /// Kilometres per degree of latitude, and of longitude at the box's middle latitude.
    let kmPerLat = 111.2
    let kmPerLon = 60.6

    /// A random point in the box between two fractions of its width (0 = west edge).
    func point(from: Double, to: Double, random: inout ExerciseRandom) -> (lat: Double, lon: Double) {
        let lat = random.double(south + 0.02, north - 0.02)
        let lon = west + (east - west) * random.double(from, to)
        return (rounded(lat), rounded(lon))
    }

    /// Where something at `lat`/`lon` ends up after `km` on `heading` (degrees clockwise from
    /// north), kept inside the box.
    func advance(lat: Double, lon: Double, heading: Int, km: Double) -> (lat: Double, lon: Double) {
        let step = ExerciseCompass.steps[ExerciseArea.normalise(heading)]
        let newLat = lat + km * step.north / kmPerLat
        let newLon = lon + km * step.east / kmPerLon
        return (rounded(min(max(newLat, south), north)), rounded(min(max(newLon, west), east)))
    }

    /// The heading (0–359) from one point to another.
    func bearing(fromLat: Double, fromLon: Double, toLat: Double, toLon: Double) -> Int {
        ExerciseCompass.bearing(east: (toLon - fromLon) * kmPerLon, north: (toLat - fromLat) * kmPerLat)
    }

    /// The distance in kilometres between two points.
    func distance(fromLat: Double, fromLon: Double, toLat: Double, toLon: Double) -> Double {
        let dx = (toLon - fromLon) * kmPerLon, dy = (toLat - fromLat) * kmPerLat
        return (dx * dx + dy * dy).squareRoot()
    }

    /// A grid reference a staff officer would write in an order, `NF 4512 7833`: the position
    /// in the box in units of 10 m east and north of its south-west corner.
    func grid(lat: Double, lon: Double) -> String {
        let easting = Int((lon - west) * kmPerLon * 100) % 10_000
        let northing = Int((lat - south) * kmPerLat * 100) % 10_000
        return "NF " + ExerciseText.padded(easting, width: 4) + " " + ExerciseText.padded(northing, width: 4)
    }

    /// A heading folded into 0–359.
    static func normalise(_ heading: Int) -> Int {
        let h = heading % 360
        return h < 0 ? h + 360 : h
    }

    /// Coordinates to five decimals (about a metre), as a position report would give them.
    func rounded(_ degrees: Double) -> Double {
        (degrees * 100_000).rounded() / 100_000
    }
}
