import AxleDomain
import Foundation
import Testing

@Suite("Slot search: skill, bay and parts coincide")
struct SlotSearchTests {
    static let chicago = SiteCalendar(timeZone: TimeZone(identifier: "America/Chicago")!)
    static let site = Site.ID(UUID())
    static let monday = CalendarDate(year: 2026, month: 3, day: 2)!

    static func at(_ date: CalendarDate, _ time: String) -> Instant { chicago.instant(on: date, at: TimeOfDay(time)!) }

    static func technician(_ name: String, _ skills: Set<Skill>) -> Technician {
        Technician(id: .init(UUID()), siteID: site, name: name, skills: skills,
                   shifts: WorkingWindow.every(WorkingWindow.weekdays, from: TimeOfDay("08:00")!, to: TimeOfDay("17:00")!))
    }

    static func bay(_ code: String, _ type: BayType) -> Bay {
        Bay(id: .init(UUID()), siteID: site, code: Code(code)!, type: type,
            hours: WorkingWindow.every(WorkingWindow.weekdays, from: TimeOfDay("08:00")!, to: TimeOfDay("17:00")!))
    }

    let brakes = SlotSearch.Requirement(skills: [.brakes], bayTypes: [.generalLift], minutes: 120)

    @Test func theEarliestSlotNeedsASkilledTechnicianAndASuitableBayAtOnce() {
        let ana = Self.technician("Ana", [.brakes]), ben = Self.technician("Ben", [.electrical])
        let lift = Self.bay("L1", .generalLift)
        // Ana is booked 08:00–12:00; Ben is free but lacks the skill; the lift is taken 12:00–13:00.
        let search = SlotSearch(
            calendar: Self.chicago,
            technicians: [.init(technician: ana, unavailable: [Period(start: Self.at(Self.monday, "08:00"),
                                                                      end: Self.at(Self.monday, "12:00"))]),
                          .init(technician: ben, unavailable: [])],
            bays: [.init(bay: lift, booked: [Period(start: Self.at(Self.monday, "12:00"), end: Self.at(Self.monday, "13:00"))])])
        let from = Self.at(Self.monday, "07:00")
        let slots = search.slots(for: brakes, from: from, partsReadyAt: from, days: 1, limit: 3)
        #expect(slots.map(\.period.start) == [Self.at(Self.monday, "13:00"), Self.at(Self.monday, "14:00"),
                                              Self.at(Self.monday, "15:00")])
        #expect(slots.allSatisfy { $0.technicianID == ana.id && $0.bayID == lift.id })
        #expect(slots.first?.earliestBecause == .bay)
        #expect(slots.dropFirst().allSatisfy { $0.earliestBecause == .spacing })
        // 15:00 + 2 h ends at the shift's end; 15:15 would not fit.
        #expect(slots.last?.period.end == Self.at(Self.monday, "17:00"))
    }

    @Test func partsArrivingLaterMoveTheEarliestSlot() {
        let search = SlotSearch(calendar: Self.chicago,
                                technicians: [.init(technician: Self.technician("Ana", [.brakes]), unavailable: [])],
                                bays: [.init(bay: Self.bay("L1", .generalLift), booked: [])])
        let from = Self.at(Self.monday, "08:00")
        let wednesday = CalendarDate(year: 2026, month: 3, day: 4)!
        let ready = Self.chicago.instant(on: wednesday, at: TimeOfDay(minutes: 0)!)
        let slot = search.slots(for: brakes, from: from, partsReadyAt: ready, days: 7, limit: 1).first
        #expect(slot?.period.start == Self.at(wednesday, "08:00"))
        #expect(slot?.earliestBecause == .parts)
        let now = search.slots(for: brakes, from: from, partsReadyAt: from, days: 7, limit: 1).first
        #expect(now?.period.start == from)
        #expect(now?.earliestBecause == .searchStart)
    }

    @Test func noSlotWithoutTheSkillOrTheBayOrOnAHoliday() {
        let ana = Self.technician("Ana", [.brakes])
        let alignment = SlotSearch.Requirement(skills: [.alignment], bayTypes: [.alignment], minutes: 60)
        let lifts = SlotSearch(calendar: Self.chicago, technicians: [.init(technician: ana, unavailable: [])],
                               bays: [.init(bay: Self.bay("L1", .generalLift), booked: [])])
        let from = Self.at(Self.monday, "08:00")
        #expect(lifts.slots(for: alignment, from: from, partsReadyAt: from, days: 14, limit: 1).isEmpty)
        let aligner = Self.technician("Cy", [.alignment])
        let noRig = SlotSearch(calendar: Self.chicago, technicians: [.init(technician: aligner, unavailable: [])],
                               bays: [.init(bay: Self.bay("L1", .generalLift), booked: [])])
        #expect(noRig.slots(for: alignment, from: from, partsReadyAt: from, days: 14, limit: 1).isEmpty)
        let holiday = SiteCalendar(timeZone: Self.chicago.timeZone, holidays: [Self.monday])
        let closed = SlotSearch(calendar: holiday, technicians: [.init(technician: ana, unavailable: [])],
                                bays: [.init(bay: Self.bay("L1", .generalLift), booked: [])])
        let slot = closed.slots(for: brakes, from: from, partsReadyAt: from, days: 14, limit: 1).first
        #expect(slot?.period.start == Self.at(CalendarDate(year: 2026, month: 3, day: 3)!, "08:00"))
    }

    @Test func aPlainLiftIsUsedBeforeTheAlignmentRig() {
        let rig = Self.bay("A1", .alignment), lift = Self.bay("L9", .generalLift)
        let search = SlotSearch(calendar: Self.chicago,
                                technicians: [.init(technician: Self.technician("Ana", [.brakes]), unavailable: [])],
                                bays: [.init(bay: rig, booked: []), .init(bay: lift, booked: [])])
        let from = Self.at(Self.monday, "08:00")
        #expect(search.slots(for: brakes, from: from, partsReadyAt: from, days: 1, limit: 1).first?.bayID == lift.id)
    }

    @Test func anAbsenceKeepsATechnicianOffTheSchedule() {
        let ana = Self.technician("Ana", [.brakes])
        let absent = Period(start: Self.at(Self.monday, "00:00"), end: Self.at(CalendarDate(year: 2026, month: 3, day: 3)!, "00:00"))
        let search = SlotSearch(calendar: Self.chicago, technicians: [.init(technician: ana, unavailable: [absent])],
                                bays: [.init(bay: Self.bay("L1", .generalLift), booked: [])])
        let from = Self.at(Self.monday, "08:00")
        let slot = search.slots(for: brakes, from: from, partsReadyAt: from, days: 3, limit: 1).first
        #expect(slot?.period.start == Self.at(CalendarDate(year: 2026, month: 3, day: 3)!, "08:00"))
        #expect(slot?.earliestBecause == .technician)
    }

    @Test func wallClockHoursHoldAcrossADaylightSavingChange() {
        // Clocks in Chicago go forward on 2026-03-08: 09:00 is 15:00Z before, 14:00Z after.
        let friday = CalendarDate(year: 2026, month: 3, day: 6)!, monday = CalendarDate(year: 2026, month: 3, day: 9)!
        #expect(Self.at(friday, "09:00").description == "2026-03-06T15:00:00.000Z")
        #expect(Self.at(monday, "09:00").description == "2026-03-09T14:00:00.000Z")
        #expect(Self.chicago.text(Self.at(monday, "09:00")) == "2026-03-09T09:00:00-05:00")
        #expect(Self.chicago.text(Self.at(friday, "09:00")) == "2026-03-06T09:00:00-06:00")
        let search = SlotSearch(calendar: Self.chicago,
                                technicians: [.init(technician: Self.technician("Ana", [.brakes]), unavailable: [])],
                                bays: [.init(bay: Self.bay("L1", .generalLift), booked: [])])
        let from = Self.at(friday, "16:00")
        let slot = search.slots(for: brakes, from: from, partsReadyAt: from, days: 5, limit: 1).first
        #expect(slot.map { Self.chicago.text($0.period.start) } == "2026-03-09T08:00:00-05:00")
    }
}
