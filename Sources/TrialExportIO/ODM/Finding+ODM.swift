import TrialExportCore

/// Findings of the ODM-XML loader (ODM0001-ODM0019); each names the ODM file, the XML line and the
/// ODM location (SubjectKey, StudyEventOID and repeat key, FormOID, ItemGroupOID, ItemOID).
extension Finding {
    static func odmUnknownItem(file: String, line: Int, at location: ODMLocation, value: String) -> Finding {
        Finding(
            severity: .warning, code: "ODM0001",
            message: "\(location.description): item is not defined for this form in the metadata; its value was not loaded",
            hint:
                "Add the ItemRef to the form's ItemGroupDef in the ODM metadata (or re-export with metadata), if the value is needed.",
            file: file, line: line, column: location.itemOID, value: value)
    }

    static func odmUnknownForm(file: String, line: Int, at location: ODMLocation, instances: Int) -> Finding {
        Finding(
            severity: .error, code: "ODM0002",
            message: "\(location.description): form has no FormDef in the metadata; its \(instances) FormData were not loaded",
            hint: "Export the ODM file with its MetaDataVersion (FormDef, ItemGroupDef, ItemDef) for this form.",
            file: file, line: line, column: location.formOID)
    }

    static func odmInferredForm(file: String, line: Int, formOID: String, items: Int) -> Finding {
        Finding(
            severity: .warning, code: "ODM0013",
            message: "FormOID \(formOID) has no FormDef in the file's metadata: loaded from its data, its \(items)"
                + " ItemOIDs as columns in the order first met, its values not checked against ItemDefs",
            hint: "Export the ODM file with its MetaDataVersion (FormDef, ItemGroupDef, ItemDef), or name the"
                + " columns in the specs by ItemOID.",
            file: file, line: line > 0 ? line : nil, column: formOID)
    }

    static func odmRemovedRecord(file: String, line: Int, at location: ODMLocation, transaction: String) -> Finding {
        Finding(
            severity: .note, code: "ODM0003",
            message: "\(location.description): TransactionType \(transaction): the record was not loaded"
                + " (counted as rejected in the reconciliation)",
            hint: "Nothing to do if the removal in the EDC is intended.", file: file, line: line)
    }

    static func odmRemovedValue(file: String, line: Int, at location: ODMLocation, transaction: String, value: String) -> Finding
    {
        Finding(
            severity: .note, code: "ODM0004",
            message: "\(location.description): TransactionType \(transaction): the item's value was removed (null)",
            hint: "Nothing to do if the removal in the EDC is intended.", file: file, line: line,
            column: location.itemOID, value: value)
    }

    static func odmSkipped(file: String, what: String, count: Int, firstLine: Int) -> Finding {
        Finding(
            severity: .note, code: "ODM0005",
            message:
                "\(count) \(what) skipped (first on line \(firstLine)); they are not part of the clinical data the specs map",
            hint: "Nothing to do; audit trails, signatures and annotations stay in the ODM file.", file: file, line: firstLine)
    }

    static func odmBinaryItem(file: String, line: Int, at location: ODMLocation, bytes: Int) -> Finding {
        Finding(
            severity: .warning, code: "ODM0006",
            message: "\(location.description): binary item (ItemDataBase64Binary, \(bytes) characters) skipped; it is not loaded",
            hint: "Binary items (images, files) cannot be mapped to SDTM; keep them with the source data if needed.",
            file: file, line: line, column: location.itemOID)
    }

    static func odmDataType(file: String, line: Int, at location: ODMLocation, value: String, dataType: String) -> Finding {
        Finding(
            severity: .warning, code: "ODM0007",
            message: "\(location.description): value does not fit the ItemDef's DataType \(dataType); loaded as given",
            hint: "Correct the value in the EDC, or the ItemDef's DataType if the value is right.",
            file: file, line: line, column: location.itemOID, value: value)
    }

    static func odmLength(file: String, line: Int, at location: ODMLocation, value: String, length: Int) -> Finding {
        Finding(
            severity: .warning, code: "ODM0008",
            message:
                "\(location.description): value has \(value.count) characters, the ItemDef's Length is \(length); loaded as given",
            hint: "Correct the value in the EDC, or the ItemDef's Length.",
            file: file, line: line, column: location.itemOID, value: value)
    }

    static func odmNotInCodeList(file: String, line: Int, at location: ODMLocation, value: String, codeList: String) -> Finding {
        Finding(
            severity: .warning, code: "ODM0009",
            message: "\(location.description): value is not a coded value of CodeList \(codeList); loaded as given",
            hint: "Correct the value in the EDC, or add it to the code list.",
            file: file, line: line, column: location.itemOID, value: value)
    }

    static func odmRepeatedItem(file: String, line: Int, at location: ODMLocation, value: String, firstLine: Int) -> Finding {
        Finding(
            severity: .warning, code: "ODM0010",
            message: "\(location.description): item given again in the same record (first on line \(firstLine));"
                + " this later value was not loaded",
            hint: "Give the item once per form instance, or give repeating groups an ItemGroupRepeatKey.",
            file: file, line: line, column: location.itemOID, value: value)
    }

    static func odmSharedFormName(file: String, line: Int, formOID: String, name: String, holder: String) -> Finding {
        Finding(
            severity: .warning, code: "ODM0012",
            message: "FormOID \(formOID) has the FormDef Name \"\(name)\" of FormOID \(holder); its records are the form"
                + " \"\(formOID)\" (named by its OID), not merged into \"\(name)\"",
            hint: "Name the form in the specs by its FormOID (form: \(formOID)), or give the FormDefs distinct Names.",
            file: file, line: line > 0 ? line : nil, column: formOID, value: name)
    }

    static func odmNormalizedValue(
        file: String, line: Int, at location: ODMLocation, value: String, read: String
    ) -> Finding {
        Finding(
            severity: .note, code: "ODM0011",
            message: "\(location.description): the Value attribute holds a line break or tab written as such, which"
                + " an XML parser reads as a space (\"\(read)\"); kept as written, as the EDC's CSV export of the"
                + " same data holds it",
            hint: "Nothing to do if the line break is meant. An EDC that writes line breaks in attribute values as"
                + " &#10; (tabs as &#9;) gives files every XML tool reads the same way.",
            file: file, line: line, column: location.itemOID, value: value)
    }

    static func odmREDCapFlat(
        file: String, form: String, rows: Int, fields: Int, instruments: Int, columns: [String]
    ) -> Finding {
        Finding(
            severity: .note, code: "ODM0014",
            message: "form \"\(form)\" is not an instrument of this REDCap file: it is read as REDCap's flat CSV export"
                + " lays the records out, \(rows) rows (one per record, event and repeat instance) of the \(fields)"
                + " columns of all \(instruments) instruments, led by \(columns.joined(separator: ", "))",
            hint: "Nothing to do when the specs were written for REDCap's flat CSV export. If \"\(form)\" was meant to"
                + " be one instrument, name it as the FormDef's Name, redcap:FormName or FormOID.",
            file: file, column: form)
    }

    static func odmREDCapConflict(
        file: String, line: Int, form: String, column: String, kept: String, value: String, subject: String
    ) -> Finding {
        Finding(
            severity: .warning, code: "ODM0015",
            message: "record \(subject): two instruments give \(column) of the same row of \"\(form)\" (REDCap's flat"
                + " layout) different values; the first, \"\(kept)\", was kept and this one was not loaded",
            hint: "Correct the value in REDCap, or map the instruments by their own names instead of the flat layout.",
            file: file, line: line, column: column, value: value)
    }

    static func odmREDCapDatetime(file: String, line: Int, form: String, column: String, count: Int, value: String, read: String)
        -> Finding
    {
        Finding(
            severity: .note, code: "ODM0016",
            message: "\(count) value(s) of \(column) in \"\(form)\": REDCap's ODM export writes a datetime field's value"
                + " with a T (\"\(value)\") where its CSV exports and its own records have a space; read with the"
                + " space (\"\(read)\"), as the CSV export of the same data holds it; the line is that of the first"
                + " record holding such a value (its ItemGroupData)",
            hint: "Nothing to do: the date and time are unchanged. Map the column with the date format of REDCap's CSV"
                + " export (yyyy-MM-dd HH:mm).",
            file: file, line: line, column: column, value: value)
    }

    static func odmSubjectColumn(file: String, line: Int?, form: String, column: String, value: String?) -> Finding {
        Finding(
            severity: .note, code: "ODM0017",
            message: "form \"\(form)\" has no item \(column), the subject column the specs read it by: the subject is"
                + " read from the ODM SubjectKey of each record, under that name"
                + (value.map { " (the first record's: \"\($0)\")" } ?? ""),
            hint: "Nothing to do when the EDC's CSV export gives the same identifier as \(column). If the SubjectKey is"
                + " another id (a vendor's internal key), name the subject item in subjectColumn.",
            file: file, line: line, column: column, value: value)
    }

    static func odmLineEndsRead(file: String, line: Int, at location: ODMLocation, value: String) -> Finding {
        Finding(
            severity: .note, code: "ODM0018",
            message: "\(location.description): the value holds line breaks and the file holds carriage returns; an XML"
                + " parser reads a line break written CR LF (or CR) in element text as LF, so it is loaded with LF"
                + " where the file, and the EDC's CSV export, may hold CR LF",
            hint: "Nothing to do unless the CR matters. An EDC that writes a carriage return in text as &#13; gives"
                + " files every XML tool reads the same way.",
            file: file, line: line, column: location.itemOID, value: value)
    }
}
