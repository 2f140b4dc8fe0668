import Foundation

/// How serious a finding is; the CLI turns errors into a non-zero exit code. `waived`: the study's
/// finding policy waives it, with a reason (``Finding/policy``).
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case waived, note, warning, error

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in the input or the output, located as precisely as we can.
///
/// Findings never stop a run by themselves: they flow to a ``FindingSink`` and the caller
/// decides what is fatal. Message text is built in `Finding+Catalog.swift`, nowhere else.
/// Message, hint, value and USUBJID show invisible characters as escapes (`\u{0}`, ``String/escapingInvisibles``),
/// so findings.csv, the workbook and standard error quote a raw value exactly and on one line.
public struct Finding: Codable, Hashable, Sendable {
    public var severity: Severity
    /// A stable identifier such as `RAW0003` or `CT0001`, documented in the README.
    public var code: String
    public var message: String
    /// What the user can do about it.
    public var hint: String
    public var file: String?
    public var line: Int?
    /// Every line, when a record came from several (`3, 17` or `12-40`); ``line`` is the first.
    public var lines: String?
    public var column: String?
    public var domain: String?
    public var usubjid: String?
    public var seq: Int?
    public var variable: String?
    public var value: String?
    /// What the study's finding policy decided about this finding, and why (see ``FindingPolicy``).
    public var policy: String?

    public init(
        severity: Severity, code: String, message: String, hint: String = "",
        file: String? = nil, line: Int? = nil, column: String? = nil,
        domain: String? = nil, usubjid: String? = nil, seq: Int? = nil,
        variable: String? = nil, value: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message.escapingInvisibles
        self.hint = hint.escapingInvisibles
        self.file = file
        self.line = line
        self.column = column
        self.domain = domain
        self.usubjid = usubjid?.escapingInvisibles
        self.seq = seq
        self.variable = variable
        self.value = value?.escapingInvisibles
    }

    /// `file:line` (or whichever part is known), for one-line diagnostics.
    public var location: String {
        var parts: [String] = []
        if let file { parts.append(lines.map { "\(file) lines \($0)" } ?? line.map { "\(file):\($0)" } ?? file) }
        if let column { parts.append("column \(column)") }
        if let domain { parts.append(domain) }
        if let usubjid { parts.append(usubjid) }
        if let seq, let domain { parts.append("\(domain)SEQ=\(seq)") }
        if let variable, variable != column { parts.append(variable) }
        return parts.joined(separator: " ")
    }
}

/// Receives findings as they are made; the Core never prints.
public protocol FindingSink: AnyObject, Sendable {
    func report(_ finding: Finding)
}

/// A sink that keeps every finding, in the order reported.
public final class FindingCollector: FindingSink, @unchecked Sendable {
    // @unchecked Sendable: `storage` is only read or written while holding `lock`.
    private let lock = NSLock()
    private var storage: [Finding] = []

    public init() {}

    public func report(_ finding: Finding) {
        lock.lock(); defer { lock.unlock() }
        storage.append(finding)
    }

    public var findings: [Finding] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
