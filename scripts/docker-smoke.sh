#!/usr/bin/env bash
# Builds the image and smoke-tests it like a user would meet it:
#   --help; the one-line refusal with no platform and no terminal; the console prompt and a clean stop on SIGTERM;
#   the message for a /data the image's user cannot write; a scan against the fixture internet.
# Needs: a running container engine on Linux (ENGINE=docker by default, or ENGINE=podman), the node:24-bookworm-slim
# base image or a registry to pull it from, and `npm ci` done in this checkout (the fixture internet runs from it).
# Exits 0 when every check passed, 1 on the first failed check, 2 when no container engine can be reached.
set -euo pipefail
cd "$(dirname "$0")/.."

ENGINE="${ENGINE:-docker}"
IMAGE="${IMAGE:-mtasts:smoke}"

if ! command -v "$ENGINE" >/dev/null; then
  echo "docker-smoke: no '$ENGINE' command here; install a container engine or set ENGINE=podman" >&2
  exit 2
fi
if ! "$ENGINE" info >/dev/null 2>&1; then
  echo "docker-smoke: '$ENGINE' is installed but reaches no container engine ('$ENGINE info' failed): start one, or run this where one runs" >&2
  exit 2
fi

scratch="$(mktemp -d)"
container=""
fixture_pid=""
cleanup() {
  if [ -n "$container" ]; then "$ENGINE" rm -f "$container" >/dev/null 2>&1 || true; fi
  if [ -n "$fixture_pid" ]; then kill "$fixture_pid" 2>/dev/null && wait "$fixture_pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

step() { echo "--- $*"; }
fail() {
  echo "docker-smoke: FAILED: $*" >&2
  exit 1
}
# Runs a container to its end; sets $out (stdout and stderr) and $code.
run_to_end() {
  set +e
  out="$("$ENGINE" run --rm "$@" 2>&1)"
  code=$?
  set -e
}

step "build $IMAGE"
"$ENGINE" build -t "$IMAGE" .
echo "image size: $(( $("$ENGINE" image inspect -f '{{.Size}}' "$IMAGE") / 1000000 )) MB"

step "bin/mtasts --help"
run_to_end "$IMAGE" bin/mtasts --help
[ "$code" = 0 ] && [[ "$out" == Usage:* ]] || fail "--help: exit $code: $out"

step "no platform and no terminal: exit 2 with one line naming the variables"
run_to_end "$IMAGE"
[ "$code" = 2 ] || fail "expected exit 2, got $code: $out"
[[ "$out" == "mtasts: no chat platform configured: set SLACK_BOT_TOKEN"* && "$out" != *$'\n'* ]] || fail "message: $out"

step "/data not writable by uid 1000: exit 1 with one line naming MTASTS_DB and the path"
mkdir "$scratch/read-only-data"
chmod 0555 "$scratch/read-only-data"
run_to_end -e MTASTS_CONSOLE=1 -v "$scratch/read-only-data:/data" "$IMAGE"
[ "$code" = 1 ] || fail "expected exit 1, got $code: $out"
[[ "$out" == *"/data/mtasts.db (MTASTS_DB): /data is not writable by uid 1000"* ]] || fail "message: $out"

step "console prompt, then SIGTERM: exit 0"
container="$("$ENGINE" run -d -i -e MTASTS_CONSOLE=1 "$IMAGE")"
for _ in $(seq 60); do
  if "$ENGINE" logs "$container" 2>&1 | grep -q 'mtasts>'; then break; fi
  sleep 0.5
done
"$ENGINE" logs "$container" 2>&1 | grep -q 'mtasts>' || fail "no prompt: $("$ENGINE" logs "$container" 2>&1)"
started=$(date +%s%N)
"$ENGINE" stop -t 10 "$container" >/dev/null
echo "stopped in $(( ($(date +%s%N) - started) / 1000000 )) ms"
code="$("$ENGINE" inspect -f '{{.State.ExitCode}}' "$container")"
[ "$code" = 0 ] || fail "expected exit 0 after SIGTERM, got $code: $("$ENGINE" logs "$container" 2>&1)"
"$ENGINE" rm "$container" >/dev/null
container=""

step "scan against the fixture internet (on this host's loopback, shared with --network host)"
npx tsc -p tsconfig.json --noEmit false --outDir "$scratch/js"
ln -s "$PWD/node_modules" "$scratch/js/node_modules"
node "$scratch/js/test/fixture/serve-fixture.js" "$scratch" >"$scratch/fixture.json" &
fixture_pid=$!
for _ in $(seq 60); do
  if [ -s "$scratch/fixture.json" ]; then break; fi
  sleep 0.5
done
[ -s "$scratch/fixture.json" ] || fail "the fixture internet did not start"
field() { node -e "process.stdout.write(String(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'))[process.argv[2]]))" "$scratch/fixture.json" "$1"; }
run_to_end --network host \
  -e MTASTS_DNS="$(field dns)" -e MTASTS_ALLOW_PRIVATE=1 -e MTASTS_POLICY_PORT="$(field httpsPort)" \
  -e NODE_EXTRA_CA_CERTS=/fixture/ca.pem -v "$scratch/ca.pem:/fixture/ca.pem:ro" \
  "$IMAGE" bin/mtasts scan good.example
[ "$code" = 0 ] && [[ "$out" == "good.example  ENFORCED"* ]] || fail "scan: exit $code: $out"

echo "docker-smoke: all checks passed"
