#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# What a newcomer hit with the API cmdlets (issue 10): Get-DynVars silently going to the public MockAPI project,
# Get-WxccTask prompting for -From, and no completion for -Id.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    function script:Complete([string] $line) {
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
    }
}

Describe 'Get-DynVars with nothing local set up' {
    BeforeEach {
        Get-CallbackLabEmulator | Stop-CallbackLabEmulator
        Disconnect-Wxcc -ErrorAction SilentlyContinue
    }

    It 'warns before it reads the public project, naming the fix, and before any request is sent' {
        # -WarningAction Stop turns the warning into the end of the command, so nothing leaves this machine.
        $caught = $null
        try { Get-DynVars -Dnis +14694096861 -WarningAction Stop 3>$null } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'ActionPreferenceStop,CallbackLab.Commands.GetDynVarsCommand'
        $caught.Exception.Message | Should -BeLike '*public MockAPI project (https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab)*'
        $caught.Exception.Message | Should -BeLike '*Start-CallbackLabEmulator*'
        $caught.Exception.Message | Should -BeLike '*-MockApiUri*'
    }

    It 'does not warn when an emulator is running or -MockApiUri is given' {
        $emu = Start-CallbackLabEmulator
        try {
            $record = Get-DynVars -Dnis +14694096861 -WarningVariable w
            $record.OutboundCallbackEp | Should -Be '3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58'
            $null = Get-DynVars -Dnis +14694096861 -MockApiUri $emu.MockApiUri -WarningVariable +w
            $w | Should -BeNullOrEmpty
        } finally {
            $emu | Stop-CallbackLabEmulator
        }
    }
}

Describe 'Get-WxccTask with no arguments' {
    BeforeAll {
        $script:emu = Start-CallbackLabEmulator
        Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 | Test-CallbackFlow -Quiet | Should -BeTrue
    }
    AfterAll { $emu | Stop-CallbackLabEmulator }

    It 'lists the tasks of the last 24 hours without prompting for -From' {
        $before = [DateTimeOffset]::Now.AddHours(-24).ToUnixTimeMilliseconds()
        $tasks = @(Get-WxccTask -ErrorAction Stop)
        $after = [DateTimeOffset]::Now.AddHours(-24).ToUnixTimeMilliseconds()
        $tasks.Count | Should -Be 1
        $tasks[0].Id | Should -Be $emu.Tasks[0].Id
        $query = (Get-CallbackLabRequest -Path /v1/tasks -Method GET)[-1].Query
        $from = [long]([regex]::Match($query, 'from=(\d+)').Groups[1].Value)
        $from | Should -BeGreaterOrEqual $before
        $from | Should -BeLessOrEqual $after
    }

    It 'takes the 24 hours before -To when only -To is given' {
        $to = [DateTimeOffset]::Now.AddDays(-3)
        $null = Get-WxccTask -To $to.LocalDateTime
        $query = (Get-CallbackLabRequest -Path /v1/tasks -Method GET)[-1].Query
        $from = [long]([regex]::Match($query, 'from=(\d+)').Groups[1].Value)
        $from | Should -Be $to.AddHours(-24).ToUnixTimeMilliseconds()
    }

    It 'says so in help' {
        $from = (Get-Help Get-WxccTask -Parameter From)
        $from.required | Should -Be 'false'
        $from.description.Text -join ' ' | Should -BeLike '*24 hours*'
    }
}

Describe 'Completion for -Id' {
    BeforeAll { $script:emu = Start-CallbackLabEmulator }
    AfterAll { $emu | Stop-CallbackLabEmulator }

    It 'completes -Id of <Command> with the ids of the records, showing each dn' -TestCases @(
        @{ Command = 'Get-DynVars' }
        @{ Command = 'Set-DynVars' }
        @{ Command = 'Remove-DynVars' }
    ) {
        $expected = @(Get-DynVars -All | ForEach-Object Id | Sort-Object { [int]$_ })
        $expected.Count | Should -BeGreaterThan 1
        Complete "$Command -Id " | Should -Be $expected
        $match = (TabExpansion2 -inputScript "$Command -Id 1" -cursorColumn "$Command -Id 1".Length).CompletionMatches
        $match[0].ToolTip | Should -BeLike '*dn 4694096861*'
    }
}
