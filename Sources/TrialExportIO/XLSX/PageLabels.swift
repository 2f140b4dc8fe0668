/// What every printed page of the workbook says: study and sheet at the top, cut-off and page number at the bottom.
public struct PageLabels: Sendable, Hashable {
    public var studyId: String
    public var cutoff: String

    public init(studyId: String = "", cutoff: String = "") {
        self.studyId = studyId
        self.cutoff = cutoff
    }

    /// `&L` the study, `&C` the sheet's name, `&R` the data cut-off (Excel header codes).
    var header: String { "&LStudy \(Self.escaped(studyId))&C&A&RData cut-off: \(Self.escaped(cutoff))" }

    /// `&L` the tool, `&C` "Page n of m".
    var footer: String { "&Ltrialexport&CPage &P of &N" }

    /// A literal `&` is written `&&` in header and footer texts.
    static func escaped(_ text: String) -> String { text.replacingOccurrences(of: "&", with: "&&") }
}
