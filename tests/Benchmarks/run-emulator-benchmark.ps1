# Reproduces the emulator throughput figures (see run-emulator-benchmark.sh): the CallbackLab emulator and json-server (npm)
# serving the same records, GET /flowdesigner/Lab/DynVars?dn=4694096861 with keep-alive, in one BenchmarkDotNet run. Not run by CI.
$ErrorActionPreference = 'Stop'
$tools = Join-Path ([System.IO.Path]::GetTempPath()) 'callbacklab-json-server'
$cli = Join-Path $tools 'node_modules/json-server/lib/cli/bin.js'
if (-not (Test-Path $cli)) {
    npm install --silent --no-audit --no-fund --prefix $tools json-server@0.17.4
}
$env:JSON_SERVER_BIN = $cli
dotnet run -c Release --project (Join-Path $PSScriptRoot 'CallbackLab.Benchmarks.csproj') -- --filter '*EmulatorThroughput*' @args
