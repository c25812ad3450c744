#!/usr/bin/env bash
# Checks the container image's recipe without a Docker engine: runs the Dockerfile's own build commands
# (RUN lines of the build stage, on a copy of the build context), lays the image out as its COPY lines do,
# starts its ENTRYPOINT with its ENV (as uid 10001, the image's USER, when run as root), then checks that
# readiness answers, that the HEALTHCHECK command itself passes, that a file can be stored, and that after a
# SIGTERM (docker stop) and a restart on the same storage directory (the volume) the file is still served.
# Container paths are mapped to a temporary directory (/src, /extracted, /app, and the VOLUME /data).
# Usage: scripts/container-check.sh   (MAVEN_ARGS=-o to build offline from the local Maven repository)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
command -v python3 >/dev/null || { echo "python3 is needed to read the Dockerfile" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"
pid=""
stop_service() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  fi
  if [ -n "$pid" ]; then wait "$pid" 2>/dev/null || true; fi
  pid=""
}
cleanup() { stop_service; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "container-check: FAILED: $*" >&2; [ -f "$work/service.log" ] && tail -40 "$work/service.log" >&2; exit 1; }

# --- Read the Dockerfile into a plan (shell assignments), container paths mapped into $work ---
python3 - "$root/Dockerfile" "$work" >"$work/plan.sh" <<'PY'
import json, re, shlex, sys
dockerfile, work = sys.argv[1], sys.argv[2]
text = re.sub(r"\\\n", " ", open(dockerfile).read())
lines = [l.strip() for l in text.splitlines() if l.strip() and not l.strip().startswith("#")]
stages, current = [], None
for line in lines:
    word, _, rest = line.partition(" ")
    word = word.upper()
    if word == "FROM":
        current = {"from": rest, "steps": []}
        stages.append(current)
    elif current is not None:
        current["steps"].append((word, rest.strip()))
build, final = stages[0], stages[-1]
mapping = {"/src": work + "/ctx", "/extracted": work + "/extracted", "/app": work + "/app"}
for word, rest in final["steps"]:
    if word == "VOLUME":
        for v in (json.loads(rest) if rest.startswith("[") else rest.split()):
            mapping[v] = work + "/volume" + v
for word, rest in build["steps"] + final["steps"]:
    if word == "WORKDIR" and rest not in mapping:
        mapping[rest] = work + "/root" + rest
def m(s):
    for c in sorted(mapping, key=len, reverse=True):
        s = re.sub(r"(?<![\w./-])" + re.escape(c) + r"(?=/|\s|$|[\"'])", mapping[c], s)
    return s
out = []
def emit(name, value):
    out.append(f"{name}={shlex.quote(value)}")
build_script, cwd = ["set -euo pipefail"], None
for word, rest in build["steps"]:
    if word == "WORKDIR":
        cwd = m(rest); build_script.append(f"mkdir -p {shlex.quote(cwd)} && cd {shlex.quote(cwd)}")
    elif word == "COPY":
        parts = shlex.split(rest); srcs, dest = parts[:-1], parts[-1]
        for s in srcs:  # from the build context (the repository), into the stage's WORKDIR
            build_script.append(f"cp -R {shlex.quote('REPO/' + s)} {shlex.quote(dest)}")
    elif word == "RUN":
        build_script.append("echo '+ RUN " + rest.replace("'", "") + "' >&2")
        build_script.append(m(rest))
    elif word not in ("ARG", "ENV", "LABEL"):
        raise SystemExit("container-check: no emulation for build-stage " + word)
emit("BUILD_SCRIPT", "\n".join(build_script))
app_script, envs = [], []
for word, rest in final["steps"]:
    if word == "WORKDIR":
        emit("APP_DIR", m(rest)); app_script.append(f"mkdir -p {shlex.quote(m(rest))} && cd {shlex.quote(m(rest))}")
    elif word == "COPY":
        parts = shlex.split(rest)
        if not parts[0].startswith("--from="):
            raise SystemExit("container-check: only COPY --from=<build stage> is emulated")
        src, dest = m(parts[1]), parts[2]
        app_script.append(f"cp -R {shlex.quote(src.rstrip('/') + '/.')} {shlex.quote(dest)}")
    elif word == "ENV":
        for kv in shlex.split(rest):
            k, _, v = kv.partition("="); envs.append(k + "=" + m(v))
    elif word == "USER":
        emit("IMAGE_USER", rest)
    elif word == "VOLUME":
        emit("VOLUME_DIR", mapping[(json.loads(rest) if rest.startswith("[") else rest.split())[0]])
    elif word == "EXPOSE":
        emit("EXPOSED_PORT", rest.split("/")[0])
    elif word == "HEALTHCHECK":
        emit("HEALTHCHECK_CMD", rest.split(" CMD ", 1)[1].strip())
    elif word == "ENTRYPOINT":
        emit("ENTRYPOINT_JSON", json.dumps([m(a) for a in json.loads(rest)]))
    elif word == "RUN":
        emit("USER_SETUP", rest)  # groupadd/useradd: emulated by running as the uid below
    else:
        raise SystemExit("container-check: no emulation for " + word)
emit("APP_SCRIPT", "\n".join(app_script))
emit("IMAGE_ENV", "\n".join(envs))
print("\n".join(out))
PY
# shellcheck disable=SC1091
source "$work/plan.sh"
BUILD_SCRIPT=${BUILD_SCRIPT//REPO\//$root/}
echo "container-check: work directory $work"

# --- Build stage: the Dockerfile's RUN commands, in a copy of the build context ---
bash -c "$BUILD_SCRIPT" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; fail "the build stage"; }
echo "container-check: build stage done ($(grep -c '^+ RUN' "$work/build.log") RUN steps)"

# --- Final stage: lay the image out, as root-owned files the service can only read ---
(set -euo pipefail; eval "$APP_SCRIPT")
[ -f "$APP_DIR/quiver.jar" ] && [ -d "$APP_DIR/lib" ] || fail "the image layout has no quiver.jar and lib/"
mkdir -p "$VOLUME_DIR"
uid=$(id -u)
as_user=()
if [ "$uid" = 0 ]; then
  # USER quiver is uid 10001 (the Dockerfile's useradd); the volume belongs to it, /app does not.
  grep -q -- '--uid 10001' <<<"$USER_SETUP" || fail "the Dockerfile no longer creates uid 10001"
  chown -R 10001:10001 "$VOLUME_DIR"
  chmod -R a+rX "$APP_DIR"
  as_user=(setpriv --reuid=10001 --regid=10001 --clear-groups --)
  run_uid=10001
else
  run_uid=$uid
  echo "container-check: not root, so the service runs as uid $uid instead of the image's $IMAGE_USER"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mapfile -t entrypoint < <(python3 -c 'import json,sys; print("\n".join(json.loads(sys.argv[1])))' "$ENTRYPOINT_JSON")
mapfile -t image_env <<<"$IMAGE_ENV"
# The image's environment, plus SERVER_PORT for a free port here (EXPOSE is $EXPOSED_PORT in the image;
# the HEALTHCHECK reads the same variable).
service_env=(PATH="$PATH" LANG=C.UTF-8 "${image_env[@]}" SERVER_PORT="$port")

start_service() {
  (cd "$APP_DIR" && exec env -i "${service_env[@]}" "${as_user[@]}" "${entrypoint[@]}") \
    >>"$work/service.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 360); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || fail "the service exited during start"
    sleep 0.5
  done
  fail "no readiness within 180 s"
}
healthcheck() { env -i PATH="$PATH" SERVER_PORT="$port" sh -c "$HEALTHCHECK_CMD"; }

start_service
echo "container-check: started ${entrypoint[*]} (pid $pid) on port $port"
[ "$(ps -o uid= -p "$pid" | tr -d ' ')" = "$run_uid" ] || fail "the service does not run as uid $run_uid"
grep -q 'Picked up JDK_JAVA_OPTIONS: -XX:MaxRAMPercentage' "$work/service.log" \
  || fail "the JVM did not pick up the image's JDK_JAVA_OPTIONS"
healthcheck || fail "the HEALTHCHECK command failed on a running service"
echo "container-check: readiness UP, HEALTHCHECK passes: $HEALTHCHECK_CMD"

base="http://127.0.0.1:$port"
printf '[{"n": 1, "s": "a"}, {"n": 2, "s": "b"}, {"n": 3, "s": null}]' >"$work/rows.json"
created=$(curl -fsS -H 'Content-Type: application/json' --data-binary @"$work/rows.json" "$base/files?batchSize=2")
id=$(sed 's/.*"id":"\([^"]*\)".*/\1/' <<<"$created")
[[ "$id" =~ ^[a-z2-7]{26}$ ]] || fail "no id in the upload answer: $created"
curl -fsS -H 'Accept: application/vnd.apache.arrow.file' "$base/files/$id" -o "$work/stored.arrow"
[ "$(stat -c %u "$VOLUME_DIR/$id.arrow")" = "$run_uid" ] || fail "the stored file is not owned by uid $run_uid"
echo "container-check: stored $id ($(stat -c %s "$work/stored.arrow") bytes) in the volume"

stop_service
grep -q 'Graceful shutdown complete' "$work/service.log" || fail "no graceful shutdown on SIGTERM"
if healthcheck 2>/dev/null; then fail "the HEALTHCHECK passes with the service stopped"; fi
echo "container-check: SIGTERM: graceful shutdown complete; HEALTHCHECK fails while stopped"

start_service
healthcheck || fail "the HEALTHCHECK command failed after the restart"
curl -fsS -H 'Accept: application/vnd.apache.arrow.file' "$base/files/$id" -o "$work/after.arrow"
cmp -s "$work/stored.arrow" "$work/after.arrow" || fail "the file differs after the restart"
curl -fsS "$base/files" | grep -q "\"id\":\"$id\"" || fail "the file is not listed after the restart"
stop_service
echo "container-check: after a restart on the same volume the file is served byte for byte"
echo "container-check: OK"
