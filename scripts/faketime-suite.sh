#!/usr/bin/env bash
# The whole suite under a shifted wall clock (Debian's faketime / libfaketime), beside CI rather
# than inside its 15 minutes: a test that reads the wall clock instead of the injected clock
# fails here. Default times: 31 December 2026 at 00:30, 10:30, 13:30 and 23:59 (UTC); the last
# one crosses midnight and the year while the suite runs. Give other times as arguments:
#   scripts/faketime-suite.sh '@2026-12-31 23:59:00' '@2027-02-28 12:00:00'
# Store suites run when AANZET_TEST_REDIS / AANZET_TEST_POSTGRES are set (as in .ci/run); the
# servers themselves keep the real time. Monotonic clocks are left alone
# (FAKETIME_DONT_FAKE_MONOTONIC=1), so timers and timeouts still work. FAKETIME_DONT_RESET=1 keeps
# one timeline for every process: without it each child (vitest workers, the CLI a test starts)
# begins again at the given time, and processes that agree on a moment (a race start) never meet.
set -uo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null 2>&1 || { echo "faketime not found: apt-get install -y faketime" >&2; exit 2; }

times=("$@")
if [ ${#times[@]} -eq 0 ]; then
  times=('@2026-12-31 00:30:00' '@2026-12-31 10:30:00' '@2026-12-31 13:30:00' '@2026-12-31 23:59:00')
fi

failed=0
for t in "${times[@]}"; do
  echo "=== npm test at ${t} (TZ=${TZ:-UTC}) ==="
  if TZ="${TZ:-UTC}" FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_DONT_RESET=1 faketime -f "$t" npm test; then
    echo "=== ${t}: passed ==="
  else
    echo "=== ${t}: FAILED ===" >&2
    failed=1
  fi
done
exit "$failed"
