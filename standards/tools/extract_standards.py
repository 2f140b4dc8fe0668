#!/usr/bin/env python3
"""Extract the SDTMIG 3.4 metadata and CDISC CT this project bundles from the reference files.

Usage (from the repository root):
    python3 standards/tools/extract_standards.py /work/shared/reference

Writes standards/sdtmig-3.4.json and standards/ct/sdtm-ct-2025-03-28.json. Deterministic: the
same inputs give byte-identical outputs.
"""
import csv
import json
import os
import sys

# SDTMIG v3.4 implements the SDTM model v2.0 (SDTMIG v3.4, section 1.1); TS.SDTMVER.
SDTM_MODEL_VERSION = "2.0"

# Every dataset of the SDTMIG (Datasets.csv), in its order.

# Natural keys (SDTMIG / define.xml practice; checked against the KeySequence of the MSG v2.0
# sample define.xml where it has the dataset; there TS also keys TSVAL, TI also TIVERS and DS
# also DSSCAT, which this project does not need because TSSEQ / IETESTCD are already unique).
KEYS = {
    "DM": "STUDYID USUBJID",
    "EX": "STUDYID USUBJID EXTRT EXSTDTC",
    "AE": "STUDYID USUBJID AEDECOD AESTDTC",
    "DS": "STUDYID USUBJID DSCAT DSDECOD DSSTDTC",
    "IE": "STUDYID USUBJID IETESTCD",
    "TU": "STUDYID USUBJID TULNKID",
    "TR": "STUDYID USUBJID TRLNKID TRTESTCD VISITNUM",
    "RS": "STUDYID USUBJID RSCAT RSTESTCD VISITNUM RSDTC",
    "TS": "STUDYID TSPARMCD TSSEQ",
    "TA": "STUDYID ARMCD TAETORD",
    "TE": "STUDYID ETCD",
    "TI": "STUDYID IETESTCD",
    "SUPPQUAL": "STUDYID RDOMAIN USUBJID IDVAR IDVARVAL QNAM",
    # Special-purpose, trial design, relationship and study reference datasets.
    "SV": "STUDYID USUBJID VISITNUM",
    "SE": "STUDYID USUBJID ETCD SESTDTC",
    "SM": "STUDYID USUBJID MIDSTYPE MIDS",
    "CO": "STUDYID RDOMAIN USUBJID IDVAR IDVARVAL COSEQ",
    "TD": "STUDYID TDORDER",
    "TM": "STUDYID MIDSTYPE",
    "TV": "STUDYID VISITNUM ARMCD",
    "OI": "NHOID OISEQ",
    "RELREC": "STUDYID RDOMAIN USUBJID IDVAR IDVARVAL RELID",
    "RELSUB": "STUDYID USUBJID RSUBJID SREL",
    "RELSPEC": "STUDYID USUBJID REFID",
}

# Natural keys of the general observation classes, for datasets not listed in KEYS: the
# subject, the topic (--TESTCD / --TRT / --DECOD, FA and SR with --OBJ), the timing (VISITNUM,
# time point, date), each only where the dataset has the variable.
CLASS_KEYS = {
    "Interventions": ["STUDYID", "USUBJID", "--TRT", "--STDTC"],
    "Events": ["STUDYID", "USUBJID", "--DECOD", "--TERM", "--STDTC"],
    "Findings": ["STUDYID", "USUBJID", "--CAT", "--TESTCD", "--SPEC", "VISITNUM", "--TPTREF", "--TPTNUM", "--DTC"],
    "Findings About": ["STUDYID", "USUBJID", "--TESTCD", "--OBJ", "VISITNUM", "--TPTNUM", "--DTC"],
}


def natural_keys(name, cls, variables):
    """The dataset's natural keys: KEYS when listed, else those of its class."""
    if name in KEYS:
        return KEYS[name].split()
    names = {v["name"] for v in variables}
    keys = [k.replace("--", name) for k in CLASS_KEYS[cls]]
    keys = [k for k in keys if k in names]
    # Events keep --TERM only where there is no --DECOD.
    if name + "DECOD" in keys and name + "TERM" in keys:
        keys.remove(name + "TERM")
    return keys

# Codelists needed beyond those the variables reference (TS values, DM, EX, RECIST, DS ...).
EXTRA_CODELISTS = [
    "TSPARMCD", "TSPARM", "TPHASE", "STYPE", "TTYPE", "TBLIND", "TCNTRL", "INTMODEL", "INTTYPE",
    "SEXPOP", "NY", "AGEU", "UNIT", "TINDTP", "ARMNULRS", "EPOCH", "NCOMPLT", "PROTMLST",
    "OTHEVENT", "ONCRSR", "ONCRTSCD", "ONCRTS", "ONCRSCAT", "TUTESTCD", "TUTEST", "TRTESTCD",
    "TRTEST", "TRPROPRS", "TUIDRS", "LOC", "LAT", "DIR", "PORTOT", "METHOD", "FRM", "FREQ",
    "ROUTE", "ACN", "OUT", "AESEV", "SEX", "RACE", "ETHNIC", "IECAT", "DSCAT", "DSSCAT", "DOMAIN",
    "DICTNAM", "EVAL", "MEDEVAL", "ND", "STENRF", "SIZE", "RELTYPE", "CCCAT",
    # ECOG performance status as a clinical classification in RS (value-level codelists).
    "ECOG1TC", "ECOG1TN", "ECOG101OR", "ECOG101STR",
]


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def codes_of(cell):
    return [c.strip() for c in cell.split(";") if c.strip()]


# Values the SDTMIG itself prescribes for a variable although its codelist does not hold them:
# the DM assumptions of SDTMIG 3.4: a subject of several races has RACE = MULTIPLE (C74457 RACE,
# non-extensible, has no MULTIPLE term). Written as "igValues" beside the variable's codelist.
IG_VALUES = {("DM", "RACE"): ["MULTIPLE"]}


def dataset_metadata(ig_dir):
    datasets = {r["Dataset Name"]: r for r in read_csv(os.path.join(ig_dir, "Datasets.csv"))}
    rows = read_csv(os.path.join(ig_dir, "Variables.csv"))
    out = []
    for name, info in datasets.items():
        variables = []
        for r in sorted((r for r in rows if r["Dataset Name"] == name), key=lambda r: int(r["Variable Order"])):
            codes = codes_of(r["CDISC CT Codelist Code(s)"])
            var = {
                "dataset": name, "order": int(r["Variable Order"]), "name": r["Variable Name"],
                "label": r["Variable Label"], "type": r["Type"], "core": r["Core"], "role": r["Role"],
            }
            if codes:
                var["codelist"] = codes[0]
            if len(codes) > 1:
                var["codelists"] = codes
            if (name, r["Variable Name"]) in IG_VALUES:
                var["igValues"] = IG_VALUES[(name, r["Variable Name"])]
            variables.append(var)
        keys = natural_keys(name, info["Class"], variables)
        assert keys and all(any(v["name"] == k for v in variables) for k in keys), name
        out.append({
            "name": name, "label": info["Dataset Label"], "class": info["Class"],
            "structure": info["Structure"], "keys": keys, "variables": variables,
        })
    return out


def terminology(ct_path, wanted_codes, wanted_names):
    lists, terms = {}, {}
    with open(ct_path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if not r["Codelist Code"]:
                lists[r["Code"]] = r
            else:
                terms.setdefault(r["Codelist Code"], []).append(r)
    by_name = {r["CDISC Submission Value"]: code for code, r in lists.items()}
    missing = [n for n in wanted_names if n not in by_name]
    assert not missing, missing
    # Every codelist of the release: any domain of a study may need any of them.
    chosen = set(lists) | {by_name[n] for n in wanted_names}
    # Codelists the SDTMIG names that this CT release does not hold (retired or not SDTM CT).
    absent = sorted(set(wanted_codes) - set(lists))
    if absent:
        print("codelists named by the SDTMIG but not in this CT release:", " ".join(absent))
    out = []
    for code in sorted(chosen, key=lambda c: lists[c]["CDISC Submission Value"]):
        head = lists[code]
        members = terms.get(code, [])
        out.append({
            "code": code, "name": head["CDISC Submission Value"], "label": head["Codelist Name"],
            "extensible": head["Codelist Extensible (Yes/No)"] == "Yes",
            "terms": [t["CDISC Submission Value"] for t in members],
            "termCodes": [t["Code"] for t in members],
        })
    return out


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=1, ensure_ascii=False)
        f.write("\n")


def main():
    ref = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    datasets = dataset_metadata(os.path.join(ref, "sdtmig-3.4"))
    write_json(os.path.join(root, "sdtmig-3.4.json"), {"version": "3.4", "modelVersion": SDTM_MODEL_VERSION, "datasets": datasets})
    used = {c for d in datasets for v in d["variables"] for c in v.get("codelists", [v.get("codelist")]) if c}
    selected = [r["Code"] for r in read_csv(os.path.join(ref, "ct", "sdtm_ct_2025-03-28_selected_codelists.csv"))
                if not r["Codelist Code"]]
    codelists = terminology(os.path.join(ref, "ct", "sdtm-terminology-2025-03-28.txt"),
                            used | set(selected), EXTRA_CODELISTS)
    write_json(os.path.join(root, "ct", "sdtm-ct-2025-03-28.json"), {"version": "2025-03-28", "codelists": codelists})
    print(f"{len(datasets)} datasets, {len(codelists)} codelists, {sum(len(c['terms']) for c in codelists)} terms")


if __name__ == "__main__":
    main()
