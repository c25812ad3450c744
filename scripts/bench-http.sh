#!/usr/bin/env bash
# HTTP benchmark: Quiver against nginx serving the very same bytes as static files, same machine, same run.
#
#   scripts/bench-http.sh              # builds the jar, 10 s per measurement (about 2 minutes in all)
#   DURATION=5s SKIP_BUILD=1 scripts/bench-http.sh
#   ONLY=small DURATION=5s scripts/bench-http.sh    # only the small-batch GET (Quiver and nginx)
#   WARMUP=10s                                      # wrk on Quiver's small batch before measuring (JIT)
#   QUIVER_JAVA_OPTS='-XX:StartFlightRecording=filename=q.jfr' ...   # extra JVM options for Quiver
#
# What it does: stores a ~64 MB single-batch stream and a ~1 KB one in a fresh Quiver (java -jar, its own
# temp storage dir), downloads GET /files/{id}/batches/0 of both and the whole large stored file with curl
# into a temp web root, starts nginx (Debian package; installed if missing) on that root with sendfile on,
# then runs wrk (Debian package) against both servers alternately on 127.0.0.1, -t1 -c8. Only processes this
# script started are stopped, by PID. Results: target/bench/http-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-10s}
QUIVER_HEAP=${QUIVER_HEAP:-512m}
ONLY=${ONLY:-}
case "$ONLY" in ''|small) ;; *) echo "ONLY must be empty or 'small'" >&2; exit 2 ;; esac

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk nginx >/dev/null
fi
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f target/quiver.jar ]; then
  ./mvnw -q -B -ntp -DskipTests package
fi
if [ ! -f target/bench-cp.txt ] || [ ! -f target/test-classes/dev/quiver/bench/MakeData.class ]; then
  ./mvnw -q -B -ntp test-compile
  ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
fi

work=$(mktemp -d /tmp/quiver-bench-http.XXXXXX)
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
qport=$(free_port)
nport=$(free_port)
qpid=""
npid=""
cleanup() {
  [ -n "$npid" ] && kill "$npid" 2>/dev/null && wait "$npid" 2>/dev/null
  [ -n "$qpid" ] && kill "$qpid" 2>/dev/null && wait "$qpid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

java -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" dev.quiver.bench.MakeData "$work/input"

mkdir -p "$work/store"
# shellcheck disable=SC2086 # QUIVER_JAVA_OPTS is a list of options
java -Xmx"$QUIVER_HEAP" ${QUIVER_JAVA_OPTS:-} -jar target/quiver.jar --server.port="$qport" --server.address=127.0.0.1 \
  --quiver.storage.dir="$work/store" --logging.level.root=WARN >"$work/quiver.log" 2>&1 &
qpid=$!
for _ in $(seq 1 240); do
  curl -s -o /dev/null "http://127.0.0.1:$qport/files" && break
  kill -0 "$qpid" 2>/dev/null || { cat "$work/quiver.log"; echo "quiver died" >&2; exit 1; }
  sleep 0.5
done

store() {
  curl -sS --fail-with-body -H 'Content-Type: application/vnd.apache.arrow.stream' \
    --data-binary @"$1" "http://127.0.0.1:$qport/files" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
large=$(store "$work/input/large.arrows")
small=$(store "$work/input/small.arrows")

mkdir -p "$work/www"
curl -sS --fail -o "$work/www/large-batch.arrows" "http://127.0.0.1:$qport/files/$large/batches/0"
curl -sS --fail -o "$work/www/small-batch.arrows" "http://127.0.0.1:$qport/files/$small/batches/0"
curl -sS --fail -H 'Accept: application/vnd.apache.arrow.file' -o "$work/www/large-file.arrow" \
  "http://127.0.0.1:$qport/files/$large"
chmod -R a+rX "$work/www"

mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
user root;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  default_type application/vnd.apache.arrow.stream;
  server {
    listen 127.0.0.1:$nport;
    root $work/www;
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
npid=$!
for _ in $(seq 1 50); do
  curl -s -o /dev/null "http://127.0.0.1:$nport/small-batch.arrows" && break
  sleep 0.2
done
cmp <(curl -sS "http://127.0.0.1:$nport/small-batch.arrows") <(curl -sS "http://127.0.0.1:$qport/files/$small/batches/0")

# wrk: requests/s; bytes/s = requests/s x body size. Fails on any socket error or non-2xx answer.
run_wrk() { # name url [header]
  local out
  if [ $# -ge 3 ]; then
    out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 60s -H "$3" "$2")
  else
    out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 60s "$2")
  fi
  if grep -Eq 'Non-2xx|Socket errors' <<<"$out"; then echo "$out" >&2; echo "errors in $1" >&2; exit 1; fi
  grep 'Requests/sec' <<<"$out" | awk '{print $2}'
}

size() { stat -c %s "$work/www/$1"; }
declare -A RPS
# warm Quiver's JIT on the request measured (nginx needs none); on a busy machine 2 s left it half-compiled
wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$qport/files/$small/batches/0" >/dev/null
if [ "$ONLY" = small ]; then
  RPS[q_small]=$(run_wrk "quiver small batch" "http://127.0.0.1:$qport/files/$small/batches/0")
  RPS[n_small]=$(run_wrk "nginx small batch" "http://127.0.0.1:$nport/small-batch.arrows")
  python3 -c 'import sys; q, n = map(float, sys.argv[1:]); print(f"small batch: Quiver {q:,.0f} req/s, nginx {n:,.0f} req/s: {q/n:.2f}x (target >= 0.5x)")' \
    "${RPS[q_small]}" "${RPS[n_small]}"
  exit 0
fi
wrk -t1 -c2 -d2s "http://127.0.0.1:$qport/files/$large/batches/0" >/dev/null
RPS[q_large]=$(run_wrk "quiver large batch" "http://127.0.0.1:$qport/files/$large/batches/0")
RPS[n_large]=$(run_wrk "nginx large batch" "http://127.0.0.1:$nport/large-batch.arrows")
RPS[q_small]=$(run_wrk "quiver small batch" "http://127.0.0.1:$qport/files/$small/batches/0")
RPS[n_small]=$(run_wrk "nginx small batch" "http://127.0.0.1:$nport/small-batch.arrows")
RPS[q_file]=$(run_wrk "quiver whole file" "http://127.0.0.1:$qport/files/$large" \
  'Accept: application/vnd.apache.arrow.file')
RPS[n_file]=$(run_wrk "nginx whole file" "http://127.0.0.1:$nport/large-file.arrow")

mkdir -p target/bench
report="target/bench/http-$(date -u +%Y%m%dT%H%M%SZ).md"
python3 - "$report" "$(size large-batch.arrows)" "$(size small-batch.arrows)" "$(size large-file.arrow)" \
  "${RPS[q_large]}" "${RPS[n_large]}" "${RPS[q_small]}" "${RPS[n_small]}" "${RPS[q_file]}" "${RPS[n_file]}" \
  "$DURATION" "$CONNECTIONS" <<'PY'
import sys, subprocess, datetime, os
report, lb, sb, fb, ql, nl, qs, ns, qf, nf, dur, conns = sys.argv[1:]
lb, sb, fb = int(lb), int(sb), int(fb)
ql, nl, qs, ns, qf, nf = map(float, (ql, nl, qs, ns, qf, nf))
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
lines = [
  f"date: {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC; cpu: {cpu} x {os.cpu_count()}; "
  f"wrk -t1 -c{conns} -d{dur} on 127.0.0.1, nginx {subprocess.run(['nginx','-v'],capture_output=True,text=True).stderr.strip().split('/')[-1]}",
  "",
  "| GET | body bytes | Quiver | nginx (same bytes, static) | Quiver / nginx | target |",
  "|---|---|---|---|---|---|",
  f"| large batch /files/{{id}}/batches/0 | {lb:,} | {ql*lb/1e6:,.0f} MB/s ({ql:.1f} req/s) | {nl*lb/1e6:,.0f} MB/s ({nl:.1f} req/s) | **{ql/nl:.2f}x** bytes/s | >= 0.8x |",
  f"| small batch /files/{{id}}/batches/0 | {sb:,} | {qs:,.0f} req/s | {ns:,.0f} req/s | **{qs/ns:.2f}x** req/s | >= 0.5x |",
  f"| whole stored file /files/{{id}} (Accept: ...arrow.file) | {fb:,} | {qf*fb/1e6:,.0f} MB/s ({qf:.1f} req/s) | {nf*fb/1e6:,.0f} MB/s ({nf:.1f} req/s) | **{qf/nf:.2f}x** bytes/s | |",
]
open(report, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
echo "results: $report"
