import MSRModel

/// PostgreSQL values in their text format, turned into recording values by type OID.
///
/// Integers, floats and booleans become numbers and booleans (a float keeps NaN, the
/// infinities and -0, which PostgreSQL writes as `NaN`, `Infinity`, `-Infinity` and `-0`);
/// everything else — numeric, dates and times, text, arrays, json and jsonb — keeps the server's
/// own text, with the type's name in the column type so a reader knows what the text means.
/// json and jsonb stay text (as Debezium sends them), so a JSON `null` is the text `null`,
/// never SQL NULL, and json keeps the spacing the client wrote. A domain's values are its base
/// type's: the caller passes the base type's OID.
public enum PostgresValues {
    public enum OID {
        public static let bool: UInt32 = 16, bytea: UInt32 = 17, char: UInt32 = 18, name: UInt32 = 19
        public static let int8: UInt32 = 20, int2: UInt32 = 21, int4: UInt32 = 23, text: UInt32 = 25
        public static let oid: UInt32 = 26, json: UInt32 = 114, xml: UInt32 = 142
        public static let float4: UInt32 = 700, float8: UInt32 = 701, money: UInt32 = 790
        public static let bpchar: UInt32 = 1042, varchar: UInt32 = 1043, date: UInt32 = 1082, time: UInt32 = 1083
        public static let timestamp: UInt32 = 1114, timestamptz: UInt32 = 1184, interval: UInt32 = 1186
        public static let timetz: UInt32 = 1266, numeric: UInt32 = 1700, uuid: UInt32 = 2950, jsonb: UInt32 = 3802
    }

    /// Names of the built-in types msr meets most, so most tables need no catalog lookup.
    static let builtinNames: [UInt32: String] = [
        OID.bool: "bool", OID.bytea: "bytea", OID.char: "char", OID.name: "name", OID.int8: "int8",
        OID.int2: "int2", OID.int4: "int4", OID.text: "text", OID.oid: "oid", OID.json: "json", OID.xml: "xml",
        OID.float4: "float4", OID.float8: "float8", OID.money: "money", OID.bpchar: "bpchar",
        OID.varchar: "varchar", OID.date: "date", OID.time: "time", OID.timestamp: "timestamp",
        OID.timestamptz: "timestamptz", OID.interval: "interval", OID.timetz: "timetz",
        OID.numeric: "numeric", OID.uuid: "uuid", OID.jsonb: "jsonb",
    ]

    /// The recording value of `text`, a value of type `oid` in text format.
    public static func value(_ text: String, type oid: UInt32) -> Value {
        switch oid {
        case OID.int2, OID.int4, OID.int8:
            return Int64(text).map(Value.int) ?? .string(text)
        case OID.float4, OID.float8:
            return Double(text).map(Value.double) ?? .string(text)
        case OID.bool:
            return text == "t" ? .bool(true) : text == "f" ? .bool(false) : .string(text)
        default:
            return .string(text)
        }
    }

    /// The column type for a column of type `oid` named `name` (from the catalog or a Type
    /// message) with modifier `typmod`: the name as `kind`; numeric precision and scale and
    /// character lengths as parameters.
    ///
    /// A domain's column keeps the domain's name as its kind, with its base type (`base`, the
    /// type its values take) as a parameter.
    public static func columnType(oid: UInt32, name: String?, typmod: Int32, base: (oid: UInt32, name: String?)? = nil) -> ColumnType {
        var type = ColumnType(kind: name ?? builtinNames[oid] ?? "oid \(oid)")
        if let base, base.oid != oid {
            type.parameters["base"] = base.name ?? builtinNames[base.oid] ?? "oid \(base.oid)"
        }
        if oid == OID.numeric, typmod >= 4 {
            let packed = typmod - 4
            type.parameters["precision"] = String(packed >> 16)
            type.parameters["scale"] = String(packed & 0xFFFF)
        } else if oid == OID.varchar || oid == OID.bpchar, typmod >= 4 {
            type.parameters["length"] = String(typmod - 4)
        }
        return type
    }
}
