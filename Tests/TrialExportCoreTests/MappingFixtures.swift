@testable import TrialExportCore

/// Small hand-made studies, metadata and raw forms for mapping tests.
enum MappingFixtures {
    static func variable(
        _ order: Int, _ name: String, _ type: VariableMetadata.DataType = .char,
        _ core: VariableMetadata.Core = .exp, codelist: String? = nil
    ) -> VariableMetadata {
        VariableMetadata(dataset: "DM", order: order, name: name, label: name, type: type, core: core, codelist: codelist)
    }

    static func variable(_ order: Int, _ name: String, core: VariableMetadata.Core, codelist: String? = nil) -> VariableMetadata {
        VariableMetadata(dataset: "DM", order: order, name: name, label: name, type: .char, core: core, codelist: codelist)
    }

    static let dmMetadata = DatasetMetadata(
        name: "DM", label: "Demographics", structure: "One record per subject",
        keys: ["STUDYID", "USUBJID"],
        variables: [
            variable(1, "STUDYID", core: .req), variable(2, "DOMAIN", core: .req), variable(3, "USUBJID", core: .req),
            variable(4, "SUBJID", core: .req), variable(5, "RFSTDTC"), variable(6, "RFENDTC"), variable(7, "RFXSTDTC"),
            variable(8, "RFXENDTC"), variable(9, "RFICDTC"), variable(10, "DTHDTC"), variable(11, "DTHFL", codelist: "C66742"),
            variable(12, "SITEID", core: .req), variable(13, "BRTHDTC", core: .perm), variable(14, "AGE", .num),
            variable(15, "AGEU", codelist: "C66781"), variable(16, "SEX", core: .req, codelist: "C66731"),
            variable(17, "ARMCD"), variable(18, "ARM"), variable(19, "ACTARMCD"), variable(20, "ACTARM"),
            variable(21, "ARMNRS", codelist: "C142179"), variable(22, "COUNTRY", core: .req),
            variable(23, "DMDY", .num, .perm),
        ])

    static let terminology = ControlledTerminology(
        version: "test",
        codelists: [
            Codelist(code: "C66731", name: "SEX", extensible: false, terms: ["F", "M", "U", "UNDIFFERENTIATED"]),
            Codelist(code: "C66742", name: "NY", extensible: false, terms: ["N", "NA", "U", "Y"]),
            Codelist(code: "C66781", name: "AGEU", extensible: false, terms: ["DAYS", "MONTHS", "YEARS"]),
            Codelist(code: "C74457", name: "RACE", extensible: true, terms: ["ASIAN", "WHITE"]),
            Codelist(
                code: "C142179", name: "ARMNULRS", extensible: true,
                terms: ["ASSIGNED, NOT TREATED", "NOT ASSIGNED", "SCREEN FAILURE", "UNPLANNED TREATMENT"]),
        ])

    static let study: StudyDefinition = {
        func treatment(_ code: String, choiceOf: [String]? = nil) -> StudyDefinition.Treatment {
            .init(code: code, name: code.capitalized, choiceOf: choiceOf)
        }
        func arm(_ code: String, _ name: String, _ treatments: [String]) -> StudyDefinition.Arm {
            .init(code: code, name: name, type: "Experimental", treatments: treatments, elements: ["SCRN", "TRT", "FU"])
        }
        return StudyDefinition(
            studyId: "STUDY1", registryId: "NCT00000000", secondaryIds: [], title: "Test study", sponsor: "Sponsor",
            condition: "Condition", phase: "Phase 2", studyType: "Interventional",
            design: .init(
                allocation: "Randomized", interventionModel: "Parallel Assignment", masking: "None (Open Label)",
                primaryPurpose: "Treatment"),
            plannedEnrollment: 4, population: .init(minimumAge: 18, maximumAge: 70, sex: "All", healthyVolunteers: false),
            sites: [.init(id: "101", name: "Site", country: "CHN")],
            treatments: [
                treatment("APATINIB"), treatment("CHEMOTHERAPY", choiceOf: ["GEMCITABINE", "DOCETAXEL"]),
                treatment("GEMCITABINE"), treatment("DOCETAXEL"),
            ],
            arms: [
                arm("APA+CT", "Apatinib plus Chemotherapy", ["APATINIB", "CHEMOTHERAPY"]),
                arm("CT", "Chemotherapy", ["CHEMOTHERAPY"]),
            ],
            elements: [], criteria: .init(inclusion: [], exclusion: []),
            schedule: .init(
                screeningWindowDays: 28, cycleLengthDays: 21, tumourAssessmentEveryWeeks: 6,
                safetyFollowUpDays: 30, survivalFollowUpEveryWeeks: 12),
            dataCutoff: "2025-06-30")
    }()

    static let ctMap = CTMap([
        "SEX": ["Male": "M", "Female": "F"],
        "ARMCD": ["Arm A": "APA+CT", "Arm B": "CT"],
        "EXTRT": ["Apatinib": "APATINIB", "Gemcitabine": "GEMCITABINE", "Docetaxel": "DOCETAXEL"],
    ])

    static func table(_ form: String, _ header: [String], _ rows: [[String]]) -> RawTable {
        RawTable(
            form: form, file: "\(form).csv", header: header,
            rows: rows.enumerated().map { RawRow(line: $0.offset + 2, values: $0.element) })
    }

    /// Four subjects: treated with both drugs, treated with chemotherapy only, randomized not treated, screen failure.
    static func raw(dm: [[String]]? = nil, ex: [[String]]? = nil) -> RawData {
        RawData(
            tables: [
                table(
                    "dm", ["SiteNumber", "Subject", "BRTHDAT", "AGE", "SEX", "DMDAT"],
                    dm ?? [
                        ["101", "101-0001", "12 MAR 1975", "47", "Male", "01 MAR 2023"],
                        ["101", "101-0002", "UN UNK 1960", "62", "female", "02 MAR 2023"],
                        ["101", "101-0003", "01 JAN 1980", "43", "Female", "03 MAR 2023"],
                        ["101", "101-0004", "01 JAN 1950", "73", "Male", "04 MAR 2023"],
                    ]),
                table(
                    "ic", ["SiteNumber", "Subject", "ICDAT", "ICTIM"],
                    [
                        ["101", "101-0001", "01 MAR 2023", "09:15"], ["101", "101-0002", "02 MAR 2023", ""],
                        ["101", "101-0003", "03 MAR 2023", "10:00"], ["101", "101-0004", "04 MAR 2023", ""],
                    ]),
                table(
                    "elig", ["SiteNumber", "Subject", "IEYN"],
                    [
                        ["101", "101-0001", "Yes"], ["101", "101-0002", "Yes"], ["101", "101-0003", "Yes"],
                        ["101", "101-0004", "No"],
                    ]),
                table(
                    "rand", ["SiteNumber", "Subject", "ARM"],
                    [
                        ["101", "101-0001", "Arm A"], ["101", "101-0002", "Arm B"], ["101", "101-0003", "Arm A"],
                    ]),
                table(
                    "ex", ["SiteNumber", "Subject", "EXTRT", "EXSTDAT", "EXSTTIM", "EXENDAT", "EXDOSE"],
                    ex ?? [
                        ["101", "101-0001", "Apatinib", "20 MAR 2023", "", "30 APR 2023", "250"],
                        ["101", "101-0001", "Gemcitabine", "20 MAR 2023", "10:30", "20 MAR 2023", "1600"],
                        ["101", "101-0001", "Gemcitabine", "27 MAR 2023", "10:00", "27 MAR 2023", "1600"],
                        ["101", "101-0002", "Docetaxel", "25 MAR 2023", "11:00", "25 MAR 2023", "120"],
                        ["101", "101-0002", "Docetaxel", "15 APR 2023", "11:00", "15 APR 2023", "0"],
                    ]),
            ], subjectColumn: "Subject")
    }

    static func context(raw: RawData, cutoff: PartialDate? = nil) -> MappingContext {
        MappingContext(
            study: study, ctMap: ctMap, metadata: StandardMetadata(version: "test", datasets: ["DM": dmMetadata]),
            terminology: terminology, raw: raw, cutoff: cutoff, ctMapPath: "ct-map.yaml", studyPath: "study.yaml")
    }

    static let dmSpec = DomainSpec(
        domain: "DM", subjectColumn: "Subject",
        records: [
            RecordSpec(
                form: "dm", join: ["ic", "elig", "rand"],
                variables: [
                    VariableSpec(variable: "STUDYID", algorithm: .hardcodeNoCT, value: "STUDY1"),
                    VariableSpec(variable: "DOMAIN", algorithm: .hardcodeNoCT, value: "DM"),
                    VariableSpec(variable: "SUBJID", algorithm: .assignNoCT, from: "Subject"),
                    VariableSpec(variable: "SITEID", algorithm: .assignNoCT, from: "SiteNumber"),
                    VariableSpec(variable: "USUBJID", algorithm: .template, value: "{STUDYID}-{SUBJID}"),
                    VariableSpec(variable: "RFICDTC", algorithm: .assignDatetime, date: "ic.ICDAT", time: "ic.ICTIM"),
                    VariableSpec(variable: "RFXSTDTC", algorithm: .firstDatetime, sources: [dosed("EXSTDAT", "EXSTTIM")]),
                    VariableSpec(variable: "RFXENDTC", algorithm: .lastDatetime, sources: [dosed("EXENDAT", nil)]),
                    VariableSpec(variable: "RFSTDTC", algorithm: .copy, fromVariable: "RFXSTDTC"),
                    VariableSpec(variable: "BRTHDTC", algorithm: .assignDatetime, date: "BRTHDAT"),
                    VariableSpec(variable: "AGE", algorithm: .ageYears, from: "AGE", variables: ["BRTHDTC", "RFICDTC"]),
                    VariableSpec(
                        variable: "AGEU", algorithm: .hardcodeCT, value: "YEARS", codelist: "AGEU",
                        when: Condition(variable: "AGE", notNull: true)),
                    VariableSpec(variable: "SEX", algorithm: .assignCT, from: "SEX", codelist: "SEX"),
                    VariableSpec(variable: "ARMCD", algorithm: .assignCT, from: "rand.ARM", codelist: "ARMCD"),
                    VariableSpec(variable: "ARM", algorithm: .armName, variables: ["ARMCD"]),
                    VariableSpec(
                        variable: "ACTARMCD", algorithm: .actualArmCode,
                        sources: [
                            DateTimeSource(
                                form: "ex", date: "EXSTDAT", where: Condition(column: "EXDOSE", greaterThan: 0),
                                treatment: "EXTRT")
                        ], variables: ["ARMCD"]),
                    VariableSpec(variable: "ACTARM", algorithm: .armName, variables: ["ACTARMCD"]),
                    VariableSpec(
                        variable: "ARMNRS", algorithm: .armNullReason, variables: ["ARMCD", "ACTARMCD"],
                        screenFailure: Condition(column: "elig.IEYN", equals: "No")),
                    VariableSpec(variable: "COUNTRY", algorithm: .siteCountry, variables: ["SITEID"]),
                ])
        ])

    static func dosed(_ date: String, _ time: String?) -> DateTimeSource {
        DateTimeSource(form: "ex", date: date, time: time, where: Condition(column: "EXDOSE", greaterThan: 0))
    }
}
