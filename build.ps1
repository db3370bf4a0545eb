#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests, demonstrates and packages the CallbackLab module.

.DESCRIPTION
    One entry point for every task. `dotnet build` alone already lays out an importable module folder at
    out/CallbackLab; this script adds the PowerShell-side steps (Pester, help, packaging, the demo).

.PARAMETER Task
    What to run: Clean, Build, Test, Demo, Docs, Package. Several may be given; they run in order.

.PARAMETER Configuration
    The .NET build configuration (Debug or Release).

.EXAMPLE
    ./build.ps1 -Task Demo
    Runs the lab scenario against the embedded emulator.

.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release
    Runs the xUnit suites, then the Pester acceptance suite when Pester 5 is installed.
#>
[CmdletBinding()]
param(
    [ValidateSet('Clean', 'Build', 'Test', 'Demo', 'Docs', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$solution = Join-Path $root 'CallbackLab.sln'
$moduleFolder = Join-Path $root 'out/CallbackLab'
$manifest = Join-Path $moduleFolder 'CallbackLab.psd1'
$artifacts = Join-Path $root 'artifacts'

function Invoke-Native {
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $ArgumentList = @())
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) { throw "$FilePath $($ArgumentList -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Clean {
    foreach ($path in @($moduleFolder, $artifacts)) {
        if (Test-Path $path) { Remove-Item $path -Recurse -Force }
    }
    Invoke-Native dotnet @('clean', $solution, '-c', $Configuration, '-v', 'q')
}

function Invoke-Build {
    Invoke-Native dotnet @('build', $solution, '-c', $Configuration)
    Write-Host "Module folder: $moduleFolder"
}

function Invoke-Test {
    Invoke-Native dotnet @('test', $solution, '-c', $Configuration)
    $pester = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0' | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed: skipping tests/Pester. Install-Module Pester -MinimumVersion 5.0 to run the acceptance suite.'
        return
    }
    Import-Module $pester -Force
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests/Pester'
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $env:CALLBACKLAB_MANIFEST = $manifest
    $result = Invoke-Pester -Configuration $config
    if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
}

function Invoke-Demo {
    if (-not (Test-Path $manifest)) { Invoke-Build }
    & (Join-Path $root 'examples/Invoke-LabDemo.ps1') -ManifestPath $manifest
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
    # The versioned module folder (artifacts/CallbackLab/<version>) and artifacts/feed/CallbackLab.<version>.nupkg,
    # a PowerShell Gallery style package: Install-PSResource / Install-Module accept it from a local repository.
    Invoke-Native dotnet @('build', $solution, '-c', 'Release')
    Invoke-Native dotnet @('run', '--project', (Join-Path $root 'tools/CallbackLab.Tools'), '-c', 'Release', '--', 'package', $root)
}

foreach ($step in $Task) {
    Write-Host "== $step ($Configuration)" -ForegroundColor Cyan
    & "Invoke-$step"
}
