/// Trigonometry for whole-degree headings, in plain IEEE arithmetic.
///
/// The platform's `sin`, `cos` and `atan2` may differ in the last bit between C libraries,
/// and one such bit, rounded into a position, would make a recording generated on macOS
/// differ from one generated on Linux. Headings here are whole degrees, so sines and cosines
/// come from a table built with a Taylor series, and bearings from a short arctangent series;
/// both use only `+ - * /`, which IEEE 754 defines exactly. (A table lookup is also cheaper
/// than a libm call.)
enum ExerciseCompass {
    /// `(north, east)` components of a unit step on each heading 0…359.
    static let steps: [(north: Double, east: Double)] = (0..<360).map { degrees in
        (sine(degrees + 90), sine(degrees))
    }

    /// The heading (0–359, clockwise from north) of a displacement.
    static func bearing(east: Double, north: Double) -> Int {
        if east == 0 && north == 0 { return 0 }
        let degrees = atan2(east, north) * 180 / Double.pi
        let rounded = Int(degrees.rounded())
        return rounded < 0 ? rounded + 360 : rounded % 360
    }

    /// sin of a whole number of degrees, folded into 0…90 where the series converges fast.
    private static func sine(_ degrees: Int) -> Double {
        let d = ((degrees % 360) + 360) % 360
        let sign: Double = d >= 180 ? -1 : 1
        var a = d % 180
        if a > 90 { a = 180 - a }
        let value = a <= 45 ? series(radians(a), start: 1) : series(radians(90 - a), start: 0)
        return sign * value
    }

    /// sin (start 1) or cos (start 0) by its Taylor series on 0…π/4.
    private static func series(_ x: Double, start: Int) -> Double {
        var term = start == 1 ? x : 1.0, sum = 0.0, n = start
        for _ in 0..<12 {
            sum += term
            term *= -x * x / Double((n + 1) * (n + 2))
            n += 2
        }
        return sum
    }

    private static func radians(_ degrees: Int) -> Double {
        Double(degrees) * Double.pi / 180
    }

    /// atan2 by quadrant, with the arctangent reduced to |u| ≤ tan(π/8) before its series.
    private static func atan2(_ y: Double, _ x: Double) -> Double {
        let ay = abs(y), ax = abs(x)
        let swapped = ay > ax
        var angle = atan(swapped ? ax / ay : ay / ax)
        if swapped { angle = Double.pi / 2 - angle }
        if x < 0 { angle = Double.pi - angle }
        return y < 0 ? -angle : angle
    }

    /// atan on 0…1.
    private static func atan(_ t: Double) -> Double {
        let shift = t > 0.414_213_562_373_095_1
        let u = shift ? (t - 1) / (t + 1) : t
        var power = u, sum = 0.0
        for k in 0..<14 {
            let term = power / Double(2 * k + 1)
            sum += k % 2 == 0 ? term : -term
            power *= u * u
        }
        return shift ? Double.pi / 4 + sum : sum
    }
}
