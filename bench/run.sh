#!/usr/bin/env bash
# run.sh: compare dossier's entity extraction with jdkato/prose on the same text, the
# CoNLL-2003 dev documents, in one run, one core each (go test -cpu 1).
#   dossier: go test -bench BenchmarkExtractEntities ./internal/extract (main module);
#            if that benchmark is absent, the timing line of `dossier eval conll`.
#   prose:   go test -bench BenchmarkProseNER in this module (bench/).
# Prints tokens/s for each and the ratio dossier/prose. CONLL_DEV overrides the data path;
# BENCHTIME overrides -benchtime (default 3x).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
dev=${CONLL_DEV:-$root/../shared/eval/conll2003/dev.txt}
if [[ ! -f $dev ]]; then
	echo "run.sh: CoNLL dev set not found at $dev (set CONLL_DEV)" >&2
	exit 1
fi
export CONLL_DEV=$(cd "$(dirname "$dev")" && pwd)/$(basename "$dev")
benchtime=${BENCHTIME:-3x}

# metric prints the value reported before unit $2 on the benchmark line of $1's output.
metric() {
	awk -v unit="$2" '/^Benchmark/ { for (i = 2; i <= NF; i++) if ($i == unit) v = $(i-1) } END { if (v != "") print v }' <<<"$1"
}

# dossier_side prints dossier's benchmark line(s) and, last, its tokens/s.
dossier_side() {
	if grep -qs 'func BenchmarkEntitiesCoNLL' "$root"/internal/eval/*_test.go; then
		local out
		out=$(cd "$root" && go test -run '^$' -bench '^Benchmark(Entities|Extract)CoNLL$' -benchtime "$benchtime" -cpu 1 ./internal/eval) || { echo "$out" >&2; return 1; }
		echo "$out" | grep -E '^Benchmark' >&2 || true
		metric "$(grep BenchmarkEntitiesCoNLL <<<"$out")" "tokens/s"
	else
		echo "(BenchmarkExtractEntities not found; timing 'dossier eval conll' on one core instead)" >&2
		local tmp line
		tmp=$(mktemp -d)
		(cd "$root" && go build -o "$tmp/dossier" ./cmd/dossier) || { rm -rf "$tmp"; return 1; }
		line=$(cd "$root" && GOMAXPROCS=1 "$tmp/dossier" eval conll "$CONLL_DEV" 2>&1 >/dev/null | grep 'tokens/s' | tail -1) || true
		rm -rf "$tmp"
		echo "$line" >&2
		sed -nE 's/.*: ([0-9.]+) tokens\/s.*/\1/p' <<<"$line"
	fi
}

echo "== dossier: BenchmarkEntitiesCoNLL (entities only) and BenchmarkExtractCoNLL (full), main module, -cpu 1, -benchtime $benchtime"
dossier_tps=$(dossier_side) || { echo "run.sh: the dossier side failed to build or run" >&2; dossier_tps=""; }

echo "== prose: BenchmarkProseNER (bench module, -cpu 1, -benchtime $benchtime)"
out=$(cd "$here" && go test -run '^$' -bench '^BenchmarkProseNER$' -benchtime "$benchtime" -cpu 1 .)
echo "$out" | grep -E '^Benchmark' || true
prose_tps=$(metric "$out" "tokens/s")

echo "== summary (CoNLL-2003 dev, tokens per second per core)"
printf 'dossier  %s tokens/s\n' "${dossier_tps:-n/a}"
printf 'prose    %s tokens/s\n' "${prose_tps:-n/a}"
if [[ -n $dossier_tps && -n $prose_tps ]]; then
	awk -v d="$dossier_tps" -v p="$prose_tps" 'BEGIN { printf "ratio dossier/prose  %.2f\n", d / p }'
else
	echo "ratio dossier/prose  n/a" >&2
	exit 1
fi
