#!/usr/bin/env bash
# Runs the README's walkthrough block verbatim against the packaged service, the way the container runs it
# (java -XX:MaxRAMPercentage=75 -jar quiver.jar with QUIVER_STORAGE_DIR set), and checks every answer.
# Usage: scripts/walkthrough.sh   (after ./mvnw package or ./mvnw verify)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jar="$root/target/quiver.jar"
[ -f "$jar" ] || { echo "missing $jar: run ./mvnw -DskipTests package first" >&2; exit 1; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080)
mkdir -p "$work/store"
QUIVER_STORAGE_DIR="$work/store" java -XX:MaxRAMPercentage=75 -jar "$jar" --server.port="$port" \
  >"$work/service.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  if command curl -s -o /dev/null "http://127.0.0.1:$port/files"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/service.log"; echo "service died" >&2; exit 1; fi
  sleep 0.5
done

# The block between the walkthrough markers, with the port of this run.
sed -n '/<!-- walkthrough:begin -->/,/<!-- walkthrough:end -->/p' README.md \
  | sed '1,2d;$d' | sed '$d' | sed "s/localhost:8080/localhost:$port/g" >"$work/walkthrough.sh"

cp -r examples "$work/examples"
cd "$work"
# Every curl of the block fails the run on an HTTP error.
curl() { command curl --fail-with-body -sS "$@"; }
set -x
# shellcheck disable=SC1091
source "$work/walkthrough.sh" >"$work/out.txt"
set +x

magic() { head -c "$2" "$1" | od -An -tx1 | tr -d ' \n'; }
[ "$(magic rows.arrows 4)" = "ffffffff" ] || { echo "rows.arrows is not an Arrow stream" >&2; exit 1; }
[ "$(magic data.arrow 6)" = "4152524f5731" ] || { echo "data.arrow is not an Arrow file" >&2; exit 1; }
[ "$(magic b3.arrows 4)" = "ffffffff" ] || { echo "b3.arrows is not an Arrow stream" >&2; exit 1; }
[ "$(magic rows-zstd.arrows 4)" = "ffffffff" ] || { echo "rows-zstd.arrows is not an Arrow stream" >&2; exit 1; }
grep -q '"VALIDITY"' "$work/out.txt" || { echo "expected Arrow integration JSON" >&2; exit 1; }
cmp -s data.arrow copy.arrow || { echo "the stored file differs from the upload" >&2; exit 1; }
grep -q '"count":4' "$work/out.txt" || { echo "expected 4 batches of 2 rows" >&2; cat "$work/out.txt"; exit 1; }
grep -q 'margaret' "$work/out.txt" || { echo "expected the rows back as JSON" >&2; cat "$work/out.txt"; exit 1; }
grep -q '18446744073709551615' "$work/out.txt" || { echo "expected the exact uint64" >&2; cat "$work/out.txt"; exit 1; }
status=$(command curl -s -o /dev/null -w '%{http_code}' "localhost:$port/files/$id")
[ "$status" = 404 ] || { echo "deleted file still answers $status" >&2; exit 1; }
cat "$work/out.txt"; echo
echo "walkthrough: every README command answered as documented"
