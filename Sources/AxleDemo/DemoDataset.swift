public import AxleApplication
public import AxleDomain

/// A deterministic, realistic dealer group for demonstrations and benchmarks.
/// Placeholder contract: the generator fills it in.
public struct DemoDataset: Sendable {
    public let seed: UInt64
    public let scale: Int

    public init(seed: UInt64, scale: Int) {
        self.seed = seed
        self.scale = scale
    }

    public func load(into services: AxleServices, progress: @escaping @Sendable (String) -> Void) async throws
        -> DemoSummary
    {
        DemoSummary(counts: [], users: [])
    }
}

/// What `axle demo` created, and the demo users' tokens.
public struct DemoSummary: Sendable {
    public struct User: Sendable {
        public let name: String
        public let role: Role
        public let sites: [Code]
        public let token: String
    }

    public let counts: [(entity: String, count: Int)]
    public let users: [User]
}
