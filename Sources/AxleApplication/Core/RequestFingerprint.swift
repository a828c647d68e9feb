import Crypto
import Foundation

/// A digest of what a request asked for, to tell a true retry from a reused idempotency key.
public enum RequestFingerprint {
    public static func make(method: String, path: String, body: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("\(method) \(path)\n".utf8))
        hasher.update(data: body)
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
