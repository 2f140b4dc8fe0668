/// The comments `define.xml` gives a dataset: the parts of a split dataset.
enum DefineComments {
    /// The comment of a dataset, or nil when it has none.
    static func note(for dataset: String, files: [String]) -> String? {
        guard files.count > 1 else { return nil }
        return "\(dataset) is split over \(files.count) files to keep each under the FDA's 5 GB: "
            + files.map { "xpt/\($0)" }.joined(separator: ", ") + "."
    }
}
