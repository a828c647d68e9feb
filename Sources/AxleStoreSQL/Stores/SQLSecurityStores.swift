import AxleDomain
import AxleStore
import SQLKit

struct SQLPrincipalStore: PrincipalStore {
    let sql: any SQLDatabase

    func insert(_ principal: Principal) async throws {
        try await sql.raw("""
            INSERT INTO principals (id, name, role)
            VALUES (\(bind: principal.id.description), \(bind: principal.name), \(bind: principal.role.rawValue))
            """).run()
        guard !principal.sites.isEmpty else { return }
        var insert = sql.insert(into: "principal_sites").columns("principal_id", "site_id")
        for site in principal.sites.sorted(by: { $0.description < $1.description }) {
            insert = insert.values([principal.id.description, site.description])
        }
        try await insert.run()
    }

    func find(id: Principal.ID) async throws -> Principal? {
        guard let row = try await sql.raw("SELECT * FROM principals WHERE id = \(bind: id.description)").first() else {
            return nil
        }
        return try await principal(row)
    }

    func find(name: String) async throws -> Principal? {
        guard let row = try await sql.raw("SELECT * FROM principals WHERE name = \(bind: name)").first() else {
            return nil
        }
        return try await principal(row)
    }

    func insert(_ token: AccessToken) async throws {
        try await sql.raw("""
            INSERT INTO tokens (id, principal_id, secret_hash, created_at_us, expires_at_us, revoked_at_us)
            VALUES (\(bind: token.id.description), \(bind: token.principalID.description), \(bind: token.secretHash),
                    \(bind: token.createdAt.microseconds), \(bind: token.expiresAt?.microseconds),
                    \(bind: token.revokedAt?.microseconds))
            """).run()
    }

    func token(secretHash: String) async throws -> (AccessToken, Principal)? {
        // One statement for the token, its principal and the principal's sites (a row per site):
        // this runs for every request whose token is not cached.
        let rows = try await sql.raw("""
            SELECT t.*, p.name AS principal_name, p.role AS principal_role, s.site_id AS principal_site
            FROM tokens t JOIN principals p ON p.id = t.principal_id
            LEFT JOIN principal_sites s ON s.principal_id = t.principal_id
            WHERE t.secret_hash = \(bind: secretHash)
            """).all()
        guard let row = rows.first else { return nil }
        let token = try Self.token(row)
        let sites: [Site.ID] = try rows.compactMap { row in
            try row.decodeNil(column: "principal_site") ? nil : try row.identifier("principal_site")
        }
        let principal = Principal(id: token.principalID, name: try row.value("principal_name"),
                                  role: try row.enumeration("principal_role"), sites: Set(sites))
        return (token, principal)
    }

    func token(id: AccessToken.ID) async throws -> AccessToken? {
        try await sql.raw("SELECT * FROM tokens WHERE id = \(bind: id.description)").first().map(Self.token)
    }

    func tokens(_ page: PageRequest<AccessToken.ID>) async throws -> [IssuedToken] {
        // A row per token and site of its holder; the page is cut on tokens, before the join.
        var condition: SQLQueryString = ""
        if let after = page.after { condition = "WHERE id > \(bind: after.description)" }
        let rows = try await sql.raw("""
            SELECT t.*, p.name AS principal_name, p.role AS principal_role, s.site_id AS principal_site
            FROM (SELECT * FROM tokens \(condition) ORDER BY id LIMIT \(literal: page.limit)) t
            JOIN principals p ON p.id = t.principal_id
            LEFT JOIN principal_sites s ON s.principal_id = t.principal_id
            ORDER BY t.id
            """).all()
        var holders: [(token: AccessToken, name: String, role: Role)] = []
        var sites: [AccessToken.ID: Set<Site.ID>] = [:]
        for row in rows {
            let token = try Self.token(row)
            if holders.last?.token.id != token.id {
                holders.append((token, try row.value("principal_name"), try row.enumeration("principal_role")))
            }
            if !(try row.decodeNil(column: "principal_site")) {
                sites[token.id, default: []].insert(try row.identifier("principal_site"))
            }
        }
        return holders.map { holder in
            IssuedToken(token: holder.token, principal: Principal(
                id: holder.token.principalID, name: holder.name, role: holder.role, sites: sites[holder.token.id] ?? []))
        }
    }

    func recordUse(of token: AccessToken.ID, at instant: Instant, unlessUsedAfter: Instant) async throws {
        try await sql.raw("""
            UPDATE tokens SET last_used_at_us = \(bind: instant.microseconds)
            WHERE id = \(bind: token.description)
              AND (last_used_at_us IS NULL OR last_used_at_us <= \(bind: unlessUsedAfter.microseconds))
            """).run()
    }

    func revoke(_ token: AccessToken.ID, at instant: Instant) async throws -> Bool {
        try await sql.raw("""
            UPDATE tokens SET revoked_at_us = \(bind: instant.microseconds)
            WHERE id = \(bind: token.description) AND revoked_at_us IS NULL RETURNING id
            """).first() != nil
    }

    private func principal(_ row: any SQLRow) async throws -> Principal {
        let id: Principal.ID = try row.identifier("id")
        let sites = try await sql.raw("SELECT site_id FROM principal_sites WHERE principal_id = \(bind: id.description)")
            .all().map { try $0.identifier("site_id") as Site.ID }
        return Principal(id: id, name: try row.value("name"), role: try row.enumeration("role"), sites: Set(sites))
    }

    private static func token(_ row: any SQLRow) throws -> AccessToken {
        AccessToken(id: try row.identifier("id"), principalID: try row.identifier("principal_id"),
                    secretHash: try row.value("secret_hash"), createdAt: try row.instant("created_at_us"),
                    expiresAt: try row.optionalInstant("expires_at_us"),
                    revokedAt: try row.optionalInstant("revoked_at_us"),
                    lastUsedAt: try row.optionalInstant("last_used_at_us"))
    }
}

struct SQLAuditStore: AuditStore {
    let sql: any SQLDatabase

    func append(_ entries: [AuditEntry]) async throws {
        // Raw SQL rather than SQLKit's insert builder: every write appends here, and quoting the
        // builder's column names again each time was a measurable share of a write.
        try await Batch.each(entries) { chunk in
            let rows: [SQLQueryString] = chunk.map { entry in
                """
                (\(bind: entry.at.microseconds), \(bind: entry.actor.id.description), \(bind: entry.actor.name),
                 \(bind: entry.action), \(bind: entry.entityType), \(bind: entry.entityID), \(bind: entry.before),
                 \(bind: entry.after), \(bind: entry.reason), \(bind: entry.requestID))
                """
            }
            try await sql.raw("""
                INSERT INTO audit_records (at_us, actor_id, actor_name, action, entity_type, entity_id, before_json,
                    after_json, reason, request_id)
                VALUES \(rows.joined(separator: ", "))
                """).run()
        }
    }

    func list(_ query: AuditQuery, _ page: PageRequest<Int64>) async throws -> [AuditRecord] {
        var conditions: [SQLQueryString] = ["sequence > \(bind: page.after ?? 0)"]
        if let type = query.entityType { conditions.append("entity_type = \(bind: type)") }
        if let id = query.entityID { conditions.append("entity_id = \(bind: id)") }
        if let actor = query.actorID { conditions.append("actor_id = \(bind: actor.description)") }
        if let from = query.from { conditions.append("at_us >= \(bind: from.microseconds)") }
        if let until = query.until { conditions.append("at_us < \(bind: until.microseconds)") }
        let condition = conditions.joined(separator: " AND ")
        return try await sql.raw("""
            SELECT * FROM audit_records WHERE \(condition) ORDER BY sequence LIMIT \(literal: page.limit)
            """).all().map { row in
                AuditRecord(sequence: try row.value("sequence"), at: try row.instant("at_us"),
                            actorID: try row.identifier("actor_id"), actorName: try row.value("actor_name"),
                            action: try row.value("action"), entityType: try row.value("entity_type"),
                            entityID: try row.value("entity_id"), before: try row.value("before_json"),
                            after: try row.value("after_json"), reason: try row.value("reason"),
                            requestID: try row.value("request_id"))
            }
    }
}

struct SQLIdempotencyStore: IdempotencyStore {
    let sql: any SQLDatabase

    func find(principal: Principal.ID, key: String) async throws -> IdempotentResponse? {
        try await sql.raw("""
            SELECT fingerprint, status, body, etag FROM idempotency_keys
            WHERE principal_id = \(bind: principal.description) AND key = \(bind: key)
            """).first().map { row in
                IdempotentResponse(requestFingerprint: try row.value("fingerprint"), status: try row.value("status"),
                                   body: try row.value("body"), eTag: try row.value("etag"))
            }
    }

    func save(principal: Principal.ID, key: String, response: IdempotentResponse, at instant: Instant) async throws {
        try await sql.raw("""
            INSERT INTO idempotency_keys (principal_id, key, fingerprint, status, body, etag, created_at_us)
            VALUES (\(bind: principal.description), \(bind: key), \(bind: response.requestFingerprint),
                    \(bind: response.status), \(bind: response.body), \(bind: response.eTag),
                    \(bind: instant.microseconds))
            """).run()
    }
}
