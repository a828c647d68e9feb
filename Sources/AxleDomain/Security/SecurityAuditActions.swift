extension AuditAction {
    public static let principalCreate = AuditAction("principal.create", on: .principal)
    public static let tokenIssue = AuditAction("token.issue", on: .token)
    public static let tokenRevoke = AuditAction("token.revoke", on: .token)

    static let security: [AuditAction] = [.principalCreate, .tokenIssue, .tokenRevoke]
}
