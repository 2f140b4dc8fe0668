/// A study's map from collected values to CDISC submission values, per codelist.
///
/// Loaded from `mappings/<study>/ct-map.yaml`: a dictionary of codelist short name (or a
/// study-specific list name such as `ARM`) to `collected value: submission value`.
public struct CTMap: Sendable, Hashable {
    public private(set) var lists: [String: [String: String]]
    private var normalized: [String: [String: String]]

    public init(_ lists: [String: [String: String]]) {
        self.lists = lists
        self.normalized = lists.mapValues { entries in
            var out: [String: String] = [:]
            for (k, v) in entries { out[CTMap.normalize(k)] = v }
            return out
        }
    }

    /// The submission value for `collected` in `list`: exact match first, then ignoring case
    /// and surrounding or repeated white space. Nil when the map does not cover it.
    public func submissionValue(for collected: String, in list: String) -> String? {
        if let exact = lists[list]?[collected] { return exact }
        return normalized[list]?[CTMap.normalize(collected)]
    }

    public func has(list: String) -> Bool { lists[list] != nil }

    /// This map over `base`: every list of both, an entry of this map replacing the same entry of `base`.
    public func over(_ base: CTMap) -> CTMap {
        CTMap(base.lists.merging(lists) { bundled, own in bundled.merging(own) { _, mine in mine } })
    }

    static func normalize(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ").uppercased()
    }
}
