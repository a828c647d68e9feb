extension Migrations {
    /// When each token last authenticated a request (to the minute), so an operator listing
    /// tokens can tell the live ones from the forgotten ones.
    static let tokenLastUse = Migration(
        version: 8,
        name: "token_last_use",
        statements: ["ALTER TABLE tokens ADD COLUMN last_used_at_us BIGINT"]
    )
}
