/// The layout of an embedded recording file, and its version.
///
/// Version 4 (version 3 had no checksums; version 2 had no first keys in keyframe directories
/// and could reuse page ids; version 1 stored every after-image in full):
/// - `meta`: key/value facts (format version, keyframe interval, counters).
/// - `source_tables`: one row per source table, its `TableSchema` as JSON.
/// - `events`: the invertible change events, `seq` is their global order; `row_count` is the
///   table's row count after the event, so a count at any moment is one index lookup.
///   `before` is the full row; `after` is the full row, or only its cells that differ from
///   `before` (`AfterImageCoding`).
/// - `keyframes`: per table and seq, the list of pages holding the table's rows in key order,
///   each with its row count and first key, so a reader can build the tree without reading
///   a page until it needs its rows.
/// - `pages`: rows of one keyframe leaf; a page is shared by every later keyframe whose leaf
///   did not change, and `created_seq` is the keyframe that first wrote it. Ids are never
///   reused (AUTOINCREMENT), so a reader holding a directory never reads another page.
/// - `table_ends`: each table's last event. With `prev_seq` (each event's table's previous
///   event) it lets a read through `events_by_table` tell that the index left none out.
/// - `bookmarks`: labelled moments.
///
/// Every row of `source_tables`, `events` and `keyframes` holds a `checksum` (`RowChecksum`,
/// CRC-32) over all its other columns, and each page's checksum (over its table and its
/// bytes) is in the directory entries that name it, so damage is found when a row is read.
/// `meta` and `bookmarks` carry none.
enum SQLiteSchema {
    static let formatVersion = 4
    static let application = "msr"

    static let create = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS source_tables(
            id INTEGER PRIMARY KEY,
            qualified_name TEXT NOT NULL UNIQUE,
            definition TEXT NOT NULL,
            checksum INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS events(
            seq INTEGER PRIMARY KEY,
            commit_time INTEGER NOT NULL,
            position INTEGER,
            table_id INTEGER NOT NULL,
            op INTEGER NOT NULL,
            row_count INTEGER NOT NULL,
            key BLOB NOT NULL,
            before BLOB,
            after BLOB,
            given BLOB,
            checksum INTEGER NOT NULL,
            prev_seq INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS events_by_table ON events(table_id, seq);
        CREATE TABLE IF NOT EXISTS table_ends(
            table_id INTEGER PRIMARY KEY,
            last_seq INTEGER NOT NULL,
            checksum INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS keyframes(
            table_id INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            row_count INTEGER NOT NULL,
            pages BLOB NOT NULL,
            checksum INTEGER NOT NULL,
            PRIMARY KEY(table_id, seq)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS pages(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            table_id INTEGER NOT NULL,
            created_seq INTEGER NOT NULL,
            data BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS pages_by_created ON pages(created_seq);
        CREATE TABLE IF NOT EXISTS bookmarks(
            id INTEGER PRIMARY KEY,
            time INTEGER NOT NULL,
            label TEXT NOT NULL,
            note TEXT NOT NULL);
        """
}
