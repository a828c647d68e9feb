/// A technician's skill or certification; a labor operation requires one.
public enum Skill: String, ClosedSet {
    case general, brakes, electrical, evHighVoltage, alignment, diagnostics, engine, airConditioning, tyres
}

/// The kind of workshop bay. Some bays host more than their own kind of work: an alignment
/// rig, an EV bay and a heavy-duty lift are also lifts.
public enum BayType: String, ClosedSet {
    case generalLift, alignment, evBay, heavyDuty

    /// The kinds of work this bay can host.
    public var hosts: Set<BayType> {
        switch self {
        case .generalLift: [.generalLift]
        case .alignment: [.alignment, .generalLift]
        case .evBay: [.evBay, .generalLift]
        case .heavyDuty: [.heavyDuty, .generalLift]
        }
    }

    /// Whether a bay of this type can host work needing every one of `required`.
    public func canHost(_ required: Set<BayType>) -> Bool { required.isSubset(of: hosts) }
}
