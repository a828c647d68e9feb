import Crypto
import Foundation

/// Bearer-token secrets: 256 random bits shown once, stored only as a SHA-256 hash.
///
/// A fast hash is right here: the secret is random and long, so there is nothing to
/// brute-force; slow password hashes exist for low-entropy human passwords.
enum TokenSecret {
    static let prefix = "axle_"

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + base64
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
