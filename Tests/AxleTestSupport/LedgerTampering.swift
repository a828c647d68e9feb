public import AxleStoreSQL

/// Ledger forgeries that keep every balance consistent, so that only the audit check can see them.
extension Tampering {
    /// Copies every movement under a new document that no audit record names (`forged-document`),
    /// and doubles the balances and unrestricted totals to match: the stock doubles with no trace
    /// in the audit trail. Meant for a ledger holding only unrestricted receipts.
    public static func forgeUnauditedCopyOfTheLedger(on url: DatabaseURL) async throws {
        let columns = """
            part_id, quantity_milli, from_site_id, from_bin_key, from_status, from_lot_key, from_owner_key,
            to_site_id, to_bin_key, to_status, to_lot_key, to_owner_key, reason, document_type
            """
        try await execute("""
            INSERT INTO movements (id, \(columns), document_id, actor_id, at_us, unit_cost_minor, value_minor)
            SELECT 'forged-' || id, \(columns), 'forged-document', actor_id, at_us, unit_cost_minor, value_minor
            FROM movements
            """, on: url)
        try await execute("UPDATE stock_balances SET quantity_milli = quantity_milli * 2", on: url)
        try await execute("UPDATE site_stock SET unrestricted_milli = unrestricted_milli * 2", on: url)
    }

    /// Deletes the audit records of one entity type, after lifting the trigger that forbids it,
    /// as someone with the database owner's rights could.
    public static func deleteAuditRecords(ofType entityType: String, on url: DatabaseURL) async throws {
        switch url {
        case .sqlite: try await execute("DROP TRIGGER audit_records_no_delete", on: url)
        case .postgres: try await execute("ALTER TABLE audit_records DISABLE TRIGGER audit_records_no_change", on: url)
        }
        try await execute("DELETE FROM audit_records WHERE entity_type = '\(entityType)'", on: url)
    }
}
