import AxleDomain

/// The demo company and its five sites around Chicago, each with its bins.
enum SiteTemplates {
    static let company = Company(name: "Northwind Motor Group", currency: usDollar)

    // "USD" is in `Currency.known`; a missing entry is a programming error.
    private static let usDollar = Currency(code: "USD")!

    /// A site to create, with the layout of its bins: aisles × shelves × levels.
    struct Layout {
        let code: String
        let name: String
        let kind: Site.Kind
        let latitude: Double
        let longitude: Double
        let aisles: String
        let shelves: Int
        let levels: Int
        /// How people name a bin's three parts there: aisle, shelf, level in a store; rack, drawer, tray in a van.
        let binWords: (String, String, String)
        /// The make a dealership holds the franchise for: it stocks that make's genuine parts.
        var franchise: String? = nil
    }

    static let layouts: [Layout] = [
        Layout(code: "DLR-NORTH", name: "Northwind Ford of Evanston", kind: .dealership,
               latitude: 42.0334, longitude: -87.6837, aisles: "ABC", shelves: 8, levels: 4,
               binWords: ("Aisle", "shelf", "level"), franchise: "Ford"),
        Layout(code: "DLR-WEST", name: "Northwind Toyota Naperville", kind: .dealership,
               latitude: 41.7606, longitude: -88.1473, aisles: "ABC", shelves: 8, levels: 4,
               binWords: ("Aisle", "shelf", "level"), franchise: "Toyota"),
        Layout(code: "DC-JOLIET", name: "Northwind Parts Distribution Center Joliet", kind: .distributionCenter,
               latitude: 41.5141, longitude: -88.1309, aisles: "ABCDE", shelves: 10, levels: 4,
               binWords: ("Aisle", "bay", "level")),
        Layout(code: "WS-OAKPARK", name: "Northwind Service Oak Park", kind: .workshop,
               latitude: 41.8850, longitude: -87.7845, aisles: "AB", shelves: 5, levels: 4,
               binWords: ("Aisle", "shelf", "level")),
        Layout(code: "VAN-01", name: "Northwind Mobile Service Van 1", kind: .mobileVan,
               latitude: 41.8827, longitude: -87.6233, aisles: "AB", shelves: 5, levels: 2,
               binWords: ("Rack", "drawer", "tray")),
    ]

    static let timeZone = "America/Chicago"

    /// The franchise make of the site with this code, if it is a franchised dealership.
    static func franchise(of site: Site) -> String? {
        layouts.first { $0.code == site.code.rawValue }?.franchise
    }

    static func sites(ids: inout DemoIdentifiers) -> [Site] {
        layouts.map { layout in
            // The table holds valid codes and coordinates; a bad row is a programming error.
            Site(id: ids.next(), code: Code(layout.code)!, name: layout.name, kind: layout.kind,
                 location: GeoPoint(latitude: layout.latitude, longitude: layout.longitude)!, timeZone: timeZone)
        }
    }

    /// Bins coded `A-01-03`: aisle, shelf, level.
    static func bins(at site: Site, ids: inout DemoIdentifiers) -> [Bin] {
        guard let layout = layouts.first(where: { $0.code == site.code.rawValue }) else { return [] }
        var bins: [Bin] = []
        for aisle in layout.aisles {
            for shelf in 1...layout.shelves {
                for level in 1...layout.levels {
                    let (shelfText, levelText) = (twoDigits(shelf), twoDigits(level))
                    let (aisleWord, shelfWord, levelWord) = layout.binWords
                    let description = "\(aisleWord) \(aisle), \(shelfWord) \(shelfText), \(levelWord) \(levelText)"
                    bins.append(Bin(id: ids.next(), siteID: site.id, code: Code("\(aisle)-\(shelfText)-\(levelText)")!,
                                    description: description))
                }
            }
        }
        return bins
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
