import AxleApplication
import AxleDomain
import AxleStore
import ArgumentParser
import Foundation
import Logging
import NIOHTTP1

/// `axle bench search`: how long a catalogue search takes, through the use case and over HTTP.
struct BenchSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Part-search latency (GET /api/v1/parts?q=) on the catalogue in the database.",
        discussion: """
            Run it on a database with a large demo catalogue: `axle demo --scale 5` holds 100,000 parts. \
            It reads the catalogue, draws queries from a sample of its parts (a word of the description, two \
            words, the first three letters of a word, a word in the plural, the start of the part number), \
            then measures sequential searches for the first page of 50 results.
            """)

    @OptionGroup var options: DatabaseOptions

    @Option(help: "Searches measured through the use case, and again over HTTP (after 100 unmeasured ones each).")
    var searches = 2_000

    func validate() throws {
        guard (1...100_000).contains(searches) else { throw ValidationError("--searches must be from 1 to 100000") }
    }

    func run() async throws {
        var logger = options.logger("axle.bench")
        logger.logLevel = max(logger.logLevel, .warning)
        try await options.withServices { try await measure($0, logger: logger) }
    }

    private func measure(_ services: AxleServices, logger: Logger) async throws {
        let clock = ContinuousClock()
        print("database          \(try options.url())")
        let caller = BenchFixture.operatorCaller
        var started = clock.now
        let catalogue = try await Self.catalogue(services)
        let queries = SearchQueries.drawn(from: catalogue, count: 500)
        guard !queries.isEmpty else { throw BenchError("the database holds no parts: run `axle demo` on it first") }
        print("catalogue         \(Figure.count(catalogue.count)) parts, \(queries.count) queries "
              + "(read in \(Figure.decimal((clock.now - started).seconds, 1)) s), e.g. "
              + queries.prefix(5).map { "\"\($0)\"" }.joined(separator: ", "))

        started = clock.now
        var found = 0
        let useCase = try await BenchLoad.measure(count: searches, warmUp: 100) { index in
            let words = queries[index % queries.count].split(separator: " ").map(String.init)
            let page = try await services.catalog.parts(PartQuery(words: words), PageRequest(after: nil, limit: 50),
                                                        as: caller)
            found += page.count
        }
        let server = try await BenchServer.start(services: services, connections: 1, logger: logger)
        let http: Latencies
        do {
            http = try await BenchLoad.measure(count: searches, warmUp: 100) { index in
                // As a browser sends a form: spaces as `+`.
                let q = queries[index % queries.count].replacingOccurrences(of: " ", with: "+")
                let (status, _) = try await server.send(.GET, "/api/v1/parts?q=\(q)&limit=50")
                guard status == 200 else { throw BenchError("GET /api/v1/parts?q=\(q) answered \(status)") }
            }
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
        let measured = searches + 100
        print("part search       use case p50 \(Figure.decimal(useCase.percentile(50))) ms, p99 "
              + "\(Figure.decimal(useCase.percentile(99))) ms; GET /api/v1/parts?q= p50 "
              + "\(Figure.decimal(http.percentile(50))) ms, p99 \(Figure.decimal(http.percentile(99))) ms "
              + "(\(Figure.count(searches)) sequential searches each, "
              + "\(Figure.decimal(Double(found) / Double(measured), 1)) results on the first page on average, "
              + "\(Figure.decimal((clock.now - started).seconds, 1)) s)")
    }

    /// Every part, page by page in part-number order.
    private static func catalogue(_ services: AxleServices) async throws -> [Part] {
        var parts: [Part] = []
        var after: PartSearchKey?
        let pageSize = PageRequest<PartSearchKey>.maximumLimit
        repeat {
            let page = try await services.catalog.parts(PartQuery(), PageRequest(after: after, limit: pageSize),
                                                        as: BenchFixture.operatorCaller)
            parts += page.map(\.part)
            after = page.count == pageSize ? page.last?.key : nil
        } while after != nil
        return parts
    }
}

/// Queries a parts counter types, drawn from the catalogue so that most of them find parts.
enum SearchQueries {
    /// One query from each of `count` parts spread evenly over the catalogue, cycling through
    /// five kinds: a word of the description, two words, the first three letters of a word,
    /// a word in the plural, the first five characters of the part number.
    static func drawn(from catalogue: [Part], count: Int) -> [String] {
        guard !catalogue.isEmpty else { return [] }
        let step = max(1, catalogue.count / count)
        return stride(from: 0, to: catalogue.count, by: step).prefix(count).enumerated().map { index, position in
            let part = catalogue[position]
            let words = part.description.lowercased().split { !$0.isLetter }.filter { $0.count >= 3 }.map(String.init)
            guard let first = words.first else { return String(part.number.rawValue.prefix(5)) }
            let word = words[index / 5 % words.count]
            switch index % 5 {
            case 0: return word
            case 1: return words.count > 1 ? "\(first) \(words[1])" : first
            case 2: return String(word.prefix(3))
            case 3: return word.hasSuffix("s") ? word : word + "s"
            default: return String(part.number.rawValue.prefix(5))
            }
        }
    }
}
