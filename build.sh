#!/usr/bin/env sh
# Bootstrap for machines with only the .NET SDK: restores the repository's pinned PowerShell (.config/dotnet-tools.json)
# as a local .NET tool, then runs build.ps1 with it. No global install, no admin rights.
# People who already have pwsh (or Windows PowerShell) can run ./build.ps1 directly.
set -eu
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
exec dotnet pwsh -NoLogo -NoProfile -File ./build.ps1 "$@"
