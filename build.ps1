#Requires -Version 7.2
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

function Get-ModuleVersion {
    (Import-PowerShellDataFile (Join-Path $root 'CallbackLab.psd1')).ModuleVersion
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
    $platyPS = Get-Module -ListAvailable Microsoft.PowerShell.PlatyPS | Sort-Object Version -Descending | Select-Object -First 1
    if ($platyPS) {
        Import-Module $platyPS
        $help = Measure-PlatyPSMarkdown -Path (Join-Path $root 'docs/en-US/*-*.md') |
            Where-Object Filetype -Match 'CommandHelp' |
            Import-MarkdownCommandHelp -Path { $_.FilePath }
        Export-MamlCommandHelp -CommandHelp $help -OutputFolder (Join-Path $root 'artifacts/maml') -Force | Out-Null
        Write-Host 'PlatyPS MAML written to artifacts/maml for comparison.'
    }
    # The committed help is produced by the repository's own generator so it is the same on every machine.
    Invoke-Native dotnet @('run', '--project', (Join-Path $root 'tools/HelpGenerator'), '-c', $Configuration, '--', $root)
}

function Invoke-Package {
    Invoke-Build
    $version = Get-ModuleVersion
    $target = Join-Path $artifacts "CallbackLab/$version"
    if (Test-Path $target) { Remove-Item $target -Recurse -Force }
    New-Item -ItemType Directory -Path $target -Force | Out-Null
    Get-ChildItem $moduleFolder -Recurse -File |
        Where-Object { $_.Extension -notin '.pdb' } |
        ForEach-Object {
            $relative = [System.IO.Path]::GetRelativePath($moduleFolder, $_.FullName)
            $destination = Join-Path $target $relative
            New-Item -ItemType Directory -Path (Split-Path $destination) -Force | Out-Null
            Copy-Item $_.FullName $destination
        }

    $feed = Join-Path $artifacts 'feed'
    New-Item -ItemType Directory -Path $feed -Force | Out-Null
    if (Get-Command Publish-PSResource -ErrorAction SilentlyContinue) {
        $repoName = 'CallbackLabLocal'
        if (-not (Get-PSResourceRepository -Name $repoName -ErrorAction SilentlyContinue)) {
            Register-PSResourceRepository -Name $repoName -Uri $feed -Trusted
        }
        try { Publish-PSResource -Path $target -Repository $repoName }
        finally { Unregister-PSResourceRepository -Name $repoName }
    }
    else {
        $repoName = 'CallbackLabLocal'
        Register-PSRepository -Name $repoName -SourceLocation $feed -PublishLocation $feed -InstallationPolicy Trusted
        try { Publish-Module -Path $target -Repository $repoName }
        finally { Unregister-PSRepository -Name $repoName }
    }
    Get-ChildItem $feed -Filter '*.nupkg' | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}

foreach ($step in $Task) {
    Write-Host "== $step ($Configuration)" -ForegroundColor Cyan
    & "Invoke-$step"
}
