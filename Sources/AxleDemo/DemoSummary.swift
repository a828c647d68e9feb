public import AxleDomain

/// What `axle demo` created, and the demo users' tokens.
public struct DemoSummary: Sendable {
    public struct User: Sendable {
        public let name: String
        public let role: Role
        /// Empty for roles that see every site.
        public let sites: [Code]
        /// The bearer token's secret, shown once.
        public let token: String
    }

    /// Rows created, by entity, in the order they were written.
    public let counts: [(entity: String, count: Int)]
    public let users: [User]
}
