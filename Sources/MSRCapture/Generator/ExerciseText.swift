/// Small string builders for generated cell text.
///
/// `String(format:)` goes through Foundation and costs microseconds per call; the generator
/// builds a few strings per event, so it assembles digits by hand instead.
enum ExerciseText {
    /// A non-negative integer with leading zeros up to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var v = max(value, 0)
        var i = width - 1
        while i >= 0 && v > 0 {
            digits[i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            i -= 1
        }
        if v > 0 { return String(value) }
        return String(decoding: digits, as: UTF8.self)
    }

    /// A value in tenths written as `12.5`.
    static func tenths(_ value: Int) -> String {
        String(value / 10) + "." + String(value % 10)
    }

    /// Phonetic letters naming the companies of a formation.
    static let phonetic = ["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL"]

    /// Control measures orders refer to.
    static let objectives = ["OBJ COBRA", "OBJ VIPER", "OBJ ANVIL", "OBJ HAMMER", "OBJ FALCON", "OBJ GRANITE"]
    static let phaseLines = ["PL AMBER", "PL BLUE", "PL CEDAR", "PL DOVER", "PL EMBER"]
    static let namedAreas = ["NAI 1", "NAI 2", "NAI 3", "NAI 4", "NAI 5", "NAI 6", "NAI 7"]
    static let supplyPoints = ["LOGPAC 1", "LOGPAC 2", "LOGPAC 3", "FARP NORTH", "FARP SOUTH"]

    /// Watch officers who acknowledge alerts.
    static let operators = ["CPT ADAMS", "LT BERG", "WO CHEN", "SGT DIAZ", "MAJ EKLUND", "LT FOSTER", "SSG GRANT"]
}
