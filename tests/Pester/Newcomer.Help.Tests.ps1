#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# What a newcomer hit in the help (issue 10): example output joined into one line, markdown backticks in console help,
# and Get-Help -Online failing on every cmdlet.

BeforeDiscovery {
    # The per-cmdlet cases are built when Pester discovers the tests, so the module is imported for discovery too.
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    $cmdletCases = @(Get-Command -Module CallbackLab -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
    if ($cmdletCases.Count -lt 20) { throw "Only $($cmdletCases.Count) CallbackLab cmdlets found at discovery." }
}

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    $script:projectUri = (Import-PowerShellDataFile $manifest).PrivateData.PSData.ProjectUri
}

Describe 'Example output in help' {
    It 'keeps the table of <Cmdlet> example 1 line for line' -TestCases @(
        @{ Cmdlet = 'Get-DynVars'; Row = '1  4694096861 3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58 14085267209' }
        @{ Cmdlet = 'New-WxccCallbackTask'; Row = '6b0c…                                       201 3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58 14085267209    CallbackLab_…' }
    ) {
        $remarks = (Get-Help $Cmdlet -Examples).examples.example[0].remarks.Text -join "`n"
        $lines = $remarks -split "`r?`n"
        $lines | Should -Contain $Row
        # The header, its rule and the row are three lines, not one joined line.
        $index = [array]::IndexOf($lines, $Row)
        $lines[$index - 1] | Should -Match '^-+( +-+)+$'
        $lines[$index - 2] | Should -Match '^Id '
    }
}

Describe 'Console help is plain text' {
    It 'shows no markdown backticks or bold marks in the descriptions of <Name>' -ForEach $cmdletCases {
        $help = Get-Help $Name -Full
        $prose = @($help.Synopsis) + @($help.description.Text) + @($help.parameters.parameter.description.Text) + @($help.alertSet.alert.Text)
        $prose.Count | Should -BeGreaterThan 2
        ($prose -join "`n") | Should -Not -Match '`|\*\*[A-Za-z]' # *** (a redacted value) is text, **word** is markdown
    }

    It 'still shows the words the backticks marked' {
        (Get-Help Get-DynVars).description.Text -join ' ' | Should -Match 'Reads the DynVars resource'
    }
}

Describe 'Get-Help -Online' {
    It 'points <Name> at its page in the repository docs' -ForEach $cmdletCases {
        (Get-Command $Name).HelpUri | Should -Be "$projectUri/blob/main/docs/en-US/$Name.md"
        Join-Path $PSScriptRoot "../../docs/en-US/$Name.md" | Should -Exist
    }

    It 'opens the cmdlet page in the browser' -Skip:($IsWindows -or -not $IsLinux) {
        # .NET opens a URI on Linux through xdg-open on PATH: a stand-in records what it was asked to open.
        $bin = Join-Path $TestDrive 'bin'
        $null = New-Item -ItemType Directory $bin -Force
        $opened = Join-Path $TestDrive 'opened.txt'
        Set-Content (Join-Path $bin 'xdg-open') "#!/bin/sh`necho `"`$1`" >> '$opened'`n"
        chmod +x (Join-Path $bin 'xdg-open')
        $path = $env:PATH
        try {
            $env:PATH = $bin + [IO.Path]::PathSeparator + $path
            Get-Help Get-DynVars -Online -ErrorAction Stop
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while (-not (Test-Path $opened) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        } finally {
            $env:PATH = $path
        }
        Get-Content $opened | Should -Be "$projectUri/blob/main/docs/en-US/Get-DynVars.md"
    }
}
