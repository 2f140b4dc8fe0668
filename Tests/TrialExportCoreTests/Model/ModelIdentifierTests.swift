import Testing

@testable import TrialExportCore

/// SDTM model identifier variables (--LNKID, SPDEVID, ...) that a domain's SDTMIG table may lack.
struct ModelIdentifierTests {
    static func variable(_ order: Int, _ name: String) -> VariableMetadata {
        VariableMetadata(dataset: "AE", order: order, name: name, label: name, type: .char, core: .req)
    }

    static let ae = DatasetMetadata(
        name: "AE", label: "Adverse Events", structure: "One record per adverse event per subject",
        keys: ["STUDYID", "USUBJID", "AEDECOD", "AESTDTC"],
        variables: ["STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AESPID", "AETERM", "AESTDTC"].enumerated().map {
            variable($0.offset + 1, $0.element)
        })

    @Test func identifiersOfTheDomainAreRecognisedOthersNot() {
        #expect(Self.ae.isModelIdentifierVariable("AELNKID") && Self.ae.isModelIdentifierVariable("SPDEVID"))
        #expect(Self.ae.isModelIdentifierVariable("AELNKGRP") && Self.ae.isModelIdentifierVariable("POOLID"))
        #expect(!Self.ae.isModelIdentifierVariable("DSLNKID"), "another domain's prefix")
        #expect(!Self.ae.isModelIdentifierVariable("AEFOO"))
    }

    @Test func addedIdentifiersTakeTheirModelPlaceAmongTheIdentifiers() {
        let meta = Self.ae.addingIdentifierVariables(["AELNKID", "SPDEVID", "AETERM"])
        #expect(
            meta.variables.map(\.name) == [
                "STUDYID", "DOMAIN", "USUBJID", "SPDEVID", "AESEQ", "AESPID", "AELNKID", "AETERM", "AESTDTC",
            ])
        #expect(meta.variables.map(\.order) == Array(1...9))
        let link = meta.variable("AELNKID")
        #expect(link?.label == "Link ID" && link?.core == .perm && link?.type == .char)
    }

    @Test func nothingNamedNothingAdded() {
        #expect(Self.ae.addingIdentifierVariables(["AETERM"]) == Self.ae)
    }
}
