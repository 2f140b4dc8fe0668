#!/usr/bin/env python3
"""Checks an export's submission package against its CSV files (used by the end-to-end tests).

    scripts/check-package.py EXPORT SCHEMA.json

- every xpt/<name>.xpt (or <name>1.xpt, <name>2.xpt... of a split dataset), read back by
  pyreadstat, holds the variables of csv/<name>.csv in order with every cell equal (numbers
  compared as numbers, text byte for byte);
- every json/<name>.json or .ndjson validates against the Dataset-JSON 1.1 schema and its rows
  equal the CSV the same way.
Prints one line per dataset and exits 1 on the first difference, 3 when a module is missing.
"""
import csv, glob, json, math, os, re, sys

try:
    import jsonschema
    import pyreadstat
except ImportError as error:
    print(f"missing Python module: {error.name} (pip install pyreadstat jsonschema)")
    sys.exit(3)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def same(text, value, where):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        ok = text == ""
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        ok = text != "" and math.isclose(float(text), float(value), rel_tol=1e-12, abs_tol=0.0)
    else:
        ok = text == value
    if not ok:
        print(f"DIFFERENT {where}: csv {text!r} vs {value!r}")
        sys.exit(1)


def xpt_parts(export, name):
    single = os.path.join(export, "xpt", f"{name}.xpt")
    if os.path.exists(single):
        return [single]
    parts = glob.glob(os.path.join(export, "xpt", f"{name}[0-9]*.xpt"))
    return sorted(parts, key=lambda p: int(re.findall(r"(\d+)\.xpt$", p)[0]))


def check_xpt(export, name, header, rows):
    parts = xpt_parts(export, name)
    if not parts:
        print(f"MISSING xpt for {name}")
        sys.exit(1)
    read = []
    labels = {}
    for part in parts:
        data, meta = pyreadstat.read_xport(part, encoding="utf-8", output_format="dict")
        if list(data) != header:
            print(f"DIFFERENT {part}: columns {list(data)} vs {header}")
            sys.exit(1)
        labels[part] = (meta.file_label, meta.column_names_to_labels)
        read.extend(zip(*data.values()) if header else [])
    if len(read) != len(rows):
        print(f"DIFFERENT {name}: {len(read)} XPT rows vs {len(rows)} CSV rows")
        sys.exit(1)
    for r, (values, texts) in enumerate(zip(read, rows)):
        for c, (value, text) in enumerate(zip(values, texts)):
            same(text, value, f"{name}.xpt row {r + 1} {header[c]}")
    return labels


def check_labels(name, labels, document):
    """The XPT's dataset and variable labels are those of the Dataset-JSON file."""
    expected = {c["name"]: c["label"] for c in document["columns"]}
    for part, (label, columns) in labels.items():
        if label != document["label"] or columns != expected:
            print(f"DIFFERENT {part}: labels {label!r} {columns} vs {document['label']!r} {expected}")
            sys.exit(1)


def check_json(export, name, header, rows, schema):
    path = os.path.join(export, "json", f"{name}.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
    else:
        with open(os.path.join(export, "json", f"{name}.ndjson"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        document = json.loads(lines[0])
        document["rows"] = [json.loads(line) for line in lines[1:]]
    jsonschema.validate(document, schema)
    if [c["name"] for c in document["columns"]] != header or document["records"] != len(rows):
        print(f"DIFFERENT {name}.json: columns or records")
        sys.exit(1)
    if len(document["rows"]) != len(rows):
        print(f"DIFFERENT {name}.json: {len(document['rows'])} rows vs {len(rows)}")
        sys.exit(1)
    for r, (values, texts) in enumerate(zip(document["rows"], rows)):
        for c, (value, text) in enumerate(zip(values, texts)):
            same(text, value, f"{name}.json row {r + 1} {header[c]}")
    return document


def main():
    export, schema_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    for path in sorted(glob.glob(os.path.join(export, "csv", "*.csv"))):
        name = os.path.basename(path)[:-4]
        header, rows = read_csv(path)
        labels = check_xpt(export, name, header, rows) if os.path.isdir(os.path.join(export, "xpt")) else {}
        if os.path.isdir(os.path.join(export, "json")):
            document = check_json(export, name, header, rows, schema)
            check_labels(name, labels, document)
        print(f"OK {name}: {len(rows)} rows, {len(labels)} xpt file(s)")


main()
