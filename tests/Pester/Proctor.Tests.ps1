#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The proctor's rehearsal (issue 14, Proof): a seeded room of 40, some attendees' flows broken at different lab steps and
# published to the emulator's Flow Store, and the grading pipeline naming each one's failing step exactly.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    $script:steps = [CallbackLab.Core.Flows.Grading.LabSteps]::All

    # The properties object of the activity labelled $Name, or the trigger of the event $Name. Looked up inline by callers'
    # helpers: a JObject is enumerable, so a function returning one would unroll it.
    function Set-ActivityValue($Export, [string] $Name, [string] $Property, $Value) {
        foreach ($activity in $Export.SelectTokens('$..activities.*')) {
            if ([string] $activity['name'] -eq $Name) {
                $before = [string] $activity['properties'][$Property]
                $activity['properties'][$Property] = [Newtonsoft.Json.Linq.JToken]::FromObject($Value)
                if ([string] $activity['properties'][$Property] -eq $before) { throw "The change left $Name.$Property as it was." }
                return
            }
        }
        throw "The export has no activity $Name."
    }

    function Get-ActivityId($Export, [string] $Name) {
        foreach ($activity in $Export.SelectTokens('$..activities.*')) {
            if ([string] $activity['name'] -eq $Name -or [string] $activity['properties']['event'] -eq $Name) { return [string] $activity['id'] }
        }
        throw "The export has no activity $Name."
    }

    # One way to break each lab step 2 to 9 (index into $steps), the way an attendee might, on the repository's lab flow.
    $script:breaks = @(
        @{ Step = 1; Change = { param($e) foreach ($v in $e['variables']) { if ([string] $v['name'] -eq 'customANI') { $v['type'] = [Newtonsoft.Json.Linq.JValue]::new('INTEGER') } } } }
        @{ Step = 2; Change = { param($e) Set-ActivityValue $e 'WantCallback' 'promptsTts' @(@{ type = 'tts'; value = 'All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue.' }) } }
        @{ Step = 3; Change = { param($e) Set-ActivityValue $e 'GET_CBID' 'httpRequestUrl' 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars?dn={{NewPhoneContact.DNIS}}' } }
        @{ Step = 4; Change = { param($e) Set-ActivityValue $e 'SetGetResult' 'setToVariable' 'GET_CBID.httpStatusCode'; Set-ActivityValue $e 'SetGetResult' 'expr' '{{GET_CBID.httpStatusCode}}' } }
        @{ Step = 5; Change = { param($e) Set-ActivityValue $e 'SimulateGlobalError' 'expr' '{{ ANI }}' } }
        @{ Step = 6; Change = {
                param($e)
                $trigger = Get-ActivityId $e 'OnGlobalError'
                foreach ($link in $e.SelectTokens('$.eventFlows.eventsMap.GLOBAL_EVENTS.process.links[*]')) {
                    if ([string] $link['sourceActivityId'] -eq $trigger) { $link['targetActivityId'] = [Newtonsoft.Json.Linq.JValue]::new((Get-ActivityId $e 'EndFlow')) }
                }
            }
        }
        @{ Step = 7; Change = { param($e) Set-ActivityValue $e 'CallBackAPI_Request' 'httpRequestMethod' 'PUT' } }
        @{ Step = 8; Change = { param($e) Set-ActivityValue $e 'HTTPStatusCode' 'expression' '{{CallBackAPI_Request.httpStatusCode == 200}}' } }
    )

    # The lab flow as attendee $Id built it (changed by $Change), written to $Folder for Publish-WxccFlow.
    function New-AttendeeExport([string] $Id, [string] $Folder, [scriptblock] $Change) {
        $export = [Newtonsoft.Json.Linq.JObject]::Parse([CallbackLab.Core.Flows.Lab.LabFlow]::Json)
        $export['name'] = [Newtonsoft.Json.Linq.JValue]::new("Main_Flow_$Id")
        if ($Change) { & $Change $export }
        $path = Join-Path $Folder "Main_Flow_$Id.json"
        [System.IO.File]::WriteAllText($path, $export.ToString())
        $path
    }
}

Describe 'A 40-attendee rehearsal' {
    BeforeAll {
        $script:emu = Start-CallbackLabEmulator -Attendees 40
        $script:folder = Join-Path $TestDrive 'room'
        $null = New-Item -ItemType Directory -Path $folder
    }
    AfterAll { $emu | Stop-CallbackLabEmulator -Confirm:$false }

    It 'grades every attendee and names each broken flow''s failing lab step exactly' {
        # 001-016 break steps 2 to 9 (twice round), 017 copies the lab text's HTTP_PUT slip, every fifth attendee from 020
        # leaves the seeded flow as it is (the lab not built), the rest build the lab as written. All but the untouched
        # are published to the emulator's Flow Store, overwriting the seeded flow.
        $expected = @{}
        foreach ($n in 1..40) {
            $id = '{0:000}' -f $n
            if ($n -le 16) {
                $break = $breaks[($n - 1) % $breaks.Count]
                $expected[$id] = $steps[$break.Step]
                $path = New-AttendeeExport $id $folder $break.Change
            }
            elseif ($n -eq 17) {
                $expected[$id] = $null
                $path = New-AttendeeExport $id $folder { param($e) Set-ActivityValue $e 'HTTPStatusCode' 'expression' '{{HTTP_PUT.httpStatusCode == 201}}' }
            }
            elseif ($n % 5 -eq 0) {
                $expected[$id] = $steps[1] # the seeded flow has none of the lab's variables yet
                continue
            }
            else {
                $expected[$id] = $null
                $path = New-AttendeeExport $id $folder
            }
            Publish-WxccFlow -Flow $path -Overwrite -Tag Live -Comment 'rehearsal' -Confirm:$false | Out-Null
        }

        $csv = Join-Path $folder 'grades.csv'
        $script:grades = Get-WxccFlow 'Main_Flow_*' | Export-WxccFlow -PassThru | Test-CallbackFlow -ErrorVariable errs
        $grades | Export-Csv -LiteralPath $csv -NoTypeInformation

        $errs.Count | Should -Be 0
        @($grades).Count | Should -Be 40
        ($grades.Attendee | Sort-Object) | Should -Be ($expected.Keys | Sort-Object)
        foreach ($grade in $grades) {
            $want = $expected[$grade.Attendee]
            if ($null -eq $want) {
                $grade.Passed | Should -BeTrue -Because "$($grade.Flow) built the lab: $($grade.Reason)"
                $grade.Scenario.Passed | Should -Be ($grade.Attendee -ne '017') -Because 'the HTTP_PUT slip takes False but passes with a note'
            }
            else {
                $grade.Passed | Should -BeFalse -Because "$($grade.Flow) breaks step $($want.Number)"
                $grade.StepIndex | Should -Be $want.Index -Because "$($grade.Flow): $($grade.Reason)"
                $grade.Step | Should -Be $want.Number
                $grade.Title | Should -Be $want.Title
            }
        }
        ($grades | Where-Object Attendee -eq '017').Notes | Should -BeLike '*HTTP_PUT*'

        # Every attendee who built the lab got a callback task on their own outdial entry point, from their own DynVars record.
        foreach ($grade in $grades | Where-Object Passed) {
            $entryPoint = Get-WxccEntryPoint -Name "Outdial_$($grade.Attendee)_Channel"
            $task = $emu.Tasks | Where-Object Id -eq $grade.Scenario.TaskId
            $task.EntryPointId | Should -Be $entryPoint.Id
            $grade.Dnis | Should -Be ('+1' + (Get-DynVars -All | Where-Object { $_.OtherFields['attendeeId'] -eq $grade.Attendee }).Dn)
        }

        # The CSV keeps one readable row per attendee.
        $rows = Import-Csv $csv
        @($rows).Count | Should -Be 40
        ($rows | Where-Object Attendee -eq '004').Title | Should -Be $expected['004'].Title
        ($rows | Where-Object Attendee -eq '004').Findings | Should -BeLike "Step 5 (*"
    }

    It 'examples/Grade-Room.ps1 writes the same grades and sums them up by step' {
        $csv = Join-Path $folder 'room.csv'
        $summary = & (Join-Path $PSScriptRoot '../../examples/Grade-Room.ps1') -Path $csv

        (Import-Csv $csv | Sort-Object Attendee).Step | Should -Be ($grades | Sort-Object Attendee | ForEach-Object { [string] $_.Step })
        ($summary | Measure-Object Attendees -Sum).Sum | Should -Be 40
        ($summary | Where-Object Title -eq 'Passed').Attendees | Should -Be @($grades | Where-Object Passed).Count
        foreach ($row in $summary | Where-Object Title -ne 'Passed') {
            $row.Attendees | Should -Be @($grades | Where-Object { -not $_.Passed -and $_.Title -eq $row.Title }).Count
        }
    }
}
