#!/usr/bin/env bash
# Builds the IEmoNet fusion table of the README: SER alone, TER alone and
# their fusion (a block trained on the frozen branches' penultimate layers),
# with provided, recognised (ASR) and simulated 6%-WER transcripts, WA and
# UA as mean ± population std over folds × runs.
#
#   corpus    RAVDESS speech, actors 01-20 of ../shared/data/ravdess, the
#             five emotions it shares with dair-ai: happy, sad, angry,
#             fearful, surprised (800 files; neutral, calm and disgust have
#             no dair-ai class and are left out)
#   settings  "paired": every clip read with a held-out dair-ai sentence of
#             its emotion (joy, sadness, anger, fear, surprise; emovox fuse
#             pairs, seed PAIR_SEED): a dair-ai *validation* sentence when
#             the clip trains or validates a block, a dair-ai *test*
#             sentence when it is tested. The text branch is trained on
#             dair-ai train only.
#             "real": every clip read with its own RAVDESS statement ("Kids
#             are talking by the door" / "Dogs are sitting by the door"),
#             which carries no emotion.
#   split     speaker-independent 5-fold cross-validation (speaker-kfold,
#             4 actors per fold, 2 male + 2 female, seed SEED); in every
#             fold 10% of the 16 training actors (2) are held out for early
#             stopping, the same actors for the SER branch and the blocks
#   SER       IEmoNet's acoustic branch (emovox train --model iemonet) per
#             fold, trained on the fold's training actors with the settings
#             of scripts/iemonet-accuracy.sh (20 epochs, patience 10,
#             centre truncation), frozen
#   TER       IEmoNet's text branch (emovox ter train, BERT from scratch,
#             dair-ai train), frozen; TEXT=lexicon uses the keyword
#             baseline (naive Bayes on dair-ai train) instead
#   blocks    dropout 0.3 -> Linear(A+T -> 128) -> ReLU -> Linear(-> 5),
#             Adam 1e-3, batch 32, class weights, <= 100 epochs, patience 15
#             on validation UA; RUNS runs per fold (seeds SEED, SEED+1, ...)
#   ASR       pocketsphinx (asr/sphinx, build tag pocketsphinx) on every
#             clip of the real setting when it builds; the blocks train and
#             are tested on its transcripts, as on the simulated ones. The
#             paired sentences are not spoken, so the paired setting has no
#             ASR row
#
# Outputs go to OUT (default /tmp/emovox-fusion; existing models there are
# reused): table.md, results.json (every fold's WA and UA), the split, the
# pairs, the models and logs. Override SER=FILE or TER=FILE to use models
# trained elsewhere (SER per fold: FILE.fold-N.safetensors, as emovox train
# writes them). Measured on the shared 2-core machine (crowded): the SER
# branch 30 minutes, the TER branch 21 minutes, ASR (800 clips, 2 jobs)
# about 35 minutes, the blocks and the table 3 minutes.
#
# IEMOCAP=DIR runs the same experiment on IEMOCAP (iemocap4 classes,
# leave-one-session-out, corpus transcripts, TER on GoEmotions mapped to
# the four classes) instead of RAVDESS.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

out="${OUT:-/tmp/emovox-fusion}"
cache="${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/emovox/features}"
seed="${SEED:-1}"
runs="${RUNS:-3}"
pair_seed="${PAIR_SEED:-1}"
text="${TEXT:-ter}"
mkdir -p "$out" "$cache"
bin="$out/emovox"
go build -o "$bin" ./cmd/emovox
log() { echo "== $*" >&2; }

if [[ -n "${IEMOCAP:-}" ]]; then
  corpus="iemocap:$IEMOCAP"
  labels=iemocap4
  split_flags=(--protocol session)
  ter_data=goemotions
  settings=real
else
  corpus="ravdess:../shared/data/ravdess"
  labels="happy=happy,sad=sad,angry=angry,fear=fear,surprise=surprise"
  split_flags=(--protocol speaker-kfold --folds 5)
  ter_data=dair-ai
  settings=paired,real
fi

# 1. The split, shared by the SER branch and the blocks.
if [[ ! -f "$out/split.json" ]]; then
  log "split"
  "$bin" split "${split_flags[@]}" --seed "$seed" --labels "$labels" --corpus "$corpus" -o "$out/split.json"
fi

# 2. The acoustic branch, one model per fold.
ser="${SER:-$out/ser.safetensors}"
if ! ls "${ser%.safetensors}".*.safetensors >/dev/null 2>&1; then
  log "SER branch: emovox train --model iemonet (log: $out/ser.log)"
  nice -n 10 "$bin" train --model iemonet --labels "$labels" --corpus "$corpus" --split "$out/split.json" \
    --seed "$seed" --epochs 20 --patience 10 --monitor ua --truncate centre --cache "$cache" \
    -o "$ser" >"$out/ser.txt" 2>"$out/ser.log"
fi

# 3. The text branch.
if [[ "$text" == lexicon ]]; then
  text_flags=(--lexicon train)
  [[ "$ter_data" == dair-ai ]] || { echo "TEXT=lexicon is for dair-ai only" >&2; exit 2; }
else
  ter="${TER:-$out/ter.safetensors}"
  if [[ ! -f "$ter" ]]; then
    log "TER branch: emovox ter train --dataset $ter_data (log: $out/ter.log)"
    nice -n 10 "$bin" ter train --dataset "$ter_data" --recipe scratch --seed "$seed" -o "$ter" \
      --log "$out/ter-epochs.jsonl" >"$out/ter.txt" 2>"$out/ter.log"
  fi
  text_flags=(--ter "$ter")
fi

# 4. The paired benchmark's label file (RAVDESS only).
pair_flags=()
if [[ "$settings" == *paired* ]]; then
  "$bin" fuse pairs --corpus "$corpus" --seed "$pair_seed" -o "$out/pairs.jsonl"
  pair_flags=(--pairs "$out/pairs.jsonl")
fi

# 5. ASR transcripts of the real setting, when pocketsphinx builds. It
# decodes about 2.7 CPU-seconds per RAVDESS clip: about 36 CPU-minutes for
# the 800 clips. ASR=0 skips it.
asr_flags=(--asr-note "no ASR transcripts: pocketsphinx did not build or ASR=0 (see scripts/fusion-table.sh)")
if [[ "${ASR:-1}" != 0 && ! -f "$out/asr.jsonl" ]] && go build -tags pocketsphinx -o "$out/emovox-asr" ./cmd/emovox 2>"$out/asr-build.log"; then
  log "ASR: emovox transcribe --backend sphinx (log: $out/asr.log)"
  if [[ -n "${IEMOCAP:-}" ]]; then
    audio=("$IEMOCAP")
  else
    audio=(../shared/data/ravdess/Actor_*/03-01-0[34568]-*.wav) # the five paired emotions
  fi
  if nice -n 10 "$out/emovox-asr" transcribe --backend sphinx --corpus "${corpus%%:*}" --reference -j 2 "${audio[@]}" \
    >"$out/asr.jsonl.tmp" 2>"$out/asr.log"; then
    mv "$out/asr.jsonl.tmp" "$out/asr.jsonl"
  fi
fi
[[ -f "$out/asr.jsonl" ]] && asr_flags=(--asr-transcripts "$out/asr.jsonl")

# 6. The blocks and the table.
log "fusion: emovox fuse"
nice -n 10 "$bin" fuse --corpus "$corpus" --labels "$labels" --split "$out/split.json" --seed "$seed" \
  --ser "$ser" "${text_flags[@]}" "${pair_flags[@]}" "${asr_flags[@]}" --settings "$settings" \
  --runs "$runs" --cache "$cache" -o "$out/table.md" --json "$out/results.json"
