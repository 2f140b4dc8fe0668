#!/usr/bin/env python3
"""Write raw EDC forms, as a Medidata Rave-like EDC would export them, from the published SDTM of
the CDISC pilot study CDISCPILOT01 (../shared/reference/examples/msg-v2-submission).

    python3 scripts/pilot-roundtrip/make_raw.py OUT_DIR [--sdtm DIR]

The forms hold what a CRF collects, in the CRF's wording, never SDTM shapes: `Male`/`Female`,
`Moderate`, `Yes`/`No`, race as checkbox columns race___1..5, dates as MM/DD/YYYY or
DD-MON-YYYY, the subject as the EDC's subject number (001, without the study's CDISC prefix)
with a SiteNumber column, one EX row per administration, one disposition form per event, a
two-row header (dm) and timestamped file names (ae, ex). Nothing derived is written: no --SEQ,
--DY, EPOCH, RF-- dates, ARM names or ACTARMCD; the randomization is an IRT code (1, 2, 3).
AGE is kept because the birth date is only a year.

Nothing of the published data is stored in the project: this script reads it at run time.
"""
import os
import sys
import csv
import glob
from datetime import date

import pyreadstat

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SDTM = os.path.normpath(os.path.join(HERE, "../../../shared/reference/examples/msg-v2-submission"))
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
STAMP = "20150108T0930"  # export timestamp in the file names of timestamped forms

# CRF wording of the coded answers (the CRF's, not CDISC's).
SEX = {"M": "Male", "F": "Female"}
ETHNIC = {"HISPANIC OR LATINO": "Hispanic or Latino", "NOT HISPANIC OR LATINO": "Not Hispanic or Latino"}
RACES = [  # checkbox race___n: n -> CDISC term (the CRF's options in this order)
    "AMERICAN INDIAN OR ALASKA NATIVE",
    "ASIAN",
    "BLACK OR AFRICAN AMERICAN",
    "NATIVE HAWAIIAN OR OTHER PACIFIC ISLANDER",
    "WHITE",
]
YESNO = {"Y": "Yes", "N": "No", "": ""}
RAND_CODE = {"PLACEBO": "1", "ZAN_LOW": "2", "ZAN_HIGH": "3"}  # IRT randomization codes
TREATMENT = {"ZANOMALINE": "Zanomaline", "PLACEBO": "Placebo"}
REASON = {  # disposition reason as ticked on the CRF
    "ADVERSE EVENT": "Adverse event",
    "DEATH": "Death",
    "COMPLETED": "Completed",
    "WITHDRAWAL BY SUBJECT": "Withdrawal by subject",
    "PHYSICIAN DECISION": "Physician decision",
    "LACK OF EFFICACY": "Lack of efficacy",
    "SCREEN FAILURE": "Screen failure",
}


def s(value):
    """A cell as text: NaN and None empty, 54.0 as 54."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    return str(value).strip()


def iso(value):
    text = s(value)
    return date.fromisoformat(text) if len(text) == 10 else None


def us(value):  # MM/DD/YYYY
    d = iso(value)
    return "" if d is None else f"{d.month:02d}/{d.day:02d}/{d.year}"


def dmon(value):  # DD-MON-YYYY
    d = iso(value)
    return "" if d is None else f"{d.day:02d}-{MONTHS[d.month - 1]}-{d.year}"


def sentence(text):
    """CRF free text as an investigator types it: `Injection site reaction`."""
    text = s(text)
    return text[:1] + text[1:].lower() if text else ""


def subject(usubjid):
    return s(usubjid).replace("CDISC", "", 1)  # CDISC001 -> 001


def read(folder, name):
    df, _ = pyreadstat.read_xport(os.path.join(folder, name + ".xpt"))
    return [{k: s(v) for k, v in row.items()} for row in df.to_dict("records")]


def write(path, header, rows, labels=None):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        if labels:
            w.writerow(labels)
        w.writerow(header)
        for r in rows:
            w.writerow([r.get(h, "") for h in header])


def main(argv):
    args = [a for a in argv[1:]]
    sdtm = DEFAULT_SDTM
    if "--sdtm" in args:
        i = args.index("--sdtm")
        sdtm = args[i + 1]
        del args[i : i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    out = args[0]
    os.makedirs(out, exist_ok=True)
    for old in glob.glob(os.path.join(out, "*.csv")):
        os.remove(old)

    dm = read(sdtm, "dm")
    supp = read(sdtm, "suppdm")
    ae = read(sdtm, "ae")
    ex = read(sdtm, "ex")
    ds = read(sdtm, "ds")
    ie = read(sdtm, "ie")
    site = {r["USUBJID"]: r["SITEID"] for r in dm}
    races = {}
    for r in supp:
        if r["QNAM"].startswith("RACE"):
            races.setdefault(r["USUBJID"], []).append(r["QVAL"])

    # dm: demographics, two-row header (labels, then item names), as Viedoc/Rave "labels" exports.
    header = ["SiteNumber", "Subject", "SUBJNUM", "BRTHYR", "AGE", "SEX", "ETHNIC"] + [f"race___{i}" for i in range(1, 6)]
    labels = ["Site", "Subject", "Subject number", "Year of birth", "Age (years)", "Sex", "Ethnicity"] + [
        f"Race: {t.title()}" for t in RACES
    ]
    rows = []
    for r in dm:
        checked = races.get(r["USUBJID"]) or ([r["RACE"]] if r["RACE"] and r["RACE"] != "MULTIPLE" else [])
        row = {
            "SiteNumber": r["SITEID"], "Subject": subject(r["USUBJID"]), "SUBJNUM": r["SUBJID"],
            "BRTHYR": r["BRTHDTC"], "AGE": r["AGE"], "SEX": SEX[r["SEX"]], "ETHNIC": ETHNIC.get(r["ETHNIC"], ""),
        }
        for i, term in enumerate(RACES, 1):
            row[f"race___{i}"] = "1" if term in checked else "0"
        rows.append(row)
    write(os.path.join(out, "dm.csv"), header, rows, labels)

    # ic: informed consent and eligibility (one per subject); ie: the criteria not met.
    failed = {r["USUBJID"] for r in ie}
    consent = {r["USUBJID"]: r["DSSTDTC"] for r in ds if r["DSDECOD"] == "INFORMED CONSENT OBTAINED"}
    rows = [
        {"SiteNumber": site[u], "Subject": subject(u), "ICDAT": dmon(d), "IEYN": "No" if u in failed else "Yes"}
        for u, d in consent.items()
    ]
    write(os.path.join(out, "ic.csv"), ["SiteNumber", "Subject", "ICDAT", "IEYN"], rows)
    rows = []
    for r in ie:
        code = r["IETESTCD"]
        rows.append({
            "SiteNumber": site[r["USUBJID"]], "Subject": subject(r["USUBJID"]), "IEDAT": dmon(r["IEDTC"]),
            "IECAT": r["IECAT"].capitalize(), "IENUM": str(int("".join(c for c in code if c.isdigit()))),
            "IEMET": YESNO[r["IEORRES"]],
        })
    write(os.path.join(out, "ie.csv"), ["SiteNumber", "Subject", "IEDAT", "IECAT", "IENUM", "IEMET"], rows)

    # rand: the IRT's randomization code (no arm names).
    rows = [{"SiteNumber": r["SITEID"], "Subject": subject(r["USUBJID"]), "RANDCODE": RAND_CODE[r["ARMCD"]]}
            for r in dm if r["ARMCD"]]
    write(os.path.join(out, "rand.csv"), ["SiteNumber", "Subject", "RANDCODE"], rows)

    # ex: one row per administration (drug accountability / dosing diary), timestamped file name.
    rows = [{
        "SiteNumber": site[r["USUBJID"]], "Subject": subject(r["USUBJID"]), "EXDAT": us(r["EXSTDTC"]),
        "EXTRT": TREATMENT[r["EXTRT"]], "EXDOSE": r["EXDOSE"], "EXDOSEU": r["EXDOSU"], "KITLOT": r["EXLOT"],
        "DEVICEID": r["SPDEVID"],
    } for r in sorted(ex, key=lambda r: (r["USUBJID"], r["EXSTDTC"]))]
    write(os.path.join(out, f"CDISCPILOT01_EX_{STAMP}.csv"),
          ["SiteNumber", "Subject", "EXDAT", "EXTRT", "EXDOSE", "EXDOSEU", "KITLOT", "DEVICEID"], rows)

    # ae: the CRF's AE log, in AE-number order, timestamped file name.
    rows = []
    for r in sorted(ae, key=lambda r: (r["USUBJID"], int(r["AELNKID"]))):
        rows.append({
            "SiteNumber": site[r["USUBJID"]], "Subject": subject(r["USUBJID"]), "AENUM": r["AELNKID"],
            "AETERM": sentence(r["AETERM"]), "AESTDAT": dmon(r["AESTDTC"]), "AEENDAT": dmon(r["AEENDTC"]),
            "AEONGO": "Yes" if r["AEENRTPT"] == "ONGOING" else "No",
            "AESEV": r["AESEV"].capitalize(), "AESER": YESNO[r["AESER"]],
            "AEACN": r["AEACN"].capitalize(), "AEREL": r["AEREL"].capitalize(), "AEOUT": r["AEOUT"].capitalize(),
            **{k: YESNO[r[k]] for k in ["AESDTH", "AESLIFE", "AESHOSP", "AESDISAB", "AESCONG", "AESCAN", "AESOD"]},
        })
    write(os.path.join(out, f"CDISCPILOT01_AE_{STAMP}.csv"),
          ["SiteNumber", "Subject", "AENUM", "AETERM", "AESTDAT", "AEENDAT", "AEONGO", "AESEV", "AESER", "AEACN",
           "AEREL", "AEOUT", "AESDTH", "AESLIFE", "AESHOSP", "AESDISAB", "AESCONG", "AESCAN", "AESOD"], rows)

    # eot / eos: one disposition form per event (end of study treatment, end of study); the
    # reason as ticked, the specification (AE term, cause of death) and the AE number when an AE
    # led to it; eos also holds the date of last contact.
    def disposition(scat, prefix):
        rows = []
        for r in ds:
            if r["DSSCAT"] != scat:
                continue
            spec = r["DSTERM"] if r["DSTERM"] != r["DSDECOD"] else ""
            rows.append({
                "SiteNumber": site[r["USUBJID"]], "Subject": subject(r["USUBJID"]),
                f"{prefix}DAT": us(r["DSSTDTC"]), f"{prefix}REAS": REASON[r["DSDECOD"]],
                f"{prefix}SPEC": sentence(spec), f"{prefix}AENUM": r["DSLNKID"],
            })
        return rows
    eot = disposition("STUDY TREATMENT", "EOT")
    write(os.path.join(out, "eot.csv"), ["SiteNumber", "Subject", "EOTDAT", "EOTREAS", "EOTSPEC", "EOTAENUM"], eot)
    eos = disposition("STUDY PARTICIPATION", "EOS")
    last = {r["USUBJID"]: r["RFPENDTC"] for r in dm}
    for row in eos:
        row["LASTCONTDAT"] = us(last["CDISC" + row["Subject"]])
    write(os.path.join(out, "eos.csv"),
          ["SiteNumber", "Subject", "EOSDAT", "EOSREAS", "EOSSPEC", "EOSAENUM", "LASTCONTDAT"], eos)

    # death: the death report.
    rows = [{"SiteNumber": r["SITEID"], "Subject": subject(r["USUBJID"]), "DTHDAT": dmon(r["DTHDTC"])}
            for r in dm if r["DTHDTC"]]
    write(os.path.join(out, "death.csv"), ["SiteNumber", "Subject", "DTHDAT"], rows)
    print(f"raw forms written to {out}: " + ", ".join(sorted(os.listdir(out))))


if __name__ == "__main__":
    main(sys.argv)
