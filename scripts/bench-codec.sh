#!/usr/bin/env bash
# JMH benchmarks of the codec: our IPC codec against arrow-java (CodecBench) and JSON rows against Jackson
# (JsonBench), in one run, then a Markdown table of the ratios.
#
#   scripts/bench-codec.sh                 # everything (about 25 minutes on 2 cores)
#   scripts/bench-codec.sh 'CodecBench.readTouch' -p shape=narrow   # any JMH filter and options
#   QUICK=1 scripts/bench-codec.sh         # 1 warmup + 2 measurement iterations (a smoke run)
#
# Without arguments each pair (one operation on one shape, ours and theirs) is its own JMH run, so the two
# sides of a ratio are measured back to back, minutes apart at most, even on a machine whose load drifts.
# Results: target/bench/jmh-<date>/*.json (raw JMH) and target/bench/jmh-<date>.md (the table).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
test -f target/test-classes/META-INF/BenchmarkList || { echo "JMH annotation processing did not run" >&2; exit 1; }
CP="target/test-classes:target/classes:$(cat target/bench-cp.txt)"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="target/bench/jmh-$STAMP"
mkdir -p "$OUT"
EXTRA=()
if [ -n "${QUICK:-}" ]; then EXTRA=(-wi 1 -i 2); fi

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs) x $(nproc); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB; java: $(java -version 2>&1 | head -1)"
} | tee "$OUT.md"

jmh() { # result-name args...
  local name=$1
  shift
  java -cp "$CP" org.openjdk.jmh.Main "$@" ${EXTRA[@]+"${EXTRA[@]}"} -rf json -rff "$OUT/$name.json"
}

if [ $# -gt 0 ]; then
  jmh custom "$@"
else
  for op in writeStream readTouch fileRandomBatch; do
    for shape in narrow wide strings nested dictionary; do
      jmh "$op-$shape" "dev.quiver.bench.CodecBench.${op}_" -p shape="$shape"
    done
  done
  jmh json-read 'dev.quiver.bench.JsonBench.rowsToArrow_'
  jmh json-write 'dev.quiver.bench.JsonBench.arrowToRows_'
fi
echo >> "$OUT.md"
java -cp "$CP" dev.quiver.bench.Ratios "$OUT"/*.json | tee -a "$OUT.md"
echo "results: $OUT.md"
