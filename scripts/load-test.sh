#!/usr/bin/env bash
# Load and fault tests of emovox serve (issue 8), over loopback TCP only.
#
#   (a) BenchmarkPredict3s (server/bench_test.go): 3-s RAVDESS clips
#       (16 kHz, 16-bit WAV, eight files of four actors) posted to
#       /v1/predict by 2·GOMAXPROCS concurrent keep-alive clients, default
#       model and limits. Prints throughput (clips/s) and the median and
#       99th-percentile latency the clients see (upload, decoding, features,
#       model, answer), once per -count.
#   (b) TestMalformedFlood (server/flood_test.go): 10,000 malformed requests
#       from 4 clients, then slow clients (slowloris headers, stalled bodies);
#       prints the answers per kind, the time taken, goroutines and live heap
#       before and after.
#
# Environment: BENCHTIME (default 300x: requests per run), COUNT (default 3
# runs), CPU (GOMAXPROCS values, default: the machine's), FLOOD=0 to skip (b).
# Needs ../shared/data/ravdess. Timings depend on the machine and its load:
# report them with the machine, its core count and what else was running.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

benchtime="${BENCHTIME:-300x}"
count="${COUNT:-3}"
cpu_flag=()
if [[ -n "${CPU:-}" ]]; then cpu_flag=(-cpu "$CPU"); fi

echo "== BenchmarkPredict3s: -benchtime $benchtime -count $count on $(nproc) cores (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
go test ./server -run '^$' -bench '^BenchmarkPredict3s$' -benchtime "$benchtime" -count "$count" "${cpu_flag[@]}" -timeout 30m |
  awk '/^BenchmarkPredict3s/ {
         for (i = 3; i < NF; i++) v[$(i+1)] = $i
         printf "%-28s %8.1f clips/s   p50 %7.1f ms   p99 %7.1f ms\n", $1, v["clips/s"], v["p50-ms"], v["p99-ms"]
         n++; c += v["clips/s"]; p50 += v["p50-ms"]; p99 += v["p99-ms"]
       }
       END { if (n) printf "%-28s %8.1f clips/s   p50 %7.1f ms   p99 %7.1f ms   (mean of %d runs)\n", "mean", c/n, p50/n, p99/n, n
             else { print "no benchmark result" > "/dev/stderr"; exit 1 } }'

if [[ "${FLOOD:-1}" != 0 ]]; then
  echo "== TestMalformedFlood" >&2
  go test ./server -run '^TestMalformedFlood$' -count 1 -v -timeout 10m |
    sed -n 's/^ *flood_test.go:[0-9]*: //p'
fi
