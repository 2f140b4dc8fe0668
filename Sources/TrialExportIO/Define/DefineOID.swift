/// The OIDs that tie `define.xml`, the Dataset-JSON files and the XPT files together.
public enum DefineOID {
    public static func study(_ studyId: String) -> String { "STUDY.\(studyId)" }
    public static func metaDataVersion(_ studyId: String) -> String { "MDV.\(studyId).SDTMIG.3.4" }
    public static func itemGroup(_ dataset: String) -> String { "IG.\(dataset)" }
    public static func item(_ dataset: String, _ variable: String) -> String { "IT.\(dataset).\(variable)" }
}
