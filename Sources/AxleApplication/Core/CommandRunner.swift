import AxleDomain
public import AxleStore

/// Runs commands: authorise, then one transaction, with idempotent replay when asked.
public struct CommandRunner: Sendable {
    let dependencies: Dependencies
    /// Tokens the `Authenticator` trusts without reading them; emptied after a revocation commits.
    let credentials: VerifiedCredentials

    /// How often a transaction PostgreSQL aborted for a conflict is tried again.
    static let attempts = 3

    public init(dependencies: Dependencies, credentials: VerifiedCredentials = VerifiedCredentials()) {
        self.dependencies = dependencies
        self.credentials = credentials
    }

    /// Runs a command once and returns its output.
    public func run<C: Command>(_ command: C, as caller: Caller) async throws -> C.Output {
        try command.authorize(caller.principal)
        let output = try await retryingConflicts {
            try await dependencies.database.write { stores in
                try await command.execute(in: scope(stores, caller))
            }
        }
        committed(command)
        return output
    }

    /// Runs a command under an idempotency key. The rendered response is stored in the same
    /// transaction as the change, so a retry with the same key and request gets the first
    /// response and writes nothing; the same key with a different request is refused.
    public func run<C: Command>(
        _ command: C, as caller: Caller, idempotencyKey key: String, requestFingerprint: String,
        render: @escaping @Sendable (C.Output) throws -> (status: Int, body: String, eTag: String?)
    ) async throws -> IdempotentOutcome {
        try command.authorize(caller.principal)
        let principal = caller.principal.id
        do {
            let outcome = try await retryingConflicts {
                try await dependencies.database.write { stores in
                    if let earlier = try await stores.idempotency.find(principal: principal, key: key) {
                        return IdempotentOutcome(response: try Self.replay(earlier, for: requestFingerprint),
                                                 replayed: true)
                    }
                    let scope = scope(stores, caller)
                    let rendered = try render(try await command.execute(in: scope))
                    let response = IdempotentResponse(requestFingerprint: requestFingerprint,
                                                      status: rendered.status, body: rendered.body,
                                                      eTag: rendered.eTag)
                    try await stores.idempotency.save(principal: principal, key: key, response: response,
                                                      at: scope.now)
                    return IdempotentOutcome(response: response, replayed: false)
                }
            }
            committed(command)
            return outcome
        } catch {
            // A concurrent request with the same key may have committed first; its answer is ours.
            let earlier = try await dependencies.database.read { stores in
                try await stores.idempotency.find(principal: principal, key: key)
            }
            guard let earlier else { throw error }
            return IdempotentOutcome(response: try Self.replay(earlier, for: requestFingerprint), replayed: true)
        }
    }

    private static func replay(_ earlier: IdempotentResponse, for fingerprint: String) throws -> IdempotentResponse {
        guard earlier.requestFingerprint == fingerprint else { throw RequestError.idempotencyKeyReused }
        return earlier
    }

    /// What must follow a command's commit, outside its transaction.
    private func committed<C: Command>(_ command: C) {
        if command is any RevokesCredentials { credentials.invalidateAll() }
    }

    private func scope(_ stores: any StoreTransaction, _ caller: Caller) -> WriteScope {
        WriteScope(stores: stores, caller: caller, now: dependencies.clock.now(), ids: dependencies.ids)
    }

    private func retryingConflicts<Result>(_ body: () async throws -> Result) async throws -> Result {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch StoreError.serializationFailure where attempt < Self.attempts {
                attempt += 1
            }
        }
    }
}

/// The response to a request sent with an idempotency key, and whether it is a replay of an earlier one.
public struct IdempotentOutcome: Sendable {
    public let response: IdempotentResponse
    public let replayed: Bool
}
