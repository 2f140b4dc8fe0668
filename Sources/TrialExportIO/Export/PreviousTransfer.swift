import Foundation
import TrialExportCore

/// What changed since the previous transfer: the diff of each dataset against the previous
/// export's `csv/*.csv`, as a "Changes" sheet and as marks on new and changed rows.
struct PreviousTransfer {
    /// Per dataset, the row positions (in the new dataset) that are new or changed.
    var marks: [String: [Int: RowMark]] = [:]
    var changes: SheetTable
    /// The previous export's data cut-off (its TS.DCUTDTC), when it has one.
    var previousCutoff: String?

    /// Compares `datasets` with the export in `folder` (or its `csv/` subfolder).
    static func compare(_ datasets: [Dataset], previous folder: URL, metadata: StandardMetadata) throws -> PreviousTransfer {
        let comparer = try Comparer(previous: folder, metadata: metadata)
        _ = try comparer.compare(datasets)
        return comparer.result()
    }

    /// Compares datasets with the previous export group by group (a dataset with its SUPP--), as
    /// they are mapped, so their sheets can be written with their marks straight away.
    ///
    /// @unchecked Sendable: the export calls ``compare(_:)`` only from ``ExportPipeline``'s in-order
    /// hand-over, which holds its lock around each call, so calls never overlap; ``result()`` is
    /// called after mapping has returned. No other method touches the mutable state.
    final class Comparer: @unchecked Sendable {
        private let files: [String: String]
        private let metadata: StandardMetadata
        private var marks: [String: [Int: RowMark]] = [:]
        private var sheet = ChangesSheet()
        private var current = Set<String>()

        init(previous folder: URL, metadata: StandardMetadata) throws {
            files = try ExportFolderCheck.datasetFiles(of: folder.path, role: "--previous", metadata: metadata)
            self.metadata = metadata
        }

        /// Compares a group of datasets; returns their row marks. A SUPP-- dataset's parent must be in the group.
        func compare(_ datasets: [Dataset]) throws -> [String: [Int: RowMark]] {
            var groupMarks: [String: [Int: RowMark]] = [:]
            var versions: [String: Versions] = [:]  // the group's tables, so a SUPP-- reuses its parent's
            for dataset in datasets {
                current.insert(dataset.name.lowercased())
                if let datasetMarks = try compare(dataset, among: datasets, versions: &versions) {
                    groupMarks[dataset.name] = datasetMarks
                }
            }
            marks.merge(groupMarks) { a, _ in a }
            return groupMarks
        }

        /// A dataset as the previous export has it and as it is now.
        private typealias Versions = (old: RawTable, new: RawTable)

        private func compare(_ dataset: Dataset, among datasets: [Dataset], versions: inout [String: Versions]) throws
            -> [Int: RowMark]?
        {
            let name = dataset.name
            let new = RawTable(dataset: dataset)
            guard let path = files[name.lowercased()] ?? files[name] else {
                sheet.addDataset(name, records: dataset.rows.count)
                return Dictionary(uniqueKeysWithValues: dataset.rows.indices.map { ($0, .added) })
            }
            var old = try DiffTableLoader.load(path, name: name)
            versions[name] = (old, new)
            var current = new
            // SUPP-- records are matched through their parent's natural key, not its --SEQ.
            let parentName = String(name.dropFirst(4))
            if name.hasPrefix("SUPP"), let parent = datasets.first(where: { $0.name == parentName }),
                let oldParentPath = files[parentName]
            {
                let keys = metadata.dataset(parentName)?.keys ?? []
                let parents =
                    try versions[parentName]
                    ?? (DiffTableLoader.load(oldParentPath, name: parentName), RawTable(dataset: parent))
                old = SupplementalKeys.rekey(old, parent: parents.old, parentKeys: keys)
                current = SupplementalKeys.rekey(new, parent: parents.new, parentKeys: keys)
            }
            let diff = DatasetDiff.compare(old: old, new: current, metadata: metadata.dataset(name))
            var datasetMarks: [Int: RowMark] = [:]
            for record in diff.added { datasetMarks[record.line - 2] = .added }
            for change in diff.changed {
                var previous: [Int: String] = [:]
                for value in change.changes { if let column = dataset.index(of: value.variable) { previous[column] = value.old } }
                datasetMarks[change.newLine - 2] = .changed(previous: previous)
            }
            sheet.add(diff, dataset: name)
            return datasetMarks.isEmpty ? nil : datasetMarks
        }

        /// The marks of every dataset compared and the Changes sheet, with the datasets no longer exported.
        func result() -> PreviousTransfer {
            var sheet = self.sheet
            for name in files.keys.sorted() where !current.contains(name.lowercased()) { sheet.removeDataset(name.uppercased()) }
            let cutoff = try? previousCutoff()
            return PreviousTransfer(marks: marks, changes: sheet.table(previousCutoff: cutoff), previousCutoff: cutoff)
        }

        /// TS.DCUTDTC of the previous export.
        private func previousCutoff() throws -> String? {
            guard let path = files["TS"] ?? files["ts"] else { return nil }
            let ts = try DiffTableLoader.load(path, name: "TS")
            guard let parameter = ts.columnIndex["TSPARMCD"], let value = ts.columnIndex["TSVAL"] else { return nil }
            return (0..<ts.rowCount).first { ts.value($0, parameter) == "DCUTDTC" }.map { ts.value($0, value) }
        }
    }
}
