/// The differences between two exports: datasets only one side has and each shared dataset's diff.
public struct ExportDiff: Sendable, Equatable {
    /// A dataset present in one export only, with its record count.
    public struct DatasetPresence: Sendable, Equatable {
        public var name: String
        public var records: Int

        public init(name: String, records: Int) {
            self.name = name
            self.records = records
        }
    }

    /// The old export (folder or file) as the user named it.
    public var old: String
    /// The new export (folder or file) as the user named it.
    public var new: String
    /// Datasets only the new export has, sorted by name.
    public private(set) var datasetsAdded: [DatasetPresence] = []
    /// Datasets only the old export has, sorted by name.
    public private(set) var datasetsRemoved: [DatasetPresence] = []
    /// Datasets both exports have, sorted by name.
    public private(set) var datasets: [DatasetDiff] = []

    public init(
        old: String, new: String, datasetsAdded: [DatasetPresence] = [], datasetsRemoved: [DatasetPresence] = [],
        datasets: [DatasetDiff] = []
    ) {
        self.old = old
        self.new = new
        self.datasetsAdded = datasetsAdded.sorted { $0.name < $1.name }
        self.datasetsRemoved = datasetsRemoved.sorted { $0.name < $1.name }
        self.datasets = datasets.sorted { $0.name < $1.name }
    }

    /// True when both exports hold the same datasets and each is identical.
    public var isIdentical: Bool {
        datasetsAdded.isEmpty && datasetsRemoved.isEmpty && datasets.allSatisfy(\.isIdentical)
    }

    /// Shared datasets that differ.
    public var differing: [DatasetDiff] { datasets.filter { !$0.isIdentical } }
}
