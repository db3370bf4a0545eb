#!/usr/bin/env bash
# Regenerates the Pebble golden suite where Java 17 and the Pebble oracle exist. CI never runs this: it compares the
# engine against the committed file. PEBBLE_ORACLE names the oracle wrapper (pebble-oracle from the shared tools).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
oracle="${PEBBLE_ORACLE:?set PEBBLE_ORACLE to the pebble-oracle wrapper (it needs a Java 17 runtime)}"
cd "$root"
if [ -n "${PEBBLE_FLOW_EXPORTS:-}" ]; then
  dotnet run --project tools/PebbleGolden -- extract-flows $PEBBLE_FLOW_EXPORTS
fi
dotnet run --project tools/PebbleGolden -- generate --oracle "$oracle" --out tests/CallbackLab.Core.Tests/Expressions/Golden/pebble-golden.json
