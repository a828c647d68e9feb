public import AxleDomain
public import AxleStore
public import Foundation
import Synchronization

/// Everything a use case needs from the outside world, injected in one value:
/// the database, the clock and the identifier source. Tests pass a fixed clock and
/// sequential identifiers; nothing reads the system clock behind their back.
public struct Dependencies: Sendable {
    public let database: any Database
    public let clock: Clock
    public let ids: IdentifierSource

    public init(database: any Database, clock: Clock = .system, ids: IdentifierSource = .timeOrdered) {
        self.database = database
        self.clock = clock
        self.ids = ids
    }
}

public struct Clock: Sendable {
    public let now: @Sendable () -> Instant

    public init(now: @escaping @Sendable () -> Instant) {
        self.now = now
    }

    public static let system = Clock { Instant(Date()) }
}

/// Where new identifiers come from.
public struct IdentifierSource: Sendable {
    private let nextUUID: @Sendable () -> UUID

    public init(_ next: @escaping @Sendable () -> UUID) {
        self.nextUUID = next
    }

    public func next<Entity>() -> Identifier<Entity> { Identifier(nextUUID()) }

    /// UUID version 7: a millisecond timestamp then random bits, so identifiers sort by creation.
    public static let timeOrdered = IdentifierSource {
        var generator = SystemRandomNumberGenerator()
        return UUID.version7(milliseconds: UInt64(Date().timeIntervalSince1970 * 1000), using: &generator)
    }

    /// 00000000-0000-7000-8000-000000000001, …: readable and deterministic, for tests.
    public static func sequential() -> IdentifierSource {
        let counter = Mutex<UInt64>(0)
        return IdentifierSource {
            let value = counter.withLock { count in
                count += 1
                return count
            }
            return UUID.version7(milliseconds: 0, randomBits: value)
        }
    }
}

extension UUID {
    /// Builds a version-7 UUID from a timestamp and 74 bits of randomness.
    public static func version7(milliseconds: UInt64, using generator: inout some RandomNumberGenerator) -> UUID {
        version7(milliseconds: milliseconds, randomBits: generator.next(), extra: UInt16(truncatingIfNeeded: generator.next()))
    }

    static func version7(milliseconds: UInt64, randomBits: UInt64, extra: UInt16 = 0) -> UUID {
        let ms = milliseconds & 0xFFFF_FFFF_FFFF
        let bytes: [UInt8] = [
            UInt8(truncatingIfNeeded: ms >> 40), UInt8(truncatingIfNeeded: ms >> 32),
            UInt8(truncatingIfNeeded: ms >> 24), UInt8(truncatingIfNeeded: ms >> 16),
            UInt8(truncatingIfNeeded: ms >> 8), UInt8(truncatingIfNeeded: ms),
            0x70 | UInt8(truncatingIfNeeded: extra >> 8 & 0x0F), UInt8(truncatingIfNeeded: extra),
            0x80 | UInt8(truncatingIfNeeded: randomBits >> 56 & 0x3F), UInt8(truncatingIfNeeded: randomBits >> 48),
            UInt8(truncatingIfNeeded: randomBits >> 40), UInt8(truncatingIfNeeded: randomBits >> 32),
            UInt8(truncatingIfNeeded: randomBits >> 24), UInt8(truncatingIfNeeded: randomBits >> 16),
            UInt8(truncatingIfNeeded: randomBits >> 8), UInt8(truncatingIfNeeded: randomBits),
        ]
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
