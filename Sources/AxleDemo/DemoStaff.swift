import AxleDomain

/// Who handles stock at each site in the history: the demo's own users, so that a person who
/// opens a transfer or a count task sees the people who took its steps, each within the site
/// scope and the segregation of duties the use cases enforce.
///
/// Each site's parts manager requests, approves and resolves; its warehouse operator (where it
/// has one, else the parts manager) ships, receives and counts. A step that must not be taken
/// by the person who took an earlier one (approving one's own transfer or count) falls to the
/// administrator.
struct DemoStaff: Sendable {
    /// By site, in the history's site order.
    private let managers: [Principal]
    private let operators: [Principal]
    private let administrator: Principal

    init(principals: [Principal], sites: [Site]) {
        let administrator = principals.first { $0.role == .admin } ?? .system
        func first(_ role: Role, at site: Site) -> Principal? {
            principals.first { $0.role == role && $0.sites.contains(site.id) }
        }
        managers = sites.map { first(.partsManager, at: $0) ?? administrator }
        operators = zip(sites, managers).map { site, manager in first(.warehouse, at: site) ?? manager }
        self.administrator = administrator
    }

    func manager(at site: Int) -> Principal { managers[site] }
    func shipper(at site: Int) -> Principal { operators[site] }
    func receiver(at site: Int) -> Principal { operators[site] }
    func counter(at site: Int) -> Principal { operators[site] }

    /// Who approves a valuable transfer from the site: its manager, unless that is the requester.
    func approver(at site: Int, notBy requester: Principal) -> Principal {
        managers[site] == requester ? administrator : managers[site]
    }

    /// Who decides a count that survived its recount: the manager, unless the manager counted it.
    func countApprover(at site: Int) -> Principal {
        managers[site] == operators[site] ? administrator : managers[site]
    }
}
