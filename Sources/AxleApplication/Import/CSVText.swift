import CSV
import Foundation

/// Writes rows as RFC 4180 CSV text (fields with commas, quotes or line breaks quoted), one line each.
enum CSVText {
    static func render(_ rows: [[String]]) throws -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        let writer = try CSVWriter(stream: stream)
        for row in rows { try writer.write(row: row) }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
