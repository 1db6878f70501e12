#!/usr/bin/env bash
# The emovox test suite, as CI runs it: installs what the tests need when
# run as root, checks formatting and vet, runs every test (and the
# pocketsphinx-tagged build), then fuzzes each decoder for a short time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

# The tools and libraries the tests need: sox and flac (reference
# decoders), chromium (the browser test of the web page) and pocketsphinx
# (the ASR backend built with -tags pocketsphinx).
packages=(sox flac chromium fonts-dejavu-core pkg-config libpocketsphinx-dev pocketsphinx-en-us)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing ${missing[*]} and not root; the tests that need them will skip" >&2
  fi
fi

unformatted=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:" >&2
  echo "$unformatted" >&2
  exit 1
fi
go vet ./...
go test -count=1 ./...
# The pocketsphinx ASR backend is behind a build tag (cgo); build and test it too.
if pkg-config --exists pocketsphinx sphinxbase 2>/dev/null; then
  go vet -tags pocketsphinx ./asr/... ./cmd/emovox/
  go test -count=1 -tags pocketsphinx ./asr/...
  go test -count=1 -tags pocketsphinx -run Transcribe ./cmd/emovox/
elif [ "${CI:-}" = true ]; then
  echo "test.sh: pocketsphinx is not installed" >&2
  exit 1
fi

# Each fuzz target runs for a short while: the decoders, and anything else
# that takes untrusted bytes or samples. The budgets are counts of inputs,
# about 20 s each on an idle 2-core machine, not durations: Go 1.26's
# fuzzing coordinator can report a spurious "context deadline exceeded"
# when a -fuzztime duration ends while a worker is mid-input on a loaded
# machine (go.dev/issue/75804, fixed in Go 1.27); a count has no deadline
# to race. FUZZTIME (such as 5m or 100000x) overrides every budget.
declare -A budget=(
  [./audio/]=400000x [./features/is09/]=40000x [./nn/safetensors/]=1000000x [./reward/]=800000x
  [./server/]=40000x [./server/stream/]=5000x [./asr/wer/]=500000x
)
for pkg in ./audio/ ./features/is09/ ./nn/safetensors/ ./reward/ ./server/ ./server/stream/ ./asr/wer/; do
  for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz'); do
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "${FUZZTIME:-${budget[$pkg]}}" -fuzzminimizetime 2s "$pkg"
  done
done
