import TrialExportCore

/// Loads a study's CT map (`mappings/<study>/ct-map.yaml`): `LIST: {collected: submission}`.
public enum CTMapLoader {
    public static func load(_ path: String) throws -> CTMap {
        let (lists, document) = try SpecFile.load([String: [String: String]].self, from: path)
        for name in lists.keys.sorted() {
            for collected in lists[name]!.keys.sorted() where lists[name]![collected]!.isEmpty {
                throw document.error(
                    at: [.key(name), .key(collected)],
                    detail: "empty submission value; give the CDISC submission value for \"\(collected)\"")
            }
        }
        return CTMap(lists)
    }
}
