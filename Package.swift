// swift-tools-version:6.2
import PackageDescription

/// Imports stay deliberate: every module says which of its imports are public.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "axle",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "axle", targets: ["axle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
    ],
    targets: [
        .target(name: "AxleDomain", swiftSettings: swiftSettings),
        .target(
            name: "AxleStore",
            dependencies: ["AxleDomain"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AxleStoreSQL",
            dependencies: [
                "AxleDomain",
                "AxleStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AxleAudit",
            dependencies: [
                "AxleStoreSQL",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AxleApplication",
            dependencies: [
                "AxleDomain",
                "AxleStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AxleHTTP",
            dependencies: [
                "AxleDomain",
                "AxleStore",
                "AxleApplication",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
            ],
            resources: [.copy("Resources/openapi")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AxleDemo",
            dependencies: ["AxleDomain", "AxleStore", "AxleApplication"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AxleServer",
            dependencies: [
                "AxleDomain",
                "AxleStore",
                "AxleStoreSQL",
                "AxleApplication",
                "AxleHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "axle",
            dependencies: [
                "AxleDomain",
                "AxleApplication",
                "AxleAudit",
                "AxleDemo",
                "AxleServer",
                "AxleStore",
                "AxleStoreSQL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AxleTestSupport",
            dependencies: [
                "AxleDomain",
                "AxleStore",
                "AxleStoreSQL",
                "AxleApplication",
                "AxleServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            path: "Tests/AxleTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AxleDomainTests",
            dependencies: ["AxleDomain"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AxleApplicationTests",
            dependencies: ["AxleDomain", "AxleStore", "AxleApplication", "AxleAudit", "AxleTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AxleStoreTests",
            dependencies: ["AxleDomain", "AxleStore", "AxleTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AxleHTTPTests",
            dependencies: [
                "AxleDomain",
                "AxleStore",
                "AxleApplication",
                "AxleHTTP",
                "AxleServer",
                "AxleDemo",
                "AxleTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
