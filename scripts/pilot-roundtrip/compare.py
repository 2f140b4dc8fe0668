#!/usr/bin/env python3
"""Compare an export of the CDISC pilot round trip with the published SDTM, cell by cell.

    python3 scripts/pilot-roundtrip/compare.py EXPORT_DIR [--sdtm DIR] [--examples N]

Reads EXPORT_DIR/csv/<dataset>.csv (or EXPORT_DIR/xpt/<dataset>.xpt when there is no CSV) and the
published <dataset>.xpt of ../shared/reference/examples/msg-v2-submission. Records are matched by
natural keys, not by --SEQ (so a different --SEQ order shows as a differing --SEQ cell only):

    DM USUBJID | SUPPDM USUBJID QNAM | AE USUBJID AETERM AESTDTC (+ occurrence) |
    EX USUBJID EXSTDTC (+ occurrence) | DS USUBJID DSCAT DSSCAT | IE USUBJID IETESTCD

Every variable the published dataset holds is compared, for every published record: a
published record without a match counts all its cells as differing ("record missing"), and
exported records without a published match are counted. Values are compared as text with
surrounding spaces removed; null and empty are equal; numbers are equal when equal as numbers
(54.0 and "54"). The match keys of a matched record are equal by construction; each dataset's
line also gives the share without them. The last line is `OVERALL cells=N equal=N pct=P` (for the test).
"""
import csv
import os
import sys
from collections import Counter, defaultdict

import pyreadstat

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SDTM = os.path.normpath(os.path.join(HERE, "../../../shared/reference/examples/msg-v2-submission"))
KEYS = {
    "dm": ["USUBJID"],
    "suppdm": ["USUBJID", "QNAM"],
    "ae": ["USUBJID", "AETERM", "AESTDTC"],
    "ex": ["USUBJID", "EXSTDTC"],
    "ds": ["USUBJID", "DSCAT", "DSSCAT"],
    "ie": ["USUBJID", "IETESTCD"],
}


def text(value):
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def same(a, b):
    if a == b:
        return True
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def read_xpt(path):
    df, _ = pyreadstat.read_xport(path)
    return list(df.columns), [{k: text(v) for k, v in r.items()} for r in df.to_dict("records")]


def read_export(folder, name):
    path = os.path.join(folder, "csv", name + ".csv")
    if os.path.exists(path):
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        return [{k: text(v) for k, v in r.items()} for r in rows]
    path = os.path.join(folder, "xpt", name + ".xpt")
    if os.path.exists(path):
        return read_xpt(path)[1]
    return None


def keyed(rows, keys):
    """Records by key; a repeated key gets an occurrence number in file order."""
    out, seen = {}, Counter()
    for r in rows:
        k = tuple(r.get(v, "") for v in keys)
        seen[k] += 1
        out[k + (seen[k],)] = r
    return out


def compare(name, published_path, export_dir, examples):
    variables, published = read_xpt(published_path)
    exported = read_export(export_dir, name)
    keys = KEYS[name]
    pub = keyed(published, keys)
    exp = keyed(exported or [], keys)
    cells = equal = key_cells = 0
    diffs = defaultdict(list)
    missing = 0
    for k, p in pub.items():
        e = exp.get(k)
        if e is None:
            missing += 1
        for v in variables:
            cells += 1
            if e is None:
                diffs["(record missing)"].append((k, v, p[v], ""))
            elif same(p[v], e.get(v, "")):
                equal += 1
                key_cells += v in keys
            else:
                diffs[v].append((k, v, p[v], e.get(v, "")))
    extra = [k for k in exp if k not in pub]
    pct = 100.0 * equal / cells if cells else 0.0
    rest = cells - len(pub) * len(keys)
    rest_pct = 100.0 * (equal - key_cells) / rest if rest else 0.0
    print(f"{name.upper():7} cells {cells:6}  equal {equal:6}  differing {cells - equal:5}  {pct:6.2f} %"
          f"  (without the match keys: {rest_pct:6.2f} %)"
          f"  (published records {len(pub)}, not matched {missing}; exported records {len(exp)}, extra {len(extra)})"
          + ("" if exported is not None else "  [dataset not in the export]"))
    for v, items in sorted(diffs.items(), key=lambda kv: -len(kv[1])):
        print(f"    {v:18} {len(items):5} differing")
        for k, var, p, e in items[:examples]:
            key = " ".join(x for x in map(str, k[:-1]) if x) + (f" #{k[-1]}" if k[-1] > 1 else "")
            shown = f"{var}: published {p!r}, export {e!r}" if v != "(record missing)" else "no exported record"
            print(f"        {key}: {shown}")
    if extra:
        print(f"    extra exported records, e.g. {', '.join(' '.join(map(str, k[:-1])) for k in extra[:examples])}")
    return cells, equal


def main(argv):
    args = argv[1:]
    sdtm, examples = DEFAULT_SDTM, 2
    for flag in ("--sdtm", "--examples"):
        if flag in args:
            i = args.index(flag)
            value = args[i + 1]
            del args[i : i + 2]
            if flag == "--sdtm":
                sdtm = value
            else:
                examples = int(value)
    if len(args) != 1:
        sys.exit(__doc__)
    total_cells = total_equal = 0
    for name in KEYS:
        path = os.path.join(sdtm, name + ".xpt")
        if not os.path.exists(path):
            continue
        c, e = compare(name, path, args[0], examples)
        total_cells += c
        total_equal += e
    pct = 100.0 * total_equal / total_cells if total_cells else 0.0
    print(f"OVERALL cells={total_cells} equal={total_equal} pct={pct:.2f}")


if __name__ == "__main__":
    main(sys.argv)
