/// One subject of DM as the reports see it: arm assignment, treatment, age, sex and death flag.
public struct ReportSubject: Sendable, Equatable {
    public var usubjid: String
    /// Planned arm (ARMCD); "" when not assigned.
    public var arm: String
    /// Actual arm (ACTARMCD); "" when not treated.
    public var actualArm: String
    /// ARMNRS: why the arm is null (SCREEN FAILURE, ASSIGNED, NOT TREATED, ...).
    public var armNullReason: String
    public var age: Int?
    public var sex: String
    public var died: Bool
    /// RFSTDTC, the reference start date (first dose).
    public var referenceStart: String

    /// ARMCD values that mean "not randomized" (CDISC null-arm codes).
    static let unassignedArmCodes: Set<String> = ["SCRNFAIL", "NOTASSGN", "NOTTRT"]

    /// Randomized: a planned arm that is a real arm.
    public var isRandomized: Bool { !arm.isEmpty && !Self.unassignedArmCodes.contains(arm.uppercased()) }

    /// Treated: an actual arm that is a real arm (the safety and analysis set).
    public var isTreated: Bool { !actualArm.isEmpty && !Self.unassignedArmCodes.contains(actualArm.uppercased()) }

    /// Every subject of DM, in DM order.
    static func all(in data: ReportDatasets) -> [ReportSubject] {
        let variables = ["USUBJID", "ARMCD", "ACTARMCD", "ARMNRS", "AGE", "SEX", "DTHFL", "RFSTDTC"]
        return data.select("DM", variables).map { v in
            ReportSubject(
                usubjid: v[0], arm: v[1].trimmingSpaces, actualArm: v[2].trimmingSpaces, armNullReason: v[3].trimmingSpaces,
                age: Int(v[4].trimmingSpaces), sex: v[5].trimmingSpaces, died: v[6].trimmingSpaces.uppercased() == "Y",
                referenceStart: v[7])
        }
    }
}
