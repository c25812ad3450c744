#!/usr/bin/env bash
# Turns the conformance suite's recorded outcomes (target/conformance/results-*.json, written by the tests in
# src/test/java/dev/quiver/conformance) into the README's conformance table: rows are types and features,
# columns are stream read / stream write / file read / file write / HTTP, a cell is "pass (N)" (N cases,
# all passed), "fail (F of N)" (F of N cases failed; "known" when every failure is a listed expectation) or
# "n/a" (no case exercises it). Known failures, steps that cannot be exercised and notes on how steps were
# checked are listed under the table with their reasons.
#
# Usage: scripts/conformance-table.sh [--results DIR] [--readme FILE] [--print]
#   --results DIR  where the results-*.json files are (default: target/conformance)
#   --readme FILE  the file whose part between <!-- conformance:begin --> and <!-- conformance:end -->
#                  is replaced (default: README.md)
#   --print        print the generated Markdown instead of editing the README
# Run it after the tests (e.g. ./mvnw verify) from the repository root. Needs jq.
set -euo pipefail

results=target/conformance
readme=README.md
print=false
while [ $# -gt 0 ]; do
  case "$1" in
    --results) results="$2"; shift 2 ;;
    --readme) readme="$2"; shift 2 ;;
    --print) print=true; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

command -v jq >/dev/null || { echo "conformance-table.sh needs jq" >&2; exit 1; }
shopt -s nullglob
files=("$results"/results-*.json)
if [ ${#files[@]} -eq 0 ]; then
  echo "no results in $results/results-*.json: run the conformance tests first" \
    "(./mvnw verify, or ./mvnw test -Dtest='dev.quiver.conformance.**')" >&2
  exit 1
fi

table=$(jq -n -r '
  def order: [
    "null", "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64", "decimal32", "decimal64", "decimal128", "decimal256",
    "utf8", "large_utf8", "utf8_view", "binary", "large_binary", "binary_view", "fixed_size_binary",
    "date32", "date64", "time32", "time64", "timestamp", "timestamp (with time zone)", "duration",
    "interval[year_month]", "interval[day_time]", "interval[month_day_nano]",
    "list", "large_list", "list_view", "large_list_view", "fixed_size_list", "struct", "map",
    "union[sparse]", "union[dense]", "run_end_encoded",
    "dictionary", "dictionary (nested)", "dictionary (shared by fields)", "dictionary delta",
    "dictionary replacement", "extension type", "custom metadata",
    "body compression (lz4_frame)", "body compression (zstd)"];
  def columns: ["stream read", "stream write", "file read", "file write", "HTTP"];
  def rank($r): (order | index($r)) // 1000;
  [inputs | .suite as $s | .outcomes[] | . + {id: ($s + ":" + .case)}] as $all
  | ($all | map(.features[]) | unique | sort_by([rank(.), .])) as $rows
  | "| type / feature | " + (columns | join(" | ")) + " |",
    "|---|" + (columns | map("---") | join("|")) + "|",
    ($rows[] as $row
      | "| " + $row + " | "
        + ([columns[] as $col
            | [$all[] | select(.column == $col and .result != "n/a" and any(.features[]; . == $row))]
            | group_by(.id)
            | map(if any(.[]; .result == "fail") then "fail"
                  elif any(.[]; .result == "known-fail") then "known" else "pass" end) as $cases
            | ($cases | length) as $n
            | ($cases | map(select(. != "pass")) | length) as $f
            | if $n == 0 then "n/a"
              elif $f == 0 then "pass (\($n))"
              elif ($cases | all(. != "fail")) then "fail (\($f) of \($n), known)"
              else "fail (\($f) of \($n))" end]
           | join(" | "))
        + " |"),
    "",
    ([$all[] | .id] | unique | length) as $cases
    | ([$all[] | .id | split(":")[0]] | unique | join(", ")) as $suites
    | "\($cases) cases (suites: \($suites)), \($all | length) steps: "
      + "\([$all[] | select(.result == "pass")] | length) passed, "
      + "\([$all[] | select(.result == "known-fail")] | length) known failures, "
      + "\([$all[] | select(.result == "fail")] | length) failed, "
      + "\([$all[] | select(.result == "n/a")] | length) not applicable.",
    (([$all[] | select(.result == "known-fail")] | group_by(.detail)) as $known
      | if ($known | length) > 0 then
          "", "Known failures (listed expectations in the suite; a listed step that passes fails the suite):",
          ($known[] | "- " + .[0].detail + " (" + ([.[] | .case + "/" + .step] | unique | join(", ")) + ")")
        else empty end),
    (([$all[] | select(.result == "n/a")] | group_by(.detail)) as $na
      | if ($na | length) > 0 then
          "", "Not applicable (steps that cannot be exercised, listed in the suite):",
          ($na[] | "- " + .[0].detail + " (" + ([.[] | .case + "/" + .step] | unique | join(", ")) + ")")
        else empty end),
    (([$all[] | select(.result == "pass" and .detail != null)] | group_by(.detail)) as $notes
      | if ($notes | length) > 0 then
          "", "Notes:",
          ($notes[] | "- " + .[0].detail + " (" + ([.[] | .case + "/" + .step] | unique | join(", ")) + ")")
        else empty end),
    (([$all[] | select(.result == "fail")]) as $failed
      | if ($failed | length) > 0 then
          "", "Failed steps:", ($failed[] | "- " + .case + "/" + .step)
        else empty end)
' "${files[@]}")

if $print; then
  printf '%s\n' "$table"
  exit 0
fi

[ -f "$readme" ] || { echo "no $readme" >&2; exit 1; }
grep -q '^<!-- conformance:begin -->$' "$readme" && grep -q '^<!-- conformance:end -->$' "$readme" || {
  echo "$readme has no <!-- conformance:begin --> / <!-- conformance:end --> lines" >&2
  exit 1
}
tmp=$(mktemp "${readme}.XXXXXX")
trap 'rm -f "$tmp"' EXIT
TABLE="$table" awk '
  $0 == "<!-- conformance:begin -->" { print; print ENVIRON["TABLE"]; skipping = 1; next }
  $0 == "<!-- conformance:end -->" { skipping = 0 }
  !skipping { print }
' "$readme" > "$tmp"
mv "$tmp" "$readme"
trap - EXIT
echo "updated the conformance table in $readme from ${#files[@]} result file(s)"
