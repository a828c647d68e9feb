import AxleDomain
import AxleStore

/// `vehicles`: keyed by VIN; registered as `RegisterVehicle` would (make and model year may be
/// left to the VIN's decoding). A registered vehicle has no edit, so a row that differs from it
/// is refused rather than changed.
struct VehicleImporter: RowImporter {
    let columns: [ImportColumn] = [
        .required("vin"), .optional("make"), .required("model"), .optional("modelYear"), .optional("engine"),
    ]
    let keyColumns = ["vin"]

    func authorize(_ principal: Principal) throws {
        try principal.authorize(.importMasterData)
    }

    func apply(_ row: ImportRow, in scope: WriteScope) async throws -> RowOutcome {
        var reader = RowReader(row)
        var vin: VIN?
        if let text = reader.text("vin") {
            do {
                vin = try VIN(validating: text)
            } catch {
                reader.reject("vin", error.message)
            }
        }
        let make = reader.optionalText("make")
        let model = reader.text("model")
        let modelYear = reader.optionalValue("modelYear", "a whole number") { Int($0) }
        let engine = reader.optionalText("engine")
        guard let vin, let model, reader.issues.isEmpty else { throw reader.rejection }
        guard let existing = try await scope.stores.vehicles.find(vin: vin) else {
            _ = try await run(RegisterVehicle(RegisterVehicle.Input(
                vin: vin, model: model, make: make, modelYear: modelYear, engine: engine)), in: scope)
            return .created
        }
        guard existing.model == model, make.map({ $0 == existing.make }) ?? true,
              modelYear.map({ $0 == existing.modelYear }) ?? true, existing.engine == engine else {
            reader.reject("vin", "vehicle \(vin) is registered with other details; vehicles are not edited by import")
            throw reader.rejection
        }
        return .unchanged
    }
}
