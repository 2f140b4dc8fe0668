/// TA (one row per arm and element, in planned order) and TE (one row per element).
extension TrialDesignBuilder {
    func trialArms() -> DesignTable? {
        guard var table = table("TA") else { return nil }
        for arm in study.arms {
            for (index, code) in arm.elements.enumerated() {
                let element = study.elements.first { $0.code == code }
                let next =
                    arm.elements.indices.contains(index + 1)
                    ? study.elements.first { $0.code == arm.elements[index + 1] } : nil
                table.append([
                    "ARMCD": arm.code, "ARM": arm.name, "TAETORD": String(index + 1), "ETCD": code,
                    "ELEMENT": element?.name ?? "", "TABRANCH": next?.branch ?? "", "TATRANS": "",
                    "EPOCH": element?.epoch ?? "",
                ])
            }
        }
        return table
    }

    func trialElements() -> DesignTable? {
        guard var table = table("TE") else { return nil }
        for element in study.elements {
            checkTerm(element.epoch, codelist: "EPOCH", domain: "TA", variable: "EPOCH")
            table.append([
                "ETCD": element.code, "ELEMENT": element.name, "TESTRL": element.startRule,
                "TEENRL": element.endRule ?? "", "TEDUR": element.duration ?? "",
            ])
        }
        return table
    }
}
