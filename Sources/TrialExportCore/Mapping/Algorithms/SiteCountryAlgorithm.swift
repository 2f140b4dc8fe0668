/// `site_country`: COUNTRY of the subject's site from the study definition.
enum SiteCountryAlgorithm: MappingAlgorithm {
    static let name = "site_country"
    static let summary = "the country of the subject's site from the study definition"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { (v.variables ?? []).isEmpty ? "variables" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.siteCountry(variable)
    }
}

extension Algorithm {
    /// COUNTRY of the subject's site from the study definition.
    public static let siteCountry = Algorithm(registered: SiteCountryAlgorithm.self)
}
