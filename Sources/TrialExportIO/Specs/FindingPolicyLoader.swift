import Foundation
import TrialExportCore

/// Reads `finding-policy.yaml`: a list of rules under `policy:`. Errors name the file, line and column.
enum FindingPolicyLoader {
    private struct File: Codable {
        var policy: [FindingPolicy.Rule]
    }

    /// The policy at `path`, or an empty one when the file does not exist.
    static func load(_ path: String) throws -> FindingPolicy {
        guard FileManager.default.fileExists(atPath: path) else { return FindingPolicy() }
        let (file, document) = try SpecFile.load(File.self, from: path)
        for (i, rule) in file.policy.enumerated() {
            let at: [SpecDocument.Step] = [.key("policy"), .index(i)]
            if !Self.isCode(rule.code) {
                throw document.error(at: at + [.key("code")], detail: "\"\(rule.code)\" is not a finding code such as CHK0012")
            }
            if rule.reason.trimmingCharacters(in: .whitespaces).isEmpty {
                throw document.error(
                    at: at + [.key("reason")], detail: "a rule needs its reason: who reviewed the finding, when, and why")
            }
            if let records = rule.records {
                if records.isEmpty {
                    throw document.error(
                        at: at + [.key("records")],
                        detail: "an empty list applies to nothing; leave `records` out for every record")
                }
                if let empty = records.firstIndex(where: \.isEmpty) {
                    throw document.error(
                        at: at + [.key("records"), .index(empty)],
                        detail: "give at least one of usubjid, domain, seq, variable, file, line, value")
                }
            }
        }
        return FindingPolicy(rules: file.policy)
    }

    /// Three upper-case letters and four digits.
    static func isCode(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 7 && bytes.prefix(3).allSatisfy { (65...90).contains($0) }
            && bytes.suffix(4).allSatisfy { (48...57).contains($0) }
    }
}
