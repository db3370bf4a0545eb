#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Test-CallbackFlow -Flow: grading an attendee's export against the lab's Build steps and the lab scenario, in real pwsh.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    $script:labEntryPoint = [CallbackLab.Core.Emulator.LabSeed]::LabOutboundEntryPointId
    $script:steps = [CallbackLab.Core.Flows.Grading.LabSteps]::All

    # The repository's lab flow as an attendee's export (named Main_Flow_<id>), optionally changed by $Change, saved in $Folder.
    function New-AttendeeExport([string] $Attendee, [string] $Folder, [scriptblock] $Change) {
        $export = [Newtonsoft.Json.Linq.JObject]::Parse([CallbackLab.Core.Flows.Lab.LabFlow]::Json)
        $export['name'] = [Newtonsoft.Json.Linq.JValue]::new("Main_Flow_$Attendee")
        if ($Change) { & $Change $export }
        $path = Join-Path $Folder "Main_Flow_$Attendee.json"
        [System.IO.File]::WriteAllText($path, $export.ToString())
        $path
    }

    # Sets a property of the activity labelled $Activity (main or event flows); a change that changes nothing is an error.
    function Set-ExportValue($Export, [string] $Activity, [string] $Property, $Value) {
        # A JObject is enumerable, so it is looked up here rather than returned from a function (which would unroll it).
        $properties = $null
        foreach ($candidate in $Export.SelectTokens('$..activities.*.properties')) {
            if ([string] $candidate['name'] -eq $Activity) { $properties = $candidate; break }
        }
        if ($null -eq $properties) { throw "The export has no activity $Activity." }
        $before = [string] $properties[$Property]
        $properties[$Property] = [Newtonsoft.Json.Linq.JToken]::FromObject($Value)
        if ([string] $properties[$Property] -eq $before) { throw "The change left $Activity.$Property as it was." }
    }
}

Describe 'Test-CallbackFlow -Flow' {
    BeforeEach {
        $script:emu = Start-CallbackLabEmulator
        $script:folder = Join-Path $TestDrive ([guid]::NewGuid())
        $null = New-Item -ItemType Directory -Path $folder
    }
    AfterEach { $emu | Stop-CallbackLabEmulator -Confirm:$false }

    It 'passes the lab flow, names the attendee, and the scenario creates the task' {
        $grade = Test-CallbackFlow -Flow (New-AttendeeExport 'Lab7' $folder) -Dnis +14694096861

        $grade.GetType().FullName | Should -Be 'CallbackLab.Core.Flows.Grading.LabGrade'
        $grade.Passed | Should -BeTrue
        $grade.Flow | Should -Be 'Main_Flow_Lab7'
        $grade.Attendee | Should -Be 'Lab7'
        $grade.Step | Should -BeNullOrEmpty
        $grade.Scenario.Passed | Should -BeTrue
        $emu.TaskCount | Should -Be 1
        $emu.Tasks[0].EntryPointId | Should -Be $labEntryPoint
    }

    It 'names the first failing lab step with the lab text''s number and title, and why' {
        $path = New-AttendeeExport 'B2' $folder { param($e) Set-ExportValue $e 'SetGetResult' 'setToVariable' 'GET_CBID.httpStatusCode' }

        $grade = Get-Item $path | Test-CallbackFlow -Dnis +14694096861

        $grade.Passed | Should -BeFalse
        $grade.Step | Should -Be $steps[4].Number
        $grade.StepIndex | Should -Be 5
        $grade.Title | Should -Be $steps[4].Title
        $grade.Reason | Should -BeLike '*GET_CBID.httpStatusCode*'
        Test-CallbackFlow -Flow $path -Dnis +14694096861 -Quiet | Should -BeFalse
    }

    It 'takes the DNIS from the DynVars record whose attendeeId is the attendee''s' {
        New-DynVars -Dn 4695550142 -OutboundCallbackEp $labEntryPoint -TacNumber 14085550142 -Property @{ attendeeId = 'c42' } | Out-Null

        $grade = Test-CallbackFlow -Flow (New-AttendeeExport 'C42' $folder)

        $grade.Passed | Should -BeTrue
        $grade.Dnis | Should -Be '+14695550142'
        $emu.Tasks[0].Destination | Should -Be '14085550142'
        @(Get-CallbackLabRequest -Emulator $emu -Method GET | Where-Object { $_.Path -like '*/DynVars' -and $_.Query -like 'page=*' }).Count | Should -Be 1
    }

    It 'reads DynVars once for a whole pipeline' {
        foreach ($n in 1..3) {
            New-DynVars -Dn "469555014$n" -OutboundCallbackEp $labEntryPoint -TacNumber 14085267209 -Property @{ attendeeId = "P$n" } | Out-Null
        }
        $paths = foreach ($n in 1..3) { New-AttendeeExport "P$n" $folder }

        $grades = $paths | Test-CallbackFlow

        $grades.Passed | Should -Be @($true, $true, $true)
        $grades.Dnis | Should -Be @('+14695550141', '+14695550142', '+14695550143')
        @(Get-CallbackLabRequest -Emulator $emu -Method GET | Where-Object { $_.Path -like '*/DynVars' -and $_.Query -like 'page=*' }).Count | Should -Be 1
    }

    It 'binds Flow/Path and Dnis by property name from a CSV and goes on past a bad row' {
        $good = New-AttendeeExport 'D1' $folder
        $broken = New-AttendeeExport 'D2' $folder { param($e) Set-ExportValue $e 'HTTPStatusCode' 'expression' '{{CallBackAPI_Request.httpStatusCode == 200}}' }
        $csv = Join-Path $folder 'room.csv'
        @(
            [pscustomobject] @{ Path = $good; Dnis = '+14694096861' }
            [pscustomobject] @{ Path = (Join-Path $folder 'missing.json'); Dnis = '+14694096861' }
            [pscustomobject] @{ Path = $broken; Dnis = '+14694096861' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation

        $grades = Import-Csv $csv | Test-CallbackFlow -ErrorVariable errs -ErrorAction SilentlyContinue

        $grades.Flow | Should -Be @('Main_Flow_D1', 'Main_Flow_D2')
        $grades.Passed | Should -Be @($true, $false)
        $grades[1].StepIndex | Should -Be 9
        $grades[1].Step | Should -Be '8'
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'FlowFileNotFound,*'
    }

    It 'writes AttendeeDnisNotFound for an attendee without a DNIS and grades the next one' {
        $paths = @((New-AttendeeExport 'Nobody' $folder), (New-AttendeeExport 'E1' $folder))
        New-DynVars -Dn 4695550151 -OutboundCallbackEp $labEntryPoint -TacNumber 14085267209 -Property @{ attendeeId = 'E1' } | Out-Null

        $grades = $paths | Test-CallbackFlow -ErrorVariable errs -ErrorAction SilentlyContinue

        @($grades).Count | Should -Be 1
        $grades.Attendee | Should -Be 'E1'
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'AttendeeDnisNotFound,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject.Name | Should -Be 'Main_Flow_Nobody'
    }

    It 'shows Flow, Attendee, Passed, Step, Title and Reason and flattens to a readable CSV' {
        $path = New-AttendeeExport 'F1' $folder { param($e) Set-ExportValue $e 'SimulateGlobalError' 'expr' '{{ ANI }}' }
        $grade = Test-CallbackFlow -Flow $path -Dnis +14694096861

        $table = ($grade | Format-Table | Out-String -Width 200) -split "`n" | Where-Object { $_.Trim() }
        $table[0].Trim() -split '\s+' | Should -Be @('Flow', 'Attendee', 'Passed', 'Step', 'Title', 'Reason')

        $csv = Join-Path $folder 'grades.csv'
        $grade | Export-Csv -LiteralPath $csv -NoTypeInformation
        $row = Import-Csv $csv
        $row.Flow | Should -Be 'Main_Flow_F1'
        $row.Passed | Should -Be 'False'
        $row.Step | Should -Be '6'
        $row.Title | Should -Be $steps[5].Title
        $row.Findings | Should -BeLike "Step 6 ($($steps[5].Title)) Failure: *"
        $row.Findings | Should -Not -BeLike '*System.*'
    }

    It 'notes the lab text''s HTTP_PUT slip and passes' {
        $path = New-AttendeeExport 'G1' $folder { param($e) Set-ExportValue $e 'HTTPStatusCode' 'expression' '{{HTTP_PUT.httpStatusCode == 201}}' }

        $grade = Test-CallbackFlow -Flow $path -Dnis +14694096861

        $grade.Passed | Should -BeTrue
        $grade.Notes | Should -BeLike '*HTTP_PUT*'
        $emu.TaskCount | Should -Be 1
    }

    It 'does not carry a DNIS given for one input over to the next' {
        New-DynVars -Dn 4695550161 -OutboundCallbackEp $labEntryPoint -TacNumber 14085267209 -Property @{ attendeeId = 'H2' } | Out-Null
        $rows = @(
            [pscustomobject] @{ Path = (New-AttendeeExport 'H1' $folder); Dnis = '+14694096861' }
            [pscustomobject] @{ Path = (New-AttendeeExport 'H2' $folder) }
            [pscustomobject] @{ Path = (New-AttendeeExport 'H3' $folder); Dnis = '' }
        )

        $grades = $rows | Test-CallbackFlow -ErrorVariable errs -ErrorAction SilentlyContinue

        $grades.Dnis | Should -Be @('+14694096861', '+14695550161')
        $errs.Count | Should -Be 1 -Because 'an empty Dnis cell counts as none, and H3 has no record'
        $errs[0].TargetObject.Name | Should -Be 'Main_Flow_H3'
    }

    It 'with -WhatIf against a tenant grades the export and places no call' {
        $token = ConvertTo-SecureString 'remote-token' -AsPlainText -Force
        Connect-Wxcc -Uri https://wxcc.invalid -AccessToken $token | Out-Null
        try {
            $grade = Test-CallbackFlow -Flow (New-AttendeeExport 'W1' $folder) -Dnis +14694096861 -MockApiUri $emu.MockApiUri -WhatIf

            $grade.Passed | Should -BeTrue
            $grade.Scenario | Should -BeNullOrEmpty
            $grade.Dnis | Should -BeNullOrEmpty
            @(Get-CallbackLabRequest -Emulator $emu).Count | Should -Be 0
        }
        finally { Disconnect-Wxcc }
    }

    It 'keeps checking piped simulation results as before' {
        Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 | Test-CallbackFlow -Quiet | Should -BeTrue
        (Invoke-IvrSimulation -Digits 1 | Test-CallbackFlow).GetType().Name | Should -Be 'CallbackFlowTestResult'
    }
}
