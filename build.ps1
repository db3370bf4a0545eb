#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests, demonstrates and packages the CallbackLab module.

.DESCRIPTION
    One entry point for every task. `dotnet build` alone already lays out an importable module folder at
    out/CallbackLab; this script adds the PowerShell-side steps (Pester, help, packaging, the demo).
    Runs in PowerShell 7.2+ and Windows PowerShell 5.1. On a machine with only the .NET SDK, run it through ./build.sh,
    which restores the repository's pinned PowerShell as a local .NET tool first.

.PARAMETER Task
    What to run: Clean, Build, Test, Pester, Demo, Docs, Package. Several may be given; they run in order.
    Test runs the xUnit suites (dotnet test) and then Pester; Pester runs only tests/Pester.

.PARAMETER Configuration
    The .NET build configuration (Debug or Release). Package always builds Release.

.EXAMPLE
    ./build.ps1 -Task Demo
    Runs the lab scenario against the embedded emulator; exits 0 when it passed, 1 when it did not.

.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release
    Runs the xUnit suites, then the Pester acceptance suite with Pester 5.9.1 (restored by the build).
#>
[CmdletBinding()]
param(
    [ValidateSet('Clean', 'Build', 'Test', 'Pester', 'Demo', 'Docs', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$solution = Join-Path $root 'CallbackLab.sln'
$moduleProject = Join-Path $root 'src/CallbackLab/CallbackLab.csproj'
$moduleFolder = Join-Path $root 'out/CallbackLab'
$manifest = Join-Path $moduleFolder 'CallbackLab.psd1'
# Written after a build of the module by this script: lets Demo and Pester skip `dotnet build` when nothing changed.
$moduleStamp = Join-Path $root 'out/module.stamp'
$artifacts = Join-Path $root 'artifacts'
$pesterProject = Join-Path $root 'tools/Pester.Restore/Pester.Restore.csproj'
$pesterVersion = '5.9.1'
$pesterResults = Join-Path $root 'TestResults/Pester.xml'

function Invoke-Native {
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $ArgumentList = @())
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) { throw "$FilePath $($ArgumentList -join ' ') failed with exit code $LASTEXITCODE." }
}

# True when out/CallbackLab was built by this script after the last change to anything the module is built from.
function Test-ModuleCurrent {
    if (-not (Test-Path $manifest) -or -not (Test-Path $moduleStamp)) { return $false }
    $built = (Get-Item $moduleStamp).LastWriteTimeUtc
    $projects = (Join-Path $root 'src/CallbackLab'), (Join-Path $root 'src/CallbackLab.Core')
    $inputs = @(
        # Top-level files and every folder but the build's own bin/ and obj/ (not walked: they hold thousands of files).
        Get-ChildItem $projects -File
        Get-ChildItem $projects -Directory | Where-Object Name -notin 'bin', 'obj' | Get-ChildItem -Recurse -File
        Get-Item (Join-Path $root 'CallbackLab.psd1'), (Join-Path $root 'Directory.Build.props'), (Join-Path $root 'Directory.Packages.props')
    )
    -not ($inputs | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1)
}

# Builds only the module project (and Core): what Demo and Pester need, not the tests or the benchmarks.
function Build-Module {
    if (Test-ModuleCurrent) {
        Write-Host "Module folder is up to date: $moduleFolder"
        return
    }
    Write-Host "Building the module ($Configuration): $moduleProject"
    Invoke-Native dotnet @('msbuild', $moduleProject, '-restore', '-v:q', '-nologo', '-tl:off', "-p:Configuration=$Configuration")
    Set-Content -Path $moduleStamp -Value $Configuration
}

function Invoke-Clean {
    foreach ($path in @($moduleFolder, $moduleStamp, $artifacts)) {
        if (Test-Path $path) { Remove-Item $path -Recurse -Force }
    }
    Invoke-Native dotnet @('clean', $solution, '-c', $Configuration, '-v', 'q')
}

function Invoke-Build {
    Invoke-Native dotnet @('build', $solution, '-c', $Configuration)
    Set-Content -Path $moduleStamp -Value $Configuration
    Write-Host "Module folder: $moduleFolder"
}

function Invoke-Test {
    Invoke-Native dotnet @('test', $solution, '-c', $Configuration)
    Set-Content -Path $moduleStamp -Value $Configuration
    Invoke-AcceptanceSuite
}

function Invoke-AcceptanceSuite {
    Build-Module
    Import-RestoredPester
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests/Pester'
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = $pesterResults
    $env:CALLBACKLAB_MANIFEST = $manifest
    # The suites run as a user's session does, not under this script's strict mode.
    Set-StrictMode -Off
    $result = Invoke-Pester -Configuration $config
    if ($result.TotalCount -eq 0) { throw "Pester found no tests under $($config.Run.Path.Value)." }
    if ($result.FailedCount -gt 0 -or $result.FailedContainersCount -gt 0) {
        throw "Pester: $($result.FailedCount) test(s) and $($result.FailedContainersCount) file(s) failed."
    }
    Write-Host "Pester $pesterVersion ran $($result.PassedCount) of $($result.TotalCount) tests with no failure (results: $pesterResults)."
}

# Restores Pester $pesterVersion from the NuGet feed (tools/Pester.Restore) and imports exactly that version.
function Import-RestoredPester {
    Invoke-Native dotnet @('restore', $pesterProject, '-v', 'q', '-nologo')
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $line = @(& dotnet nuget locals global-packages --list) -match '^global-packages: ' | Select-Object -First 1
        $packages = ([string] $line).Substring('global-packages: '.Length).Trim()
    }
    $pesterManifest = Join-Path $packages "pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $pesterManifest)) { throw "Pester $pesterVersion is missing: $pesterManifest was not restored." }
    Get-Module Pester | Remove-Module -Force
    Import-Module $pesterManifest -Force -Global
    $loaded = (Get-Module Pester).Version
    if ($loaded -ne [version] $pesterVersion) { throw "Pester $pesterVersion was expected, $loaded was imported." }
}

function Invoke-Demo {
    Build-Module
    & (Join-Path $root 'examples/Invoke-LabDemo.ps1') -ManifestPath $manifest
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Docs {
    # The committed MAML (src/CallbackLab/en-US/CallbackLab.dll-Help.xml) is generated from docs/en-US by the
    # repository's own generator, so it is identical on every machine (a test fails when it drifts).
    Invoke-Native dotnet @('run', '--project', (Join-Path $root 'tools/CallbackLab.Tools'), '-c', $Configuration, '--', 'help', $root)
    $platyPS = Get-Module -ListAvailable Microsoft.PowerShell.PlatyPS | Sort-Object Version -Descending | Select-Object -First 1
    if ($platyPS) {
        # Cross-check with PlatyPS where it is installed: the markdown must parse as command help.
        Import-Module $platyPS
        Get-ChildItem (Join-Path $root 'docs/en-US') -Filter '*-*.md' |
            ForEach-Object { Import-MarkdownCommandHelp -Path $_.FullName | Out-Null }
        Write-Host 'PlatyPS read every command page.'
    }
    Invoke-Build
}

function Invoke-Package {
    # A Release build of the module, laid out in its own folder (artifacts/module/CallbackLab) so that a module
    # imported from out/CallbackLab is never overwritten, then the versioned module folder
    # (artifacts/CallbackLab/<version>) and artifacts/feed/CallbackLab.<version>.nupkg, a PowerShell Gallery style
    # package: Install-PSResource / Install-Module accept it from a local repository.
    $releaseFolder = Join-Path $artifacts 'module/CallbackLab'
    Write-Host "Building the module (Release) into $releaseFolder"
    Invoke-Native dotnet @('msbuild', $moduleProject, '-restore', '-v:q', '-nologo', '-tl:off', '-p:Configuration=Release', "-p:ModuleOutputDir=$releaseFolder/")
    Invoke-Native dotnet @('run', '--project', (Join-Path $root 'tools/CallbackLab.Tools'), '-c', 'Release', '--', 'package', $root, $releaseFolder)
}

foreach ($step in $Task) {
    $shown = if ($step -eq 'Package') { 'Release' } else { $Configuration }
    Write-Host "== $step ($shown)" -ForegroundColor Cyan
    if ($step -eq 'Pester') { Invoke-AcceptanceSuite } else { & "Invoke-$step" }
}
