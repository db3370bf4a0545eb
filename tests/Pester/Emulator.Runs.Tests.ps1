#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# A room in the emulator (-Attendees) and the flow runs of EXECUTE_FLOW tasks (Get-CallbackLabRun), as a user meets them.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    function Stop-AllEmulators { Get-CallbackLabEmulator | Stop-CallbackLabEmulator }
    function Get-InboundId([string] $AttendeeId) { [CallbackLab.Core.Emulator.WxccIds]::EntryPointId("Inbound_$($AttendeeId)_Channel") }
    function Send-FlowTest([string] $AttendeeId, [string] $Digits) {
        New-WxccCallbackTask -OutboundType EXECUTE_FLOW -EntryPointId (Get-InboundId $AttendeeId) -Destination '+14085550123' `
            -Origin "+1469555$($AttendeeId.PadLeft(4, '0'))" -Attribute @{ callbackLabDigits = $Digits } -Confirm:$false
    }
}

Describe 'Start-CallbackLabEmulator -Attendees' {
    AfterEach { Stop-AllEmulators }

    It 'seeds every attendee a DynVars record the lab query finds, with the attendee id' {
        $lab = Start-CallbackLabEmulator -Attendees 12
        $record = Invoke-RestMethod "$($lab.MockApiUri)/DynVars?dn=4695550011"
        @($record).Count | Should -Be 1
        $record.attendeeId | Should -Be '011'
        $record.outboundcallbackep | Should -Be ([CallbackLab.Core.Emulator.WxccIds]::EntryPointId('Outdial_011_Channel'))
    }

    It 'reads a roster CSV, and refuses one without an AttendeeId column naming the file' {
        $csv = Join-Path $TestDrive 'room.csv'
        Set-Content $csv "AttendeeId,Dnis`nalice,+14695551234`nbob,+14695554321"
        $lab = Start-CallbackLabEmulator -Attendees $csv
        (Invoke-RestMethod "$($lab.MockApiUri)/DynVars?attendeeId=bob").dn | Should -Be '4695554321'
        Stop-AllEmulators

        $bad = Join-Path $TestDrive 'bad.csv'
        Set-Content $bad "Name`nalice"
        { Start-CallbackLabEmulator -Attendees $bad } | Should -Throw -ErrorId 'InvalidRoster,CallbackLab.Commands.StartCallbackLabEmulatorCommand'
        Get-CallbackLabEmulator | Should -BeNullOrEmpty
    }
}

Describe 'Get-CallbackLabRun' {
    BeforeAll { $lab = Start-CallbackLabEmulator -Attendees 3 }
    AfterAll { Stop-AllEmulators }

    It 'gets the run of a flow test piped from its task, as an IvrSimulationResult of the attendee''s flow' {
        $task = Send-FlowTest '002' '1'
        $run = $task | Get-CallbackLabRun
        $run.Id | Should -Be $task.Id
        $run.FlowName | Should -Be 'Main_Flow_002'
        $run.EntryPointName | Should -Be 'Inbound_002_Channel'
        $run.Dnis | Should -Be '+14695550002'
        $run.Result | Should -BeOfType ([CallbackLab.Core.Flows.Simulation.IvrSimulationResult])
        $run.Result.Outputs['NewPhoneContact.DNIS'] | Should -Be '+14695550002'
        # option 1 of the starting flow: Callback, CallbackConfirmation, DisconnectContact
        $run.Result.Steps.ActivityName | Should -Contain 'CallbackConfirmation'
        $run.Outcome | Should -Be $run.Result.Outcome.ToString()
    }

    It 'gets the run of an Invoke-WxccFlowTest piped in by its TaskId' {
        $entryPoint = Get-WxccEntryPoint | Where-Object Name -eq 'Inbound_001_Channel'
        $test = Invoke-WxccFlowTest -EntryPointId $entryPoint.Id -Destination '+14085550199' -Origin '+14695550001' -Attribute @{ callbackLabDigits = '1' } -Confirm:$false
        $run = $test | Get-CallbackLabRun
        $run.Id | Should -Be $test.TaskId
        $run.Ani | Should -Be '+14085550199'
        $run.FlowName | Should -Be 'Main_Flow_001'
    }

    It 'filters by entry point and shows a table that fits 80 columns' {
        Send-FlowTest '003' '2' | Out-Null
        $onThree = @(Get-CallbackLabRun -EntryPointId (Get-InboundId '003'))
        $onThree.Count | Should -Be 1
        $onThree[0].Digits | Should -Be @('2')
        $table = Get-CallbackLabRun | Out-String -Width 80
        $table | Should -Match 'Main_Flow_003\s+1 Latest \+14695550003\s+2'
        ($table -split "`n" | Where-Object Length -gt 80) | Should -BeNullOrEmpty
    }

    It 'writes a non-terminating RunNotFound error for an unknown id and goes on' {
        $known = (Get-CallbackLabRun)[0].Id
        $found = Get-CallbackLabRun -Id 'no-such-task', $known -ErrorVariable problems -ErrorAction SilentlyContinue
        @($found).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'RunNotFound,CallbackLab.Commands.GetCallbackLabRunCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be 'no-such-task'
    }

    It 'runs the built lab flow once it is imported and published, marking the run''s requests in the journal' {
        $export = [CallbackLab.Core.Flows.Lab.LabFlow]::Json | ConvertFrom-Json
        $export.name = 'Main_Flow_001'
        $file = Join-Path $TestDrive 'Main_Flow_001.json'
        $export | ConvertTo-Json -Depth 100 | Set-Content $file
        $flows = "$($lab.FlowStoreUri)flows"
        $flows | Should -Be "$($lab.Uri)flow-store/$($lab.OrgId)/project/5e5c9ad6d61f870d6d778c1b/flows"
        $headers = @{ Authorization = 'Bearer ' + (ConvertFrom-SecureString $lab.AccessToken -AsPlainText) }
        $imported = Invoke-RestMethod "$($flows):import?overwrite=yes" -Method Post -Form @{ file = Get-Item $file } -Headers $headers
        Invoke-RestMethod "$flows/$($imported.id):publish" -Method Post -Body '{"comment":"built","tagIds":[]}' -ContentType application/json -Headers $headers | Out-Null

        $task = Send-FlowTest '001' '3'
        $run = Get-CallbackLabRun -Id $task.Id
        $run.Version | Should -Be 2
        $run.Result.Outcome | Should -Be 'GlobalError'
        $run.Result.CallbackTask.StatusCode | Should -Be 201
        $marked = @(Get-CallbackLabRequest | Where-Object { $_.Headers['X-CallbackLab-Run'] -eq $task.Id })
        $marked.Path | Should -Be @('/flowdesigner/Lab/DynVars', '/v1/tasks')
    }
}
