/// The part of the world a VIN was assigned in, from its first characters (ISO 3780).
public enum VINRegion: String, Sendable, Codable, CaseIterable {
    case africa, asia, europe, northAmerica, oceania, southAmerica
    /// Never the region of a validated VIN; there for records from other sources that do not say.
    case unknown

    /// The ISO 3780 regions by first character. `7F`–`70`, allocated later to the United States,
    /// are overridden by the country table, so read `VIN.region` rather than this.
    init(firstCharacter: Character) {
        switch firstCharacter {
        case "A"..."H": self = .africa
        case "J"..."R": self = .asia
        case "S"..."Z": self = .europe
        case "1"..."5": self = .northAmerica
        case "6", "7": self = .oceania
        case "8", "9", "0": self = .southAmerica
        default: self = .unknown
        }
    }
}

/// What position 9 of a valid VIN tells.
public enum CheckDigitStatus: String, Sendable, Codable {
    /// Position 9 is the check digit the other 16 characters give.
    case valid
    /// Position 9 is not the check digit, which the VIN's region does not require (most of Europe).
    case notRequired
}

/// Everything a VIN alone tells about a vehicle. The model and engine are not among it: they sit in
/// manufacturer-specific codes, so a `Vehicle` records them separately.
public struct DecodedVIN: Hashable, Sendable, Codable {
    public let vin: VIN
    /// Positions 1–3.
    public let wmi: String
    /// The manufacturer the WMI is assigned to; nil when the WMI is not in the table.
    public let manufacturer: String?
    /// The brand the WMI is chiefly used for; nil when unknown or when several brands share it.
    public let make: String?
    /// The country the WMI was assigned in, usually the country of assembly; nil when unallocated.
    public let country: String?
    public let region: VINRegion
    /// The model year, or nil when position 10 has no year or the VIN cannot settle it.
    public let modelYear: Int?
    public let checkDigit: CheckDigitStatus
}

extension VIN {
    /// The 30 model-year codes of position 10 in order: A is 1980 or 2010, Y is 2000 or 2030,
    /// 1–9 are 2001–2009 or 2031–2039. I, O, Q, U, Z and 0 name no year.
    static let modelYearCodes: [Character] = Array("ABCDEFGHJKLMNPRSTVWXY123456789")

    /// The region of the WMI; `7F`–`70` are North American although `7` starts Oceania's codes.
    public var region: VINRegion {
        WorldManufacturerIdentifiers.countryRange(for: wmi)?.region ?? VINRegion(firstCharacter: character(at: 1))
    }

    /// The model year when the VIN alone settles it, else nil.
    ///
    /// Position 10 names a year in a 30-year cycle. North American rules (49 CFR 565.15) pick
    /// the cycle for cars, MPVs and light trucks: a letter in position 7 means 2010–2039, a
    /// digit 1980–2009. Elsewhere position 10 is a year only by custom, with no cycle marker, so
    /// this is nil and `modelYear(referenceYear:)` gives the likely year.
    public var modelYear: Int? {
        guard region == .northAmerica, let offset = modelYearOffset else { return nil }
        return (character(at: 7).isLetter ? 2010 : 1980) + offset
    }

    /// The model year, using `referenceYear` (normally the current year, which this module cannot
    /// read) to pick the cycle outside North America: the latest year of the cycle that is no
    /// later than `referenceYear + 1`, as models go on sale the year before their model year.
    /// Nil when position 10 names no year, or when even 1980's cycle is later than that.
    ///
    /// Outside North America this is a guess: an old car read today can come out 30 years
    /// too young, and some European makers do not put a year in position 10 at all.
    public func modelYear(referenceYear: Int) -> Int? {
        guard let offset = modelYearOffset else { return nil }
        if region == .northAmerica { return modelYear }
        let first = 1980 + offset
        let latest = referenceYear + 1
        guard first <= latest else { return nil }
        return first + (latest - first) / 30 * 30
    }

    /// Everything the VIN tells without a reference year (see `modelYear`).
    public var decoded: DecodedVIN { decoded(modelYear: modelYear) }

    /// Everything the VIN tells, reading the model year with `modelYear(referenceYear:)`.
    public func decoded(referenceYear: Int) -> DecodedVIN {
        decoded(modelYear: modelYear(referenceYear: referenceYear))
    }

    /// Years after 1980 in the cycle named by position 10; nil when it names no year.
    private var modelYearOffset: Int? { VIN.modelYearCodes.firstIndex(of: character(at: 10)) }

    private func decoded(modelYear: Int?) -> DecodedVIN {
        let manufacturer = WorldManufacturerIdentifiers.manufacturer(for: wmi)
        return DecodedVIN(
            vin: self,
            wmi: wmi,
            manufacturer: manufacturer?.name,
            make: manufacturer?.make,
            country: manufacturer?.country ?? WorldManufacturerIdentifiers.countryRange(for: wmi)?.country,
            region: region,
            modelYear: modelYear,
            checkDigit: checkDigitStatus
        )
    }
}
