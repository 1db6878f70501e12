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

fuzztime="${FUZZTIME:-20s}"
# Each fuzz target runs for a short time: the decoders, and anything else
# that takes untrusted bytes or samples. The server's FuzzPredict is left
# out here (its seeds and regressions run in go test above): a whole
# request with a model and plots takes long enough that Go's fuzzing ends
# it with "context deadline exceeded" when the time is up mid-input. Run it
# by hand: go test -run '^$' -fuzz FuzzPredict -fuzztime 5m ./server/
for pkg in ./audio/ ./features/is09/ ./nn/safetensors/ ./reward/ ./server/stream/ ./asr/wer/; do
  for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz'); do
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -fuzzminimizetime 2s "$pkg"
  done
done
