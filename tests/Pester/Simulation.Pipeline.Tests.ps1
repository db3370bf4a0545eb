#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Invoke-IvrSimulation fed CSV-like rows: a value bound from one row must not reach the next row that lacks the column.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
}

Describe 'Invoke-IvrSimulation pipeline rows' {
    BeforeAll {
        $script:rows = @(
            [pscustomobject]@{ Ani = '+14085550101'; StartTime = [datetimeoffset]'2024-01-01T09:00:00Z'; Variable = @{ rowOneOnly = 'x' }; AgentAvailableAfter = [timespan]'00:00:05' }
            [pscustomobject]@{ Ani = '+14085550102' }
        )
        $script:results = @($rows | Invoke-IvrSimulation -WarningAction SilentlyContinue)
    }

    It 'gives each row its own result' {
        $results.Count | Should -Be 2
        $results.Ani | Should -Be '+14085550101', '+14085550102'
    }

    It 'uses the first row''s StartTime, Variable and AgentAvailableAfter for that row only' {
        $results[0].AssumedWorld.Setting | Should -Not -Contain 'StartTime'
        $results[0].AssumedWorld.Setting | Should -Not -Contain 'AgentAvailableAfter'
        $results[0].Variables.Keys | Should -Contain 'rowOneOnly'
        $results[1].AssumedWorld.Setting | Should -Contain 'StartTime' -Because 'the second row has no StartTime column'
        $results[1].AssumedWorld.Setting | Should -Contain 'AgentAvailableAfter'
        $results[1].Variables.Keys | Should -Not -Contain 'rowOneOnly'
    }
}

Describe 'New-IvrWorld -VirtualAgentTurn text' {
    It 'reads a turn''s outputs with the CSV cell syntax' {
        $world = New-IvrWorld -VirtualAgentTurn 'Escalated LastIntent=agent'
        $world.VirtualAgentTurns.Count | Should -Be 1
        $world.VirtualAgentTurns[0].End | Should -Be 'Escalated'
        $world.VirtualAgentTurns[0].Outputs['LastIntent'] | Should -Be 'agent'
    }

    It 'reads several turns, an activity name and several outputs' {
        $world = New-IvrWorld -VirtualAgentTurn 'VA1:Handled LastIntent=billing,TranscriptURL=x;Error', 'CallerHungUp'
        $world.VirtualAgentTurns.End | Should -Be 'Handled', 'Error', 'CallerHungUp'
        $world.VirtualAgentTurns[0].ActivityName | Should -Be 'VA1'
        $world.VirtualAgentTurns[0].Outputs['TranscriptURL'] | Should -Be 'x'
    }

    It 'reports a turn that does not end with a known outcome as InvalidWorldSetting' {
        $world = New-IvrWorld -VirtualAgentTurn 'Maybe LastIntent=agent' -ErrorVariable err -ErrorAction SilentlyContinue
        $world | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidWorldSetting,*'
        $err[0].Exception.Message | Should -BeLike '*Maybe LastIntent=agent*'
    }
}

Describe 'The SimulationEvent table view' {
    BeforeAll {
        $flow = Join-Path $PSScriptRoot '../TestData/Flows/Activities/screen-pop.json'
        $script:events = (Invoke-IvrSimulation -Flow $flow -WarningAction SilentlyContinue).Events
        $script:lines = @(($events | Format-Table | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })
    }

    It 'is a table of time, event, handled and payload that fits 80 columns' {
        $lines[0] | Should -Match '^At\s+Event\s+Handled\s+Payload\s*$'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $lines.Count | Should -Be ($events.Count + 2) -Because 'a header, a rule and one line per event'
    }

    It 'shows each event once, in order, with a short payload' {
        $events.Name | Should -Be 'NewPhoneContact', 'ScreenPop', 'PhoneContactEnded'
        $pop = $lines | Where-Object { $_ -match '^\S+\s+ScreenPop\s' }
        $pop | Should -Match 'True\s+Url=https://crm\.example\.test/.*\.\.\.$' -Because 'the payload is cut at 40 characters'
        $lines | Where-Object { $_ -match 'NewPhoneContact' } | Should -Match '^00:00:00\s+NewPhoneContact\s+True\s*$'
    }
}
