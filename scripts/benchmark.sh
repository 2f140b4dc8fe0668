#!/usr/bin/env bash
# Benchmark: generate N subjects (default 1000 5000 20000), export each, and compare with the same
# cells written straight through libxlsxwriter and libcsv. Prints per-phase wall time, records/s,
# peak resident memory, the baseline and the ratio export / baseline; and the raw data loaded from
# its CSV forms and from its ODM form (generate --format odm), with the ratio ODM / CSV load.
#
#   scripts/benchmark.sh            # 1000, 5000, 20000 subjects
#   scripts/benchmark.sh 500 2000   # other sizes
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 5000 20000)
swift build -c release --product trialexport >&2
swift build -c release --product trialexport-bench >&2
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Each size runs in a fresh process, so its peak memory is its own.
for n in "${sizes[@]}"; do
  "$bin/trialexport" generate --subjects "$n" --out "$work/$n-subjects" --quiet >&2
  "$bin/trialexport" generate --format odm --subjects "$n" --out "$work/$n-odm" --quiet >&2
  "$bin/trialexport-bench" --raw "$work/$n-subjects" --odm "$work/$n-odm" --results "$work/results.tsv"
  rm -rf "${work:?}/$n-subjects" "${work:?}/$n-odm"
done
"$bin/trialexport-bench" --summarize "$work/results.tsv"
