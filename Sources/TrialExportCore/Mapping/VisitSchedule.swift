import Foundation

/// How the EDC's folder names become VISIT and VISITNUM: `mappings/<study>/visits.yaml`.
///
/// Each entry is a folder-name pattern with at most one `{n}` (a whole number): `Cycle {n} Day 1`
/// gives VISIT `CYCLE {n} DAY 1` and VISITNUM `base + n * step`.
public struct VisitSchedule: Codable, Hashable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var folder: String
        public var visit: String
        public var base: Double
        public var step: Double?

        public init(folder: String, visit: String, base: Double, step: Double? = nil) {
            self.folder = folder
            self.visit = visit
            self.base = base
            self.step = step
        }
    }

    public var visits: [Entry]
    private let cache = ResolvedVisits()

    public init(visits: [Entry]) { self.visits = visits }

    enum CodingKeys: String, CodingKey { case visits }

    public static func == (a: VisitSchedule, b: VisitSchedule) -> Bool { a.visits == b.visits }
    public func hash(into hasher: inout Hasher) { hasher.combine(visits) }

    /// VISIT and VISITNUM for a folder name, or nil when no pattern matches (memoised: a study has few folder names).
    public func resolve(_ folder: String) -> (visit: String, number: String)? {
        if let known = cache.lookup(folder) { return known.value }
        let value = resolveUncached(folder)
        cache.store(folder, value)
        return value
    }

    private func resolveUncached(_ folder: String) -> (visit: String, number: String)? {
        let text = folder.trimmingSpaces
        for entry in visits {
            guard let n = Self.match(text, pattern: entry.folder) else { continue }
            let number = entry.base + Double(n ?? 0) * (entry.step ?? 1)
            let visit = entry.visit.replacingOccurrences(of: "{n}", with: n.map(String.init) ?? "")
            return (visit, NumberText.canonical(number))
        }
        return nil
    }

    /// `.some(nil)` for a literal match, `.some(n)` when `{n}` matched the number n, nil otherwise.
    static func match(_ text: String, pattern: String) -> Int?? {
        guard let range = pattern.range(of: "{n}") else {
            return text.caseInsensitiveCompare(pattern) == .orderedSame ? .some(nil) : nil
        }
        let prefix = String(pattern[..<range.lowerBound]), suffix = String(pattern[range.upperBound...])
        guard text.count > prefix.count + suffix.count,
            text.lowercased().hasPrefix(prefix.lowercased()), text.lowercased().hasSuffix(suffix.lowercased())
        else { return nil }
        let middle = text.dropFirst(prefix.count).dropLast(suffix.count)
        guard let n = Int(middle), n >= 0 else { return nil }
        return .some(n)
    }
}

/// Folder names already resolved. @unchecked Sendable: every access holds `lock`.
final class ResolvedVisits: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (visit: String, number: String)?] = [:]

    func lookup(_ folder: String) -> (value: (visit: String, number: String)?, found: Bool)? {
        lock.lock(); defer { lock.unlock() }
        guard let entry = entries[folder] else { return nil }
        return (entry, true)
    }

    func store(_ folder: String, _ value: (visit: String, number: String)?) {
        lock.lock(); defer { lock.unlock() }
        entries[folder] = value
    }
}
