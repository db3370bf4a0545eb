#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# What a newcomer hit with the emulator cmdlets (issue 10): errors for stopping what is stopped, a silent
# Set-CallbackLabFault, no completion for -Method/-Path/-Port, and a table that cut both URIs at 80 columns.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    function script:Complete([string] $line) {
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
    }
}

Describe 'Stop-CallbackLabEmulator on what is already stopped' {
    BeforeEach { Get-CallbackLabEmulator | Stop-CallbackLabEmulator }

    It 'is a no-op with a verbose line when nothing is running' {
        $verbose = Stop-CallbackLabEmulator -Verbose -ErrorVariable err 4>&1
        $err | Should -BeNullOrEmpty
        $verbose.Message | Should -Be 'No CallbackLab emulator is running in this session; nothing to stop.'
    }

    It 'is a no-op with a verbose line for an emulator already stopped' {
        $emu = Start-CallbackLabEmulator
        $emu | Stop-CallbackLabEmulator
        $emu.IsRunning | Should -BeFalse
        $verbose = $emu | Stop-CallbackLabEmulator -Verbose -ErrorVariable err 4>&1
        $err | Should -BeNullOrEmpty
        $verbose.Message | Should -Be "The CallbackLab emulator at $($emu.Uri) is already stopped; nothing to do."
    }

    It 'still stops a running emulator' {
        $emu = Start-CallbackLabEmulator
        Stop-CallbackLabEmulator
        $emu.IsRunning | Should -BeFalse
        @(Get-CallbackLabEmulator).Count | Should -Be 0
    }
}

Describe 'Set-CallbackLabFault output' {
    BeforeAll { $script:emu = Start-CallbackLabEmulator }
    AfterAll { $emu | Stop-CallbackLabEmulator }

    It 'writes nothing by default and says in -Verbose which rule it installed' {
        $out = @(Set-CallbackLabFault -Path /v1/tasks -Method POST -StatusCode 503 -Count 1 -Verbose 4>$null)
        $out.Count | Should -Be 0
        $verbose = @(Set-CallbackLabFault -Path /v1/tasks -Method POST -StatusCode 503 -Count 1 -Verbose 4>&1) | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose.Message | Should -Contain "Fault installed on $($emu.Uri): POST /v1/tasks: status 503, 1 time. Add -PassThru to get the rule as an object; Clear-CallbackLabFault removes it."
    }

    It 'writes the rule with -PassThru' {
        $rule = Set-CallbackLabFault -Path /v1/tasks -StatusCode 429 -RetryAfterSeconds 2 -PassThru
        $rule | Should -BeOfType CallbackLab.Core.Emulator.FaultRule
        $rule.StatusCode | Should -Be 429
        $rule.PathPattern | Should -Be '/v1/tasks'
    }

    It 'documents None by default and FaultRule with -PassThru' {
        $outputs = @((Get-Help Set-CallbackLabFault).returnValues.returnValue)
        $outputs.type.name | Should -Be @('None', 'CallbackLab.Core.Emulator.FaultRule')
        $outputs[1].description.Text -join ' ' | Should -BeLike '*-PassThru*'
    }
}

Describe 'Completion for the emulator cmdlets' {
    BeforeAll {
        Get-CallbackLabEmulator | Stop-CallbackLabEmulator
        $script:emu = Start-CallbackLabEmulator
        $script:other = Start-CallbackLabEmulator -NoDefault
        $null = Invoke-IvrSimulation -Dnis +14694096861 -Digits 3
    }
    AfterAll { $emu, $other | Stop-CallbackLabEmulator }

    It 'completes -Port of <Command> with the running emulators' -TestCases @(
        @{ Command = 'Stop-CallbackLabEmulator' }
        @{ Command = 'Get-CallbackLabRequest' }
        @{ Command = 'Set-CallbackLabFault' }
        @{ Command = 'Get-CallbackLabEmulator' }
    ) {
        Complete "$Command -Port " | Should -Be @(@($emu.Port, $other.Port) | Sort-Object | ForEach-Object { "$_" })
    }

    It 'completes -Method with the HTTP methods; Set-CallbackLabFault also offers *' {
        Complete 'Get-CallbackLabRequest -Method P' | Should -Be @('POST', 'PUT')
        Complete 'Get-CallbackLabRequest -Method ' | Should -Not -Contain '*'
        Complete 'Set-CallbackLabFault -Method ' | Should -Contain '*'
        Complete 'Set-CallbackLabFault -Method d' | Should -Be @('DELETE')
    }

    It 'completes -Path with the routes the emulator serves and the paths of its journal' {
        $paths = Complete 'Get-CallbackLabRequest -Path /'
        $paths | Should -Contain '/v1/tasks'
        $paths | Should -Contain '/flowdesigner/Lab/DynVars'
        $paths | Should -Contain '/flowdesigner/*'
        Complete 'Set-CallbackLabFault -Path /v1/t' | Should -Be @('/v1/tasks')
        # The lab run above asked for the DynVars record and created a task: both paths come from the journal too.
        (Get-CallbackLabRequest).Path | Sort-Object -Unique | ForEach-Object { $paths | Should -Contain $_ }
    }
}

Describe 'The emulator table at 80 columns' {
    BeforeAll { $script:emu = Start-CallbackLabEmulator }
    AfterAll { $emu | Stop-CallbackLabEmulator }

    It 'shows both URIs whole' {
        $text = $emu | Out-String -Width 80
        $text | Should -BeLike "*$($emu.WxccUri)*"
        $text | Should -BeLike "*$($emu.MockApiUri)*"
        $text | Should -Not -BeLike '*…*'
        ($text -split "`r?`n" | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
    }

    It 'says so where the WxCC URI was once the emulator is stopped' {
        $stopped = Start-CallbackLabEmulator -NoDefault
        $stopped | Stop-CallbackLabEmulator
        $stopped | Out-String -Width 80 | Should -BeLike '*(stopped)*'
    }

    It 'keeps the running state and DataPath in the list view' {
        $text = $emu | Format-List | Out-String -Width 80
        $text | Should -Match 'IsRunning\s+: True'
        $text | Should -Match 'DataPath\s+: \(in memory\)'
    }
}
