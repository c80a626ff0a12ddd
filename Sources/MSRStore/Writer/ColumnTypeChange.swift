import Foundation
import MSRModel

/// A column whose type changed mid-stream (`ALTER TABLE … ALTER COLUMN … TYPE`): the table's
/// schema holds the new type from then on, and this says from which event, so the schema
/// before it can be told. Kept in the recording's meta (`schema_versions`), oldest first.
public struct ColumnTypeChange: Codable, Sendable, Equatable {
    /// The first event recorded under the new type.
    public var seq: Int64
    public var table: String
    public var column: String
    public var from: ColumnType
    public var to: ColumnType

    public init(seq: Int64, table: String, column: String, from: ColumnType, to: ColumnType) {
        self.seq = seq
        self.table = table
        self.column = column
        self.from = from
        self.to = to
    }

    static let metaKey = "schema_versions"
}

extension RecordingStore {
    /// The recording's column type changes, oldest first.
    public func columnTypeChanges() throws(RecordingError) -> [ColumnTypeChange] {
        guard let text = try metaValue(ColumnTypeChange.metaKey), let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([ColumnTypeChange].self, from: data)) ?? []
    }

    func appendColumnTypeChanges(_ changes: [ColumnTypeChange]) throws(RecordingError) {
        guard !changes.isEmpty else { return }
        let all = try columnTypeChanges() + changes
        guard let data = try? JSONEncoder().encode(all) else { return }
        try setMetaValue(ColumnTypeChange.metaKey, String(decoding: data, as: UTF8.self))
    }
}
