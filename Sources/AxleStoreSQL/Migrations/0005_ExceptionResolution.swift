extension Migrations {
    /// How an exception item was resolved: the resolution, a note saying why, an optional
    /// reference (a claim number, the document that carried the consequence), who and when.
    ///
    /// The last column's check ties them to the state (an open item has none of them, a
    /// resolved one all but the reference). It is a column constraint because SQLite cannot
    /// add a table constraint to an existing table; both backends accept it there.
    static let exceptionResolution = Migration(
        version: 5,
        name: "exception_resolution",
        statements: [
            """
            ALTER TABLE transfer_exceptions ADD COLUMN resolution TEXT
                CHECK (resolution IN ('writtenOff', 'claimed', 'returned', 'corrected'))
            """,
            "ALTER TABLE transfer_exceptions ADD COLUMN resolution_note TEXT",
            "ALTER TABLE transfer_exceptions ADD COLUMN resolution_reference TEXT",
            "ALTER TABLE transfer_exceptions ADD COLUMN resolved_by TEXT",
            """
            ALTER TABLE transfer_exceptions ADD COLUMN resolved_at_us BIGINT CHECK (
                (state = 'open' AND resolution IS NULL AND resolution_note IS NULL AND resolution_reference IS NULL
                    AND resolved_by IS NULL AND resolved_at_us IS NULL)
                OR (state = 'resolved' AND resolution IS NOT NULL AND resolution_note IS NOT NULL
                    AND resolved_by IS NOT NULL AND resolved_at_us IS NOT NULL))
            """,
        ]
    )
}
