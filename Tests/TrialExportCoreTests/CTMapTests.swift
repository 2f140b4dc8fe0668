import Testing

@testable import TrialExportCore

struct CTMapTests {
    let map = CTMap(["SEX": ["Male": "M", "Female": "F"], "ARMCD": ["Arm A:  Apatinib + Camrelizumab": "APA+CAM"]])

    @Test(arguments: [
        ("Male", "M"), ("male", "M"), (" MALE ", "M"), ("Female", "F"),
        ("Arm A: Apatinib + Camrelizumab", "APA+CAM"),
    ])
    func mapsCollectedValuesIgnoringCaseAndSpacing(collected: String, submission: String) {
        let list = submission == "APA+CAM" ? "ARMCD" : "SEX"
        #expect(map.submissionValue(for: collected, in: list) == submission)
    }

    @Test func unknownValueOrListIsNil() {
        #expect(map.submissionValue(for: "Mle", in: "SEX") == nil)
        #expect(map.submissionValue(for: "Male", in: "RACE") == nil)
    }
}
