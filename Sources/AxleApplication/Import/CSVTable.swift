import AxleDomain
import CSV
import Foundation

/// An import file read into rows: UTF-8 (a leading byte-order mark is dropped), RFC 4180
/// quoting, a header row naming the columns, within `ImportLimits`.
struct CSVTable: Sendable {
    let header: [String]
    let rows: [ImportRow]

    static func parse(_ data: Data, columns: [ImportColumn], limits: ImportLimits) throws -> CSVTable {
        guard data.count <= limits.maximumBytes else { throw ImportError.fileTooLarge(limitBytes: limits.maximumBytes) }
        let text = try decodeUTF8(data)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw ImportError.missingHeader
        }
        guard let header = reader.headerRow?.map({ $0.trimmingSpaces() }), header != [""] else {
            throw ImportError.missingHeader
        }
        try check(header, against: columns)
        let index = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        var rows: [ImportRow] = []
        var number = 1
        while let cells = reader.next() {
            number += 1
            // A blank line (often the file's last) holds no row.
            if cells.count == 1, cells[0].isEmpty { continue }
            guard rows.count < limits.maximumRows else { throw ImportError.tooManyRows(limit: limits.maximumRows) }
            rows.append(ImportRow(number: number, cells: cells, columnIndex: index))
        }
        return CSVTable(header: header, rows: rows)
    }

    private static func decodeUTF8(_ data: Data) throws -> String {
        var bytes = Array(data)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ImportError.notUTF8(byteOffset: data.count - bytes.count + firstInvalidByte(in: Array(bytes)))
        }
        return text
    }

    /// Where decoding fails: the offset of the first scalar that does not decode.
    private static func firstInvalidByte(in bytes: [UInt8]) -> Int {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }

    private static func check(_ header: [String], against columns: [ImportColumn]) throws {
        let known = Set(columns.map(\.name))
        var seen: Set<String> = []
        let duplicated = header.filter { !seen.insert($0).inserted }
        let missing = columns.filter { $0.required && !seen.contains($0.name) }.map(\.name)
        let unknown = header.filter { !known.contains($0) }
        guard missing.isEmpty, unknown.isEmpty, duplicated.isEmpty else {
            throw ImportError.header(missing: missing, unknown: unknown, duplicated: duplicated)
        }
    }
}
