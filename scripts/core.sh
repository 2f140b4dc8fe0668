#!/usr/bin/env bash
# Runs CDISC CORE (SDTMIG 3.4 rules) on an export's xpt/*.xpt and define.xml through the offline kit
# in ../shared/tools/core (or $CORE_KIT) and fails when a rule reports issues that
# scripts/core-accepted.txt does not list (one rule a line: "CORE-000239  reason").
#
#   scripts/core.sh EXPORT        e.g. scripts/core.sh output/NCT05549466
#
# Exit status: 0 every rule with issues is accepted, 1 a rule is not (or CORE failed), 2 usage or no kit.
# About 4 minutes on two cores. The CORE report stays in $CORE_WORK/run (default $TMPDIR/trialexport-core).
set -euo pipefail
export_dir=${1:?usage: scripts/core.sh EXPORT}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kit=${CORE_KIT:-$root/../shared/tools/core}
accepted=${CORE_ACCEPTED:-$root/scripts/core-accepted.txt}
[ -x "$kit/run-core.sh" ] || { echo "core.sh: no CORE kit at $kit (set CORE_KIT)" >&2; exit 2; }
[ -f "$export_dir/define.xml" ] || { echo "core.sh: $export_dir has no define.xml (export with --formats including xpt)" >&2; exit 2; }
work=${CORE_WORK:-${TMPDIR:-/tmp}/trialexport-core}
CORE_WORK=$work "$kit/run-core.sh" "$export_dir"
python3 - "$work/run/core-report.json" "$accepted" <<'PY'
import collections, json, sys
report, accepted_path = sys.argv[1], sys.argv[2]
accepted = {}
for number, line in enumerate(open(accepted_path, encoding="utf-8"), 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    rule, _, reason = line.partition(" ")
    if not reason.strip():
        sys.exit(f"{accepted_path}:{number}: {rule} has no reason; write the rule id, a space and why it is accepted")
    accepted[rule] = reason.strip()
issues = collections.Counter(i["core_id"] for i in json.load(open(report))["Issue_Details"])
new = sorted(rule for rule in issues if rule not in accepted)
print()
print(f"CORE rules with issues: {len(issues)} ({sum(issues.values())} records); accepted: {len(issues) - len(new)}")
for rule in sorted(issues):
    print(f"  {rule} {issues[rule]:6d}  " + (f"accepted: {accepted[rule]}" if rule in accepted else "NOT ACCEPTED"))
for rule in sorted(set(accepted) - set(issues)):
    print(f"  {rule}      0  (accepted but no longer reported: remove it from {accepted_path})")
if new:
    print(f"core.sh: {len(new)} rule(s) not in {accepted_path}: {', '.join(new)}. Fix the export, or add the rule"
          " with the reason it is not a defect.", file=sys.stderr)
    sys.exit(1)
PY
