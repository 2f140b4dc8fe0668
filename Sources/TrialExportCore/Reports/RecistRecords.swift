import Foundation

/// The TU and TR records of one subject, grouped by assessment (VISITNUM).
struct RecistSubjectRecords {
    var lesions: [String: RecistLesion] = [:]
    var visits: [Double: RecistVisitRecords] = [:]

    /// Lesions of one role, ordered by id.
    func lesions(_ role: RecistLesion.Role) -> [RecistLesion] {
        lesions.values.filter { $0.role == role }.sorted { $0.id < $1.id }
    }

    /// Assessments ordered by VISITNUM.
    var orderedVisits: [RecistVisitRecords] { visits.values.sorted { $0.visitNumber < $1.visitNumber } }

    /// Updates the assessment `number` in place (created when new), noting its name and earliest date.
    mutating func updateVisit(_ number: Double, name: String, date: String, _ update: (inout RecistVisitRecords) -> Void) {
        visits[number, default: RecistVisitRecords(visitNumber: number)].note(name: name, date: date)
        update(&visits[number]!)
    }
}

/// The TR results of one subject at one assessment, by lesion.
struct RecistVisitRecords {
    var visitNumber: Double
    var visit = ""
    /// The earliest TRDTC of the assessment.
    var date = ""
    /// Diameters in mm by lesion id, then by TRTESTCD (LDIAM, LPERP).
    var diameters: [String: [String: Double]] = [:]
    /// Lesions with TRSTAT = NOT DONE.
    var notDone: Set<String> = []
    /// TUMSTATE results by lesion id (PRESENT, ABSENT, UNEQUIVOCAL, NON-PATHOLOGICAL, NE).
    var states: [String: String] = [:]
    /// NEW lesions that TU identifies at this assessment.
    var identifiedNew: Set<String> = []
    /// True when TR holds at least one record of this assessment.
    var hasTumorResults = false

    /// Keeps the first visit name and the earliest date seen.
    mutating func note(name: String, date: String) {
        if visit.isEmpty { visit = name }
        if !date.isEmpty, self.date.isEmpty || date < self.date { self.date = date }
    }

    /// The size RECIST uses for a lesion: short axis (LPERP) for a node, longest diameter (LDIAM) otherwise.
    ///
    /// A node recorded with LDIAM only is read from LDIAM (some EDCs collect one diameter per lesion).
    func size(of lesion: RecistLesion) -> Double? {
        guard !notDone.contains(lesion.id), let tests = diameters[lesion.id] else { return nil }
        if lesion.isLymphNode { return tests["LPERP"] ?? tests["LDIAM"] }
        return tests["LDIAM"]
    }
}

/// Groups TU and TR rows per subject and assessment in one pass over each dataset.
struct RecistRecordGrouper {
    var evaluator: String?
    private(set) var subjects: [String: RecistSubjectRecords] = [:]
    private(set) var issues: [RecistIssue] = []

    init(evaluator: String?) { self.evaluator = evaluator }

    /// Reads TU: one lesion per TULNKID and subject.
    mutating func addLesions(from tu: Dataset) {
        let c = Columns(tu, prefix: "TU")
        for row in tu.rows where c.keeps(row, evaluator: evaluator) {
            let subject = c.get(row, c.subject), id = c.get(row, c.link)
            guard !subject.isEmpty, !id.isEmpty else { continue }
            guard let role = RecistLesion.Role(code: c.get(row, c.result)) else {
                issues.append(
                    RecistIssue(
                        usubjid: subject,
                        message:
                            "TU lesion \(id) has TUSTRESC \"\(c.get(row, c.result))\", not TARGET, NON-TARGET or NEW; ignored"))
                continue
            }
            let visitNumber = Double(c.get(row, c.visitNumber))
            let lesion = RecistLesion(id: id, role: role, location: c.get(row, c.location), visitNumber: visitNumber)
            if subjects[subject]?.lesions[id] == nil { subjects[subject, default: RecistSubjectRecords()].lesions[id] = lesion }
            if role == .new, let visitNumber {
                subjects[subject]!.updateVisit(visitNumber, name: c.get(row, c.visit), date: c.get(row, c.date)) {
                    $0.identifiedNew.insert(id)
                }
            }
        }
    }

    /// Reads TR: diameters, NOT DONE flags and tumour states per lesion and assessment.
    mutating func addResults(from tr: Dataset) {
        let c = Columns(tr, prefix: "TR")
        for row in tr.rows where c.keeps(row, evaluator: evaluator) {
            let subject = c.get(row, c.subject), id = c.get(row, c.link)
            guard !subject.isEmpty, !id.isEmpty else { continue }
            guard let visitNumber = Double(c.get(row, c.visitNumber)) else {
                issues.append(
                    RecistIssue(usubjid: subject, message: "TR record of lesion \(id) has no numeric VISITNUM; ignored"))
                continue
            }
            if subjects[subject]?.lesions[id] == nil, !adoptLesion(id, subject: subject, group: c.get(row, c.group)) { continue }
            var issue: String?
            subjects[subject]!.updateVisit(visitNumber, name: c.get(row, c.visit), date: c.get(row, c.date)) {
                issue = Self.record(row, columns: c, lesion: id, into: &$0)
            }
            if let issue { issues.append(RecistIssue(usubjid: subject, message: issue)) }
        }
    }

    /// A TR lesion missing from TU takes its role from TRGRPID; false (and an issue) when it has none.
    private mutating func adoptLesion(_ id: String, subject: String, group: String) -> Bool {
        guard let role = RecistLesion.Role(code: group) else {
            issues.append(
                RecistIssue(
                    usubjid: subject, message: "TR lesion \(id) is not in TU and TRGRPID \"\(group)\" gives no role; ignored"))
            return false
        }
        subjects[subject, default: RecistSubjectRecords()].lesions[id] = RecistLesion(id: id, role: role, location: "")
        return true
    }

    /// Files one TR row under its lesion; returns an issue text when the result is unusable.
    private static func record(_ row: DatasetRow, columns c: Columns, lesion id: String, into visit: inout RecistVisitRecords)
        -> String?
    {
        visit.hasTumorResults = true
        let test = c.get(row, c.testCode).uppercased(), text = c.get(row, c.result)
        if c.get(row, c.status).uppercased() == "NOT DONE" {
            if test != "SUMDIAM" { visit.notDone.insert(id) }
            return nil
        }
        switch test {
        case "LDIAM", "LPERP":
            if let mm = Double(c.get(row, c.numeric)) ?? Double(text.trimmingSpaces) {
                if visit.diameters[id]?[test] == nil { visit.diameters[id, default: [:]][test] = mm }
            } else if !text.isEmpty {
                return
                    "TR \(test) of lesion \(id) at VISITNUM \(RecistText.number(visit.visitNumber)) is \"\(text)\", not a number; treated as not measured"
            }
        case "TUMSTATE":
            if visit.states[id] == nil { visit.states[id] = text.trimmingSpaces.uppercased() }
        default:
            break  // SUMDIAM and other tests: the sum is derived independently from the lesions.
        }
        return nil
    }
}

/// Positions of the TU/TR variables the derivation reads, looked up once per dataset.
private struct Columns {
    let subject, link, group, result, numeric, status, testCode, location, visitNumber, visit, date, evaluator: Int?

    init(_ dataset: Dataset, prefix p: String) {
        subject = dataset.index(of: "USUBJID")
        link = dataset.index(of: "\(p)LNKID")
        group = dataset.index(of: "\(p)GRPID")
        result = dataset.index(of: "\(p)STRESC")
        numeric = dataset.index(of: "\(p)STRESN")
        status = dataset.index(of: "\(p)STAT")
        testCode = dataset.index(of: "\(p)TESTCD")
        location = dataset.index(of: "\(p)LOC")
        visitNumber = dataset.index(of: "VISITNUM")
        visit = dataset.index(of: "VISIT")
        date = dataset.index(of: "\(p)DTC")
        evaluator = dataset.index(of: "\(p)EVAL")
    }

    func get(_ row: DatasetRow, _ column: Int?) -> String { column.map { row[$0] } ?? "" }

    /// Rows of other evaluators are skipped; a missing or empty --EVAL counts as the wanted one.
    func keeps(_ row: DatasetRow, evaluator wanted: String?) -> Bool {
        guard let wanted, let evaluator, row[evaluator] != wanted else { return true }
        let value = row[evaluator].trimmingSpaces
        return value.isEmpty || value.uppercased() == wanted.uppercased()
    }
}
