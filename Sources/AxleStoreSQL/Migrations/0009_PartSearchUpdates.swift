extension Migrations {
    /// SQLite's search index is rewritten on a part's update only when its searched text
    /// changes. The store writes every column on an update, so the trigger of migration 7 fired
    /// for a price or lifecycle change too, and each firing rewrote index segments: recording
    /// 25,000 supersessions in one import (each marks its old part superseded) spent most of its
    /// time there.
    static let partSearchUpdates = Migration(
        version: 9,
        name: "part search updates",
        statements: [],
        sqliteOnly: [
            "DROP TRIGGER parts_search_update",
            """
            CREATE TRIGGER parts_search_update AFTER UPDATE OF number, search_text ON parts
            WHEN old.number IS NOT new.number OR old.search_text IS NOT new.search_text BEGIN
                INSERT INTO parts_search (parts_search, rowid, number, search_text)
                VALUES ('delete', old.rowid, old.number, old.search_text);
                INSERT INTO parts_search (rowid, number, search_text) VALUES (new.rowid, new.number, new.search_text);
            END
            """,
        ]
    )
}
