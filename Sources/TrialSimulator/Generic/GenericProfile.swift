/// The knobs of the data-driven generator (`simulation.yaml` with `generator: generic`): the
/// subjects' course and, per form, its fields. Every figure is illustrative.
///
/// Nothing here is specific to a therapeutic area: the forms, their items, choices, numbers and
/// term lists are all data (see mappings/README.md, "The generic generator").
public struct GenericProfile: Codable, Hashable, Sendable {
    /// True: the figures are invented for dummy data, not observed.
    public var illustrative: Bool
    /// `generic`: selects this generator.
    public var generator: String
    public var export: Export
    public var enrolment: Enrolment
    /// Weighted age at consent; birth dates follow from it.
    public var age: NumberRule
    /// Per arm (by ARMCD): the label the randomization system prints.
    public var arms: [ArmLabel]
    /// Site ids of study.yaml with weights (uniform when left out).
    public var sites: [Weighted]?
    /// The planned visits in order: the first is screening, the one named by `firstDoseVisit` is Day 1.
    public var visits: [Visit]
    public var firstDoseVisit: String
    public var disposition: Disposition
    public var forms: [Form]

    /// How the files are written: the vendor's layout.
    public struct Export: Codable, Hashable, Sendable {
        /// File name with `{FORM}` (the form name in upper case), e.g. `DEMOHTN_{FORM}_20241105_0930.csv`.
        public var fileName: String
        /// `MM/DD/YYYY`, `DD/MM/YYYY`, `YYYY-MM-DD` or `DD MMM YYYY`.
        public var dateFormat: String
        /// True: a first header row of item labels above the row of item ids.
        public var labelRow: Bool
        /// `crlf` or `lf`.
        public var lineEnding: String
        public var byteOrderMark: Bool
    }

    public struct Enrolment: Codable, Hashable, Sendable {
        /// First consent, `YYYY-MM-DD`.
        public var startDate: String
        /// Subjects screened per month (exponential gaps between consents).
        public var screenedPerMonth: Double
        public var screenFailureRate: Double
        /// Days from consent to the screening visit, `[min, max]`.
        public var consentToScreeningDays: [Int]
        /// Days from consent to Day 1 (randomization and first dose), `[min, max]`.
        public var consentToFirstDoseDays: [Int]
        /// `RANDNO` prefix, followed by a 4-digit sequence.
        public var randomizationPrefix: String
    }

    public struct ArmLabel: Codable, Hashable, Sendable {
        public var code: String
        public var label: String
    }

    public struct Visit: Codable, Hashable, Sendable {
        /// The folder name the EDC writes (mapped through visits.yaml).
        public var name: String
        /// Planned study day relative to Day 1 (screening: negative, ignored: set by enrolment).
        public var day: Int
        /// Allowed days either side of the planned day.
        public var window: Int?
        /// True for the end-of-study visit: also the visit of a subject who stops early.
        public var endOfStudy: Bool?
    }

    public struct Disposition: Codable, Hashable, Sendable {
        /// The reason of a subject who completes, and of a screen failure.
        public var completed: String
        public var screenFailure: String
        /// Chance, at each planned visit after Day 1, that a subject stops before it.
        public var dropoutPerVisit: Double
        /// Reasons of early stops, weighted.
        public var reasons: [Weighted]
        /// Days from the last visit attended to the early end-of-study visit, `[min, max]`.
        public var earlyEndDays: [Int]
    }

    /// One raw form and its items.
    public struct Form: Codable, Hashable, Sendable {
        /// The form name (`{FORM}` of the file name, in upper case).
        public var name: String
        /// `subject` (one row per subject), `visit` (one per attended visit of `visits`) or `log` (`count` rows).
        public var kind: Kind
        /// For `visit`: the visits it is collected at (default all attended).
        public var visits: [String]?
        /// Only randomized subjects have this form.
        public var randomizedOnly: Bool?
        /// For `log`: rows per subject `[min, max]`, per arm when given there.
        public var count: [Int]?
        public var countByArm: [String: [Int]]?
        /// For `log`: the terms drawn (without repeats within a subject), each with attributes.
        public var terms: [Term]?
        public var fields: [Field]

        public enum Kind: String, Codable, Hashable, Sendable { case subject, visit, log }
    }

    public struct Term: Codable, Hashable, Sendable {
        public var value: String
        public var weight: Double
        /// Further values of the term, read by fields as `term.NAME` (e.g. a coded term).
        public var attributes: [String: String]?
    }

    /// One item: exactly one of `value`, `fixed`, `choices`, `byArm`, `bySite`, `number`, `date`, `checkbox`.
    public struct Field: Codable, Hashable, Sendable {
        /// The item id (second header row); a checkbox's columns are `id___1`, `id___2`, ...
        public var id: String
        /// The item label (first header row).
        public var label: String
        /// A value of the subject or row: subject, site, visit, arm, randomizationNumber, eligible
        /// (Y/N), disposition, age, row (the row's number among the subject's rows of the form), term
        /// or term.NAME.
        public var value: String?
        /// Renames a `value` (e.g. `{Y: "Yes", N: "No"}`).
        public var labels: [String: String]?
        public var fixed: String?
        public var choices: [Weighted]?
        /// The value per ARMCD.
        public var byArm: [String: String]?
        /// The value per site id (e.g. the unit a site records in).
        public var bySite: [String: String]?
        public var number: NumberRule?
        public var date: DateRule?
        public var checkbox: Checkbox?
        /// Chance the item is left blank.
        public var blankRate: Double?
        /// Blank unless the row's visit is one of these.
        public var onlyAt: [String]?
        /// Blank when the item `field` of the same row (already drawn) equals `equals`.
        public var blankWhen: FieldTest?
    }

    public struct FieldTest: Codable, Hashable, Sendable {
        public var field: String
        public var equals: String
    }

    /// A normal number: `mean`, `sd`, rounded to `decimals`, kept within `[min, max]`.
    public struct NumberRule: Codable, Hashable, Sendable {
        public var mean: Double
        public var sd: Double
        public var decimals: Int?
        public var min: Double?
        public var max: Double?
        /// A per-subject offset drawn once with this SD (repeated measures of one subject agree).
        public var subjectSD: Double?
        /// Added after Day 1, per ARMCD (a treatment effect).
        public var shiftAfterFirstDose: [String: Double]?
        /// The drawn number times this factor, per site id (a site recording in other units, e.g. 2.20462262 for LB).
        public var scaleBySite: [String: Double]?
    }

    /// A date: `days` after the anchor `from`, or uniformly `between` two anchors. Anchors: consent,
    /// screening, firstDose, visit (the row's), periodEnd (the day before the form's next visit of
    /// the subject, or the last dose), endOfStudy, lastDose, birth, or the id of an earlier date item
    /// of the row. An anchor the subject does not have (a screen failure's firstDose) leaves the item blank.
    public struct DateRule: Codable, Hashable, Sendable {
        public var from: String?
        public var days: [Int]?
        public var between: [String]?
        /// Chance the day is written as unknown (`UN`).
        public var unknownDayRate: Double?
        /// Never later than this anchor (e.g. an end date no later than the end of study).
        public var notAfter: String?
    }

    /// REDCap-style checkbox columns: one drawn option ticked (`1`), the others `0`.
    public struct Checkbox: Codable, Hashable, Sendable {
        public var options: [Weighted]
        /// Chance of ticking a second option.
        public var secondRate: Double?
    }

    public struct Weighted: Codable, Hashable, Sendable {
        public var value: String
        public var weight: Double
    }
}
