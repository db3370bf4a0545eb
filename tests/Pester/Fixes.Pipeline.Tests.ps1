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
