#!/usr/bin/env bash
# One MNIST training epoch of the Java trainer and of PyTorch (1 thread, its fastest setting here),
# alternating, BENCH_ROUNDS times (default 3), for the seed's model (one tanh layer of 150) and the
# chapter's deep RNN (3 ReLU layers of 100, the final states of all layers fed to the dense layer) and
# the chapter's LSTM (3 layers of 150 BasicLSTMCells, the top layer's final h fed to the dense layer);
# prints every run, the medians, and on its last three lines
#   epoch seconds: java 1.9, pytorch 4.1, ratio 0.45
#   epoch seconds, deep rnn (3 layers of 100 relu): java ..., pytorch ..., ratio ...
#   epoch seconds, lstm (3 layers of 150): java ..., pytorch ..., ratio ...
# (ratio = java / pytorch; below 1 the Java trainer is faster).
#
# Environment: MNIST_DIR (default data/mnist), BENCH_ROUNDS (default 3),
#              BENCH_DEEP (default 1; 0 skips the deep RNN's runs),
#              BENCH_LSTM (default 1; 0 skips the LSTM's runs, the longest: about 100 s an epoch for PyTorch),
#              JAVA_OPTS (extra JVM options for the Java runs, e.g. -Drnn.gemm=java),
#              RNN_JAR (the helper jar; default lib/target/rnn-notebooks.jar, built if missing),
#              OPENBLAS_NUM_THREADS for the Java runs (default 1: the system OpenBLAS's own threads
#              spin against each other and anything else on 2 cores, and PyTorch runs 1 thread too),
#              PYTHON (the Python with torch; default Debian's /usr/bin/python3, not a pyenv one on PATH).
# Debian or Ubuntu only: it installs PyTorch and OpenBLAS with apt-get.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${RNN_JAR:-$ROOT/lib/target/rnn-notebooks.jar}"
BENCH_JAR="$ROOT/tools/bench/target/bench.jar"
MNIST_DIR="${MNIST_DIR:-$ROOT/data/mnist}"
ROUNDS="${BENCH_ROUNDS:-3}"
PYTORCH_SCRIPT="$ROOT/../shared/bench/pytorch_mnist_rnn.py"
PYTHON="${PYTHON:-/usr/bin/python3}"
DEEP="${BENCH_DEEP:-1}"
# the chapter's deep RNN: the same options on both sides (Bench and the PyTorch script take the same names)
DEEP_MODEL=(--layers 3 --neurons 100 --activation relu)
LSTM="${BENCH_LSTM:-1}"
# the chapter's LSTM, the same options on both sides too
LSTM_MODEL=(--cell lstm --layers 3 --neurons 150)

die() { echo "bench.sh: $*" >&2; exit 1; }

[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROUNDS must be a positive whole number, got '$ROUNDS'"
[[ "$DEEP" == 0 || "$DEEP" == 1 ]] || die "BENCH_DEEP must be 0 or 1, got '$DEEP'"
[[ "$LSTM" == 0 || "$LSTM" == 1 ]] || die "BENCH_LSTM must be 0 or 1, got '$LSTM'"
[[ -f "$MNIST_DIR/train-images-idx3-ubyte" ]] || die "no MNIST in $MNIST_DIR (run ./build.sh data, or set MNIST_DIR)"
[[ -f "$PYTORCH_SCRIPT" ]] || die "the PyTorch reference is missing: expected $PYTORCH_SCRIPT"
if [[ ! -f "$JAR" || ! -f "$BENCH_JAR" ]]; then
  "$ROOT/build.sh" build || die "the helper jar did not build"
fi
# PyTorch for the reference run (required), and OpenBLAS as the system BLAS (libblas.so.3) for the Java
# run's native path (wanted: without it the Java run takes its pure-Java path); both from Debian's packages.
install_debian() {
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >&2
}
if ! "$PYTHON" -c "import torch" 2>/dev/null; then
  echo "installing python3-torch (Debian) ..." >&2
  install_debian python3-torch || die "PyTorch is needed for the comparison: could not install python3-torch"
fi
blas="$({ /sbin/ldconfig -p || ldconfig -p || true; } 2>/dev/null | awk '$1 == "libblas.so.3" && !found { print $NF; found = 1 }')"
if [[ -z "$blas" || "$(readlink -f "$blas")" != *openblas* ]]; then  # linux-only
  echo "installing libopenblas0-pthread (Debian) ..." >&2
  install_debian libopenblas0-pthread || echo "bench.sh: no OpenBLAS; the Java run takes its pure-Java path" >&2
fi

# value of key=... in the text on stdin, e.g. train_seconds=3.21 -> 3.21
field() { { grep -o "$1=[0-9.]*" || true; } | tail -1 | cut -d= -f2; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

# one epoch of each side; extra arguments choose the model (none: the seed's)
java_run() {
  # shellcheck disable=SC2086
  OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}" java ${JAVA_OPTS:-} -cp "$JAR:$BENCH_JAR" rnn.bench.Bench --data "$MNIST_DIR" "$@" 2>&1
}
torch_run() { OMP_NUM_THREADS=1 "$PYTHON" "$PYTORCH_SCRIPT" "$MNIST_DIR" 1 1 "$@" 2>&1; }
# train_seconds of a run's output ($1), or that output and an error naming the run ($2)
seconds_of() {
  local s
  s="$(field train_seconds <<<"$1")"
  [[ -n "$s" ]] || { echo "$1" >&2; die "$2 printed no train_seconds"; }
  echo "$s"
}

java_s=(); torch_s=(); infer_s=(); rss=(); deep_java_s=(); deep_torch_s=(); lstm_java_s=(); lstm_torch_s=()
for ((round = 1; round <= ROUNDS; round++)); do
  out="$(java_run)" || { echo "$out" >&2; die "the Java run failed"; }
  java_s+=("$(seconds_of "$out" "the Java run")")
  infer_s+=("$(field inference_seconds <<<"$out")"); rss+=("$(field peak_rss_mib <<<"$out")")
  echo "round $round java:    $(grep -E '^(epoch|inference|peak|gemm)' <<<"$out" | tr '\n' ' ')"

  out="$(torch_run)" || { echo "$out" >&2; die "the PyTorch run failed"; }
  torch_s+=("$(seconds_of "$out" "the PyTorch run")")
  echo "round $round pytorch: $(grep -E '^epoch' <<<"$out")"

  if [[ "$DEEP" == 1 ]]; then
    out="$(java_run "${DEEP_MODEL[@]}")" || { echo "$out" >&2; die "the Java run of the deep RNN failed"; }
    deep_java_s+=("$(seconds_of "$out" "the Java run of the deep RNN")")
    echo "round $round java deep rnn:    $(grep -E '^epoch' <<<"$out")"

    out="$(torch_run "${DEEP_MODEL[@]}")" || { echo "$out" >&2; die "the PyTorch run of the deep RNN failed"; }
    deep_torch_s+=("$(seconds_of "$out" "the PyTorch run of the deep RNN")")
    echo "round $round pytorch deep rnn: $(grep -E '^epoch' <<<"$out")"
  fi

  if [[ "$LSTM" == 1 ]]; then
    out="$(java_run "${LSTM_MODEL[@]}")" || { echo "$out" >&2; die "the Java run of the LSTM failed"; }
    lstm_java_s+=("$(seconds_of "$out" "the Java run of the LSTM")")
    echo "round $round java lstm:    $(grep -E '^epoch' <<<"$out")"

    out="$(torch_run "${LSTM_MODEL[@]}")" || { echo "$out" >&2; die "the PyTorch run of the LSTM failed"; }
    lstm_torch_s+=("$(seconds_of "$out" "the PyTorch run of the LSTM")")
    echo "round $round pytorch lstm: $(grep -E '^epoch' <<<"$out")"
  fi
done

# "epoch seconds<label>: java J, pytorch P, ratio J/P" from the medians of the two lists' runs
ratio_line() { awk -v l="$1" -v j="$2" -v p="$3" 'BEGIN { printf "epoch seconds%s: java %.1f, pytorch %.1f, ratio %.2f\n", l, j, p, j / p }'; }

echo "medians over $ROUNDS rounds: java inference of 10,000 test images $(median "${infer_s[@]}") s, java peak RSS $(median "${rss[@]}") MiB"
ratio_line "" "$(median "${java_s[@]}")" "$(median "${torch_s[@]}")"
if [[ "$DEEP" == 1 ]]; then
  ratio_line ", deep rnn (3 layers of 100 relu)" "$(median "${deep_java_s[@]}")" "$(median "${deep_torch_s[@]}")"
fi
if [[ "$LSTM" == 1 ]]; then
  ratio_line ", lstm (3 layers of 150)" "$(median "${lstm_java_s[@]}")" "$(median "${lstm_torch_s[@]}")"
fi
