import Foundation

/// Where the bundled study, standards and example data live, found from the working folder
/// or from the executable's location, so the tool runs from the repository or an installed copy.
public struct ProjectLayout: Sendable {
    public let root: URL

    public static let exampleStudy = "NCT05549466"

    public init(root: URL) { self.root = root }

    /// The first folder holding `standards/` and `mappings/`: the working folder and its
    /// parents first, then the executable's folder and its parents.
    public static func locate(
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = CommandLine.arguments.first ?? ""
    ) -> ProjectLayout? {
        let starts = [
            URL(fileURLWithPath: workingDirectory),
            URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent(),
        ]
        for start in starts {
            var url = start.standardizedFileURL
            while true {
                if isRoot(url) { return ProjectLayout(root: url) }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        return nil
    }

    private static func isRoot(_ url: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: url.appendingPathComponent("standards/sdtmig-3.4.json").path)
            && fm.fileExists(atPath: url.appendingPathComponent("mappings").path)
    }

    public var standards: URL { root.appendingPathComponent("standards") }
    public var templates: URL { root.appendingPathComponent("templates") }
    public func study(_ id: String = exampleStudy) -> URL { root.appendingPathComponent("mappings/\(id)") }
    public func exampleRawData(_ id: String = exampleStudy) -> URL { root.appendingPathComponent("examples/\(id)/edc") }
    public func output(_ id: String = exampleStudy) -> URL { root.appendingPathComponent("output/\(id)") }
}
