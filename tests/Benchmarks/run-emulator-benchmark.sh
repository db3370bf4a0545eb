#!/usr/bin/env sh
# Reproduces the emulator throughput figures: the CallbackLab emulator and json-server (npm) serving the same DynVars records
# at the same URL, GET /flowdesigner/Lab/DynVars?dn=4694096861 over keep-alive loopback connections, in one BenchmarkDotNet run.
# Needs the .NET SDK, node and npm. Not run by CI.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tools="${TMPDIR:-/tmp}/callbacklab-json-server"
if [ ! -f "$tools/node_modules/json-server/lib/cli/bin.js" ]; then
    npm install --silent --no-audit --no-fund --prefix "$tools" json-server@0.17.4
fi
export JSON_SERVER_BIN="$tools/node_modules/json-server/lib/cli/bin.js"
cd "$here"
dotnet run -c Release --project CallbackLab.Benchmarks.csproj -- --filter '*EmulatorThroughput*' "$@"
