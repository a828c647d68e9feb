extension Migrations {
    /// Full-text search over parts: their number and `search_text` (number, description and
    /// brand, lower-cased), with an index that supports matching words by prefix.
    ///
    /// Both backends split text at anything but letters and digits, lower-case it and keep
    /// accents, so a word is the same on both (`SQLPartSearch` builds the queries):
    /// - SQLite: an FTS5 index over the `parts` rows (external content, so the text is not
    ///   stored twice), with prefix indexes for the first one to three characters. Triggers
    ///   keep it in step with every insert and update, whoever writes the row; a store that
    ///   maintained it by hand would have to remember it in every write. It is keyed by the
    ///   parts' rowid, which `VACUUM` keeps for tables that have indexes, as `parts` has.
    /// - PostgreSQL: a generated `tsvector` column with a GIN index, so the database keeps it
    ///   in step. The `simple` configuration lower-cases without stemming or stop words, like
    ///   SQLite's `unicode61` tokenizer; punctuation is turned into spaces first because
    ///   PostgreSQL's parser would otherwise read `BP-1234` or `front/rear` as one token. The
    ///   number's words carry weight A, so a query can ask for a match in the number.
    /// Adding the index populates it for the parts already there.
    static let partSearch = Migration(
        version: 7,
        name: "part search",
        statements: [],
        sqliteOnly: [
            """
            CREATE VIRTUAL TABLE parts_search USING fts5(
                number, search_text, content = 'parts', content_rowid = 'rowid',
                tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')
            """,
            "INSERT INTO parts_search (parts_search) VALUES ('rebuild')",
            """
            CREATE TRIGGER parts_search_insert AFTER INSERT ON parts BEGIN
                INSERT INTO parts_search (rowid, number, search_text) VALUES (new.rowid, new.number, new.search_text);
            END
            """,
            """
            CREATE TRIGGER parts_search_update AFTER UPDATE OF number, search_text ON parts BEGIN
                INSERT INTO parts_search (parts_search, rowid, number, search_text)
                VALUES ('delete', old.rowid, old.number, old.search_text);
                INSERT INTO parts_search (rowid, number, search_text) VALUES (new.rowid, new.number, new.search_text);
            END
            """,
            """
            CREATE TRIGGER parts_search_delete AFTER DELETE ON parts BEGIN
                INSERT INTO parts_search (parts_search, rowid, number, search_text)
                VALUES ('delete', old.rowid, old.number, old.search_text);
            END
            """,
        ],
        postgresOnly: [
            """
            ALTER TABLE parts ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple'::regconfig, regexp_replace(number, '[^[:alnum:]]+', ' ', 'g')), 'A')
                || to_tsvector('simple'::regconfig, regexp_replace(search_text, '[^[:alnum:]]+', ' ', 'g'))
            ) STORED
            """,
            "CREATE INDEX parts_search ON parts USING GIN (search_document)",
        ]
    )
}
