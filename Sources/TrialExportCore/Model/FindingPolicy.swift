/// A study's decisions about findings it has reviewed (`mappings/<study>/finding-policy.yaml`):
/// waive a finding code or change its severity, for the whole study or for listed records, always
/// with a reason. Applied findings keep their text and location and say what was decided and why.
public struct FindingPolicy: Codable, Hashable, Sendable {
    public var rules: [Rule]

    public init(rules: [Rule] = []) { self.rules = rules }

    /// One decision about a finding code.
    public struct Rule: Codable, Hashable, Sendable {
        /// The finding code, e.g. `CHK0012`.
        public var code: String
        /// `waive`, or a severity (`error`, `warning`, `note`).
        public var action: Action
        /// Why: who reviewed it, when, where it is documented. Shown with every finding it applies to.
        public var reason: String
        /// Only findings matching one of these (all given fields equal); none: every finding of the code.
        public var records: [Match]?

        public init(code: String, action: Action, reason: String, records: [Match]? = nil) {
            self.code = code
            self.action = action
            self.reason = reason
            self.records = records
        }
    }

    public enum Action: String, Codable, Hashable, Sendable, CaseIterable {
        case waive, error, warning, note
    }

    /// Fields a finding must have, each compared exactly.
    public struct Match: Codable, Hashable, Sendable {
        public var usubjid: String?
        public var domain: String?
        public var seq: Int?
        public var variable: String?
        public var file: String?
        public var line: Int?
        public var value: String?

        public init(
            usubjid: String? = nil, domain: String? = nil, seq: Int? = nil, variable: String? = nil, file: String? = nil,
            line: Int? = nil, value: String? = nil
        ) {
            self.usubjid = usubjid
            self.domain = domain
            self.seq = seq
            self.variable = variable
            self.file = file
            self.line = line
            self.value = value
        }

        /// True when every field given equals the finding's.
        func matches(_ finding: Finding) -> Bool {
            (usubjid == nil || usubjid == finding.usubjid) && (domain == nil || domain == finding.domain)
                && (seq == nil || seq == finding.seq) && (variable == nil || variable == finding.variable)
                && (file == nil || file == finding.file) && (line == nil || line == finding.line)
                && (value == nil || value == finding.value)
        }

        /// True when no field is given (matches everything: not allowed in a list).
        public var isEmpty: Bool {
            usubjid == nil && domain == nil && seq == nil && variable == nil && file == nil && line == nil && value == nil
        }
    }

    /// `findings` with the policy applied (the first rule matching a finding wins), plus a POL0001
    /// warning for each rule that matched nothing, so stale decisions do not linger unseen.
    /// `source` names the policy file in those warnings.
    public func apply(_ findings: [Finding], source: String) -> [Finding] {
        guard !rules.isEmpty else { return findings }
        let byCode = Dictionary(grouping: rules.indices, by: { rules[$0].code })
        var used = Set<Int>()
        var out = findings.map { finding -> Finding in
            guard let candidates = byCode[finding.code],
                let index = candidates.first(where: { i in rules[i].records?.contains { $0.matches(finding) } ?? true })
            else { return finding }
            used.insert(index)
            return Self.applying(rules[index], to: finding)
        }
        for (index, rule) in rules.enumerated() where !used.contains(index) {
            out.append(.unusedPolicyRule(file: source, index: index, code: rule.code))
        }
        return out
    }

    static func applying(_ rule: Rule, to finding: Finding) -> Finding {
        var changed = finding
        switch rule.action {
        case .waive:
            changed.severity = .waived
            changed.policy = "waived (was \(finding.severity.rawValue)): \(rule.reason)"
        case .error, .warning, .note:
            let severity = Severity(rawValue: rule.action.rawValue)!
            guard severity != finding.severity else {
                changed.policy = "kept \(severity.rawValue): \(rule.reason)"
                return changed
            }
            changed.severity = severity
            changed.policy = "\(finding.severity.rawValue) changed to \(severity.rawValue): \(rule.reason)"
        }
        return changed
    }
}

extension Finding {
    /// POL0001: a rule of the finding policy that applies to no finding of this run.
    static func unusedPolicyRule(file: String, index: Int, code: String) -> Finding {
        Finding(
            severity: .warning, code: "POL0001",
            message: "rule \(index + 1) of the finding policy (\(code)) applies to no finding of this export",
            hint: "the issue it covered may be fixed, or the records it lists changed; remove or update the rule",
            file: file)
    }
}
