#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# A caller scripts the virtual agent: -VirtualAgent on Invoke-IvrSimulation, from the pipeline and from CSV rows.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    $script:flow = Join-Path $PSScriptRoot '../TestData/Flows/Activities/ivr-virtualassistant.json'
    $script:start = [datetimeoffset]'2026-12-01T15:00:00Z'
    $PSDefaultParameterValues['Invoke-IvrSimulation:WarningAction'] = 'SilentlyContinue' # no MockAPI: these flows send nothing
    function script:Step($result) { $result.Steps | Where-Object ActivityName -eq 'DialogflowAgent' }
}

Describe 'Invoke-IvrSimulation -VirtualAgent' {
    It 'takes the turn''s end and outputs from text' {
        $r = Invoke-IvrSimulation -Flow $flow -StartTime $start -VirtualAgent 'Escalated LastIntent=billing'
        (Step $r).Port | Should -Be 'ESCALATE'
        (Step $r).Message | Should -BeLike '*(the caller''s script)'
        $r.Outputs['DialogflowAgent.LastIntent'] | Should -Be 'billing'
        $r.AssumedWorld.Setting | Should -Not -Contain 'VirtualAgentTurns'
    }

    It 'reads the colon form and an error code' {
        $r = Invoke-IvrSimulation -Flow $flow -StartTime $start -VirtualAgent 'error:ErrorCode=timeout'
        (Step $r).Port | Should -Be 'error'
        $r.Outputs['DialogflowAgent.ErrorCode'] | Should -Be 'timeout'
    }

    It 'takes a flat hashtable: End sets the turn, other keys are outputs' {
        $r = Invoke-IvrSimulation -Flow $flow -StartTime $start -VirtualAgent @{ End = 'Escalated'; LastIntent = 'agent'; TranscriptURL = 'https://t.example.test/1' }
        (Step $r).Port | Should -Be 'ESCALATE'
        $r.Outputs['DialogflowAgent.LastIntent'] | Should -Be 'agent'
        $r.Outputs['DialogflowAgent.TranscriptURL'] | Should -Be 'https://t.example.test/1'
    }

    It 'takes Outputs and Duration from a hashtable' {
        $r = Invoke-IvrSimulation -Flow $flow -StartTime $start -VirtualAgent @{ End = 'Handled'; Duration = 90; Outputs = @{ LastIntent = 'done' } }
        (Step $r).Port | Should -Be 'ENDED'
        (Step $r).At | Should -Be ([timespan]'00:01:30')
        $r.Outputs['DialogflowAgent.LastIntent'] | Should -Be 'done'
    }

    It 'ends the call when the caller hangs up during the turn' {
        $r = Invoke-IvrSimulation -Flow $flow -StartTime $start -VirtualAgent CallerHungUp
        $r.Outcome | Should -Be 'CallerHungUp'
        $r.Path[-1] | Should -Be 'DialogflowAgent'
    }

    It 'wins over the world''s turn' {
        $world = New-IvrWorld -VirtualAgentTurn 'Error' -StartTime $start
        $r = Invoke-IvrSimulation -Flow $flow -World $world -VirtualAgent Escalated
        (Step $r).Port | Should -Be 'ESCALATE'
        $world.VirtualAgentTurns.End | Should -Be 'Error' -Because 'the caller''s script does not change the world'
    }

    It 'leaves the world''s turn to a caller without a script, and the default to a caller with neither' {
        $world = New-IvrWorld -VirtualAgentTurn 'Error' -StartTime $start
        $fromWorld = Invoke-IvrSimulation -Flow $flow -World $world
        (Step $fromWorld).Port | Should -Be 'error'
        (Step $fromWorld).Message | Should -BeLike '*(the world''s turn)'

        $byDefault = Invoke-IvrSimulation -Flow $flow -StartTime $start
        (Step $byDefault).Port | Should -Be 'ENDED'
        (Step $byDefault).Message | Should -BeLike '*the default, Handled, applies*'
        ($byDefault.AssumedWorld | Where-Object Setting -eq 'VirtualAgentTurns').Value | Should -Be 'Handled'
    }
}

Describe 'Callers with a VirtualAgent column' {
    BeforeAll {
        $csv = @'
Ani,VirtualAgent
+14085550101,Escalated LastIntent=billing
+14085550102,
+14085550103,Error ErrorCode=timeout
'@
        $script:results = @($csv | ConvertFrom-Csv | Invoke-IvrSimulation -Flow $flow -StartTime $start)
    }

    It 'gives each row its own turn, and a row with an empty cell the default' {
        $results.Ani | Should -Be '+14085550101', '+14085550102', '+14085550103'
        $results | ForEach-Object { (Step $_).Port } | Should -Be 'ESCALATE', 'ENDED', 'error'
        $results[0].Outputs['DialogflowAgent.LastIntent'] | Should -Be 'billing'
        $results[1].Outputs['DialogflowAgent.LastIntent'] | Should -Be '' -Because 'the first row''s script must not reach the next row'
        $results[1].AssumedWorld.Setting | Should -Contain 'VirtualAgentTurns'
        $results[2].Outputs['DialogflowAgent.ErrorCode'] | Should -Be 'timeout'
    }

    It 'binds hashtables on pipeline objects too' {
        $r = [pscustomobject]@{ Ani = '+14085550104'; VirtualAgent = @{ End = 'Escalated'; LastIntent = 'agent' } } | Invoke-IvrSimulation -Flow $flow -StartTime $start
        (Step $r).Port | Should -Be 'ESCALATE'
        $r.Outputs['DialogflowAgent.LastIntent'] | Should -Be 'agent'
    }

    It 'reports a row whose script does not read and goes on with the next row' {
        $rows = @(
            [pscustomobject]@{ Ani = '+14085550105'; VirtualAgent = 'Maybe LastIntent=x' }
            [pscustomobject]@{ Ani = '+14085550106'; VirtualAgent = 'Escalated' }
        )
        $out = @($rows | Invoke-IvrSimulation -Flow $flow -StartTime $start -ErrorVariable err -ErrorAction SilentlyContinue)
        $out.Ani | Should -Be '+14085550106'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidVirtualAgentScript,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be 'Maybe LastIntent=x'
        $err[0].Exception.Message | Should -BeLike '*Maybe LastIntent=x*'
    }
}

Describe 'New-IvrWorld -VirtualAgentTurn reads what -VirtualAgent reads' {
    It 'takes a flat hashtable' {
        $world = New-IvrWorld -VirtualAgentTurn @{ End = 'Escalated'; Activity = 'Billing'; LastIntent = 'agent' }
        $world.VirtualAgentTurns[0].End | Should -Be 'Escalated'
        $world.VirtualAgentTurns[0].ActivityName | Should -Be 'Billing'
        $world.VirtualAgentTurns[0].Outputs['LastIntent'] | Should -Be 'agent'
    }
}
