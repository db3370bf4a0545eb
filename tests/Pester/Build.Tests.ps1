#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The repository as a newcomer and a user meet it: a fresh clone runs the README's main-job command with no pwsh on
# PATH, and the package installs with PSResourceGet and runs the lab by module name in a new pwsh.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    $script:repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:shippedManifest = $manifest

    # The command line that starts a new pwsh like this one: the .NET tool runs as `dotnet pwsh.dll`.
    function Get-PwshCommand {
        # [Environment]::ProcessPath is .NET 6+; Windows PowerShell has only the process's own path.
        $exe = if ([Environment]::ProcessPath) { [Environment]::ProcessPath } else { (Get-Process -Id $PID).Path }
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { return @($exe, (Join-Path $PSHOME 'pwsh.dll')) }
        @($exe)
    }

    # Runs $Script in a new pwsh and returns its output lines and exit code.
    function Invoke-NewPwsh([string] $Script) {
        $pwsh = @(Get-PwshCommand)
        $rest = @($pwsh | Select-Object -Skip 1) + @('-NoLogo', '-NoProfile', '-NonInteractive', '-Command', $Script)
        $lines = @(& $pwsh[0] @rest 2>&1 | ForEach-Object { "$_" })
        [pscustomobject]@{ Lines = $lines; ExitCode = $LASTEXITCODE }
    }
}

Describe 'The README main-job command on a fresh clone' -Skip:($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
    # ./build.sh is the Unix bootstrap; on Windows the README's other route (dotnet pwsh ./build.ps1) applies.
    BeforeAll {
        $script:clone = Join-Path $TestDrive 'clone'
        $head = (& git -C $repoRoot rev-parse HEAD).Trim()
        & git clone --quiet --no-hardlinks $repoRoot $clone
        & git -C $clone checkout --quiet $head
        $script:noPwshPath = (($env:PATH -split [IO.Path]::PathSeparator) |
                Where-Object { $_ -and -not (Test-Path (Join-Path $_ 'pwsh')) }) -join [IO.Path]::PathSeparator
        $saved = $env:PATH
        try {
            $env:PATH = $noPwshPath
            $script:pwshOnPath = Get-Command pwsh -CommandType Application -ErrorAction SilentlyContinue
            $script:first = @(& (Join-Path $clone 'build.sh') -Task Demo 2>&1 | ForEach-Object { "$_" })
            $script:firstExit = $LASTEXITCODE
            $script:second = @(& (Join-Path $clone 'build.sh') -Task Demo 2>&1 | ForEach-Object { "$_" })
            $script:secondExit = $LASTEXITCODE
        }
        finally { $env:PATH = $saved }
    }

    It 'runs with no pwsh on PATH, builds only the module, prints the verdict and exits 0' {
        $pwshOnPath | Should -BeNullOrEmpty
        $firstExit | Should -Be 0 -Because ($first -join "`n")
        $first | Should -Contain "Building the module (Debug): $clone/src/CallbackLab/CallbackLab.csproj"
        $first[-1] | Should -Be 'PASSED: the callback on global error lab works end to end.'
        Test-Path (Join-Path $clone 'out/CallbackLab/CallbackLab.dll') | Should -BeTrue
        Test-Path (Join-Path $clone 'tests/CallbackLab.PowerShell.Tests/bin') | Should -BeFalse
        Test-Path (Join-Path $clone 'tests/Benchmarks/bin') | Should -BeFalse
    }

    It 'reads at 80 columns when piped: looked-up values whole, the expected error marked, ports in words' {
        # The demo's own lines: from its title on (the build's lines before it name the clone's long temp path).
        $title = [array]::IndexOf($first, ($first -match '^CallbackLab: ' | Select-Object -First 1))
        $title | Should -BeGreaterOrEqual 0
        $first[$title..($first.Count - 1)] | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        $first | Should -Contain '    outdialcbid   3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58'
        $first | Should -Contain '    customANI     14085267209'
        ($first -match '^    EXPECTED      the lab''s deliberate error').Count | Should -Be 1
        $first | Should -Contain '     2. Main/WantCallback -> pressed 3'
        $first | Should -Contain '     3. Main/GET_CBID -> HTTP 200'
        $first | Should -Contain '     8. OnGlobalError/HTTPStatusCode -> true branch'
        ($first -match '^(PASSED|FAILED)').Count | Should -Be 1
    }

    It 'skips the build on the second run and passes again' {
        $secondExit | Should -Be 0
        $second | Should -Contain "Module folder is up to date: $clone/out/CallbackLab"
        $second | Should -Not -Contain "Building the module (Debug): $clone/src/CallbackLab/CallbackLab.csproj"
        $second[-1] | Should -Be 'PASSED: the callback on global error lab works end to end.'
    }
}

Describe 'The demo in a new pwsh (this working tree)' {
    It 'walks the lab and ends with one PASSED line and exit code 0, leaving no emulator running' {
        $demo = Join-Path $repoRoot 'examples/Invoke-LabDemo.ps1'
        $run = Invoke-NewPwsh "& '$demo' -ManifestPath '$shippedManifest'; `$code = `$LASTEXITCODE; 'emulators left: ' + @(Get-CallbackLabEmulator).Count; exit `$code"
        $run.ExitCode | Should -Be 0 -Because ($run.Lines -join "`n")
        $run.Lines[-1] | Should -Be 'emulators left: 0'
        $lines = $run.Lines[0..($run.Lines.Count - 2)]
        $lines[-1] | Should -Be 'PASSED: the callback on global error lab works end to end.'
        ($lines -match '^(PASSED|FAILED)').Count | Should -Be 1
        $lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        $lines | Should -Contain '    dn            4694096861'
        $lines | Should -Contain '    tasks         1 callback task(s) created with HTTP 201'
        $lines | Should -Contain '     7. OnGlobalError/CallBackAPI_Request -> HTTP 201'
        ($lines -join ' ') -replace ' +', ' ' | Should -BeLike '*Unexpected token of value "123" and type NUMBER, expected token of type NAME*'
    }

    It 'ends with one FAILED line and exit code 1 when the lab fails' {
        # A DNIS with no DynVars record: GET_CBID finds nothing, WxCC refuses the callback task, the lab fails.
        $demo = Join-Path $repoRoot 'examples/Invoke-LabDemo.ps1'
        $run = Invoke-NewPwsh "& '$demo' -ManifestPath '$shippedManifest' -Dnis +19999999999; exit `$LASTEXITCODE"
        $run.ExitCode | Should -Be 1
        $run.Lines[-1] | Should -Be 'FAILED: the callback on global error lab did not pass (see above).'
        ($run.Lines -match '^(PASSED|FAILED)').Count | Should -Be 1
        $run.Lines | Should -Contain '     3. Main/GET_CBID -> HTTP 404'
        $run.Lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
    }
}

Describe 'Installing the package the way users will' -Skip:($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
    # HOME points at a scratch folder for the installing and importing pwsh, so the PSResourceGet repository and the
    # CurrentUser module scope are both scratch (Linux and macOS keep both under HOME).
    BeforeAll {
        $pwsh = @(Get-PwshCommand)
        $rest = @($pwsh | Select-Object -Skip 1) + @('-NoLogo', '-NoProfile', '-NonInteractive', '-File', (Join-Path $repoRoot 'build.ps1'), '-Task', 'Package')
        $script:packageOutput = @(& $pwsh[0] @rest 2>&1 | ForEach-Object { "$_" })
        $script:packageExit = $LASTEXITCODE
        $script:feed = Join-Path $repoRoot 'artifacts/feed'
        $script:version = (Import-PowerShellDataFile (Join-Path $repoRoot 'CallbackLab.psd1')).ModuleVersion

        $script:scratchHome = Join-Path $TestDrive 'home'
        $null = New-Item -ItemType Directory $scratchHome
        $saved = @{ HOME = $env:HOME; PSModulePath = $env:PSModulePath }
        try {
            $env:HOME = $scratchHome
            $env:PSModulePath = $null
            $script:install = Invoke-NewPwsh @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name CallbackLabScratch -Uri '$feed' -Trusted
(Install-PSResource -Name CallbackLab -Repository CallbackLabScratch -Scope CurrentUser -PassThru).Version.ToString()
"@
            $script:run = Invoke-NewPwsh @'
$ErrorActionPreference = 'Stop'
Import-Module CallbackLab
$module = Get-Module CallbackLab
$module.ModuleBase
$module.Version.ToString()
$null = Start-CallbackLabEmulator
Invoke-IvrSimulation -Digits 3 | Test-CallbackFlow -Quiet
(Test-ModuleManifest (Join-Path $module.ModuleBase 'CallbackLab.psd1')).Name
'@
        }
        finally {
            $env:HOME = $saved.HOME
            $env:PSModulePath = $saved.PSModulePath
        }
        $script:installed = Join-Path $scratchHome ".local/share/powershell/Modules/CallbackLab/$version"
    }

    It 'builds the package in Release and says so in its banner' {
        $packageExit | Should -Be 0 -Because ($packageOutput -join "`n")
        $packageOutput | Should -Contain '== Package (Release)'
        Test-Path (Join-Path $feed "CallbackLab.$version.nupkg") | Should -BeTrue
    }

    It 'installs from the feed folder with Install-PSResource into the scratch CurrentUser scope' {
        $install.ExitCode | Should -Be 0 -Because ($install.Lines -join "`n")
        $install.Lines[-1] | Should -Be $version
        Test-Path (Join-Path $installed 'CallbackLab.dll') | Should -BeTrue
    }

    It 'imports by name in a new pwsh and runs the lab: Invoke-IvrSimulation -Digits 3 | Test-CallbackFlow -Quiet is True' {
        $run.ExitCode | Should -Be 0 -Because ($run.Lines -join "`n")
        $run.Lines[0] | Should -Be $installed
        $run.Lines[1] | Should -Be $version
        $run.Lines[2] | Should -Be 'True'
        $run.Lines[3] | Should -Be 'CallbackLab'
    }

    It 'carries what its manifest points at: the licence and the release notes' {
        $data = Import-PowerShellDataFile (Join-Path $installed 'CallbackLab.psd1')
        $data.PrivateData.PSData.ReleaseNotes | Should -BeLike '*CHANGELOG.md*'
        $data.PrivateData.PSData.LicenseUri | Should -BeLike '*/LICENSE'
        Get-Content -Raw (Join-Path $installed 'CHANGELOG.md') | Should -Be (Get-Content -Raw (Join-Path $repoRoot 'CHANGELOG.md'))
        Get-Content -Raw (Join-Path $installed 'LICENSE') | Should -Be (Get-Content -Raw (Join-Path $repoRoot 'LICENSE'))
        Get-Content -Raw (Join-Path $installed 'LICENSE') | Should -Match 'MIT License'
    }
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest where it ships (the root CallbackLab.psd1 is the template the build copies unchanged)' {
        (Test-ModuleManifest $shippedManifest -ErrorAction Stop).Name | Should -Be 'CallbackLab'
        Get-Content -Raw $shippedManifest | Should -BeExactly (Get-Content -Raw (Join-Path $repoRoot 'CallbackLab.psd1'))
        Get-Content -Raw (Join-Path $repoRoot 'CallbackLab.psd1') | Should -Match 'TEMPLATE'
    }
}
