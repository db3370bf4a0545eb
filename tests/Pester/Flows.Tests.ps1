#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Acceptance tests for Import-WxccFlow, Invoke-IvrSimulation, Test-CallbackFlow and Test-WxccFlow.
# Twins: tests/CallbackLab.PowerShell.Tests/Commands/FlowSimulationTests.cs, FlowImportAndValidationTests.cs and SampleFlowSimulationTests.cs, RemoteSimulationConsentTests.cs and ProgressTests.cs

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    $script:samples = Join-Path $PSScriptRoot '../TestData/Flows'

    # The progress records a script writes. The Progress stream cannot be redirected, and in real pwsh a nested
    # [powershell] on the current runspace sends it to the host, so the script runs in a fresh runspace of its own
    # with the module imported and an emulator of its own as the session default (closed with the runspace).
    function ProgressOf([string] $Script) {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$manifest'; `$null = Start-CallbackLabEmulator").Invoke()
            $ps.Commands.Clear()
            $output = $ps.AddScript($Script).Invoke()
            if ($ps.Streams.Error.Count) { throw "The script wrote errors: $($ps.Streams.Error -join '; ')" }
            if (-not $output.Count) { throw "The script wrote no output: $Script" }
            @($ps.Streams.Progress)
        }
        finally { $ps.Runspace.Dispose(); $ps.Dispose() }
    }
}

Describe 'The lab flow against the emulator' {
    BeforeEach { $script:emu = Start-CallbackLabEmulator }
    AfterEach { $emu | Stop-CallbackLabEmulator -Confirm:$false }

    It 'passes Test-CallbackFlow and the emulator records one task with the lab body' {
        Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 | Test-CallbackFlow -Quiet | Should -BeTrue
        $emu.TaskCount | Should -Be 1
        $task = $emu.Tasks[0]
        $task.Destination | Should -Be '14085267209'
        $task.EntryPointId | Should -Be '3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58'
        $task.OutboundType | Should -Be 'CALLBACK'
    }

    It 'shows no progress for one caller, even with -ThrottleLimit, and a completed bar for three' {
        ProgressOf 'Invoke-IvrSimulation -Digits 3 -ThrottleLimit 4' | Should -BeNullOrEmpty
        $bar = ProgressOf "'a', 'b', 'c' | ForEach-Object { [pscustomobject]@{ Ani = `$_; Digits = '3' } } | Invoke-IvrSimulation -ThrottleLimit 4"
        @($bar | Where-Object RecordType -eq 'Processing').Count | Should -BeGreaterThan 0
        $bar[-1].RecordType | Should -Be 'Completed'
    }

    It 'shows the trace, the variables and the global error' {
        $r = Invoke-IvrSimulation -Digits 3
        $r.Outcome | Should -Be 'GlobalError'
        ($r.Steps.ActivityName -join ',') | Should -Be 'NewPhoneContact,WelcomeMessage,WantCallback,GET_CBID,SetGetResult,SimulateGlobalError,GlobalErrorHandling,CallBackAPI_Request,HTTPStatusCode,EndFlow'
        $r.GlobalError.Message | Should -Be 'Unexpected token of value "123" and type NUMBER, expected token of type NAME'
        $r.Variables['customANI'] | Should -Be '14085267209'
        $r.HttpStatusCode | Should -Be 201
    }

    It 'takes the callback and queue branches for digits 1 and 2' {
        $one = Invoke-IvrSimulation -Digits 1
        $one.Outcome | Should -Be 'Disconnected'
        $one.Callbacks[0].Number | Should -Be '+14085267209'
        ($one | Test-CallbackFlow).Reason | Should -Be 'OnGlobalError never ran (outcome Disconnected); the callback path was not taken.'
        $two = Invoke-IvrSimulation -Digits 2 -AgentAvailableAfter '00:00:40'
        $two.Outcome | Should -Be 'AgentAnswered'
    }

    It 'is false and says why when /v1/tasks answers 500' {
        Set-CallbackLabFault -Method POST -Path /v1/tasks -StatusCode 500
        $r = Invoke-IvrSimulation -Dnis +14694096861 -Digits 3
        $r | Test-CallbackFlow -Quiet | Should -BeFalse
        $t = $r | Test-CallbackFlow
        $t.StatusCode | Should -Be 500
        $t.FailedStep | Should -Be 'CallBackAPI_Request'
        $t.Reason | Should -BeLike 'CallBackAPI_Request answered 500, not 201*'
    }

    It 'quotes WxCC''s error body for an injected 500 on /v1/tasks' {
        Set-CallbackLabFault -Method POST -Path /v1/tasks -StatusCode 500
        $t = Invoke-IvrSimulation -Digits 3 | Test-CallbackFlow
        $t.Reason | Should -BeLike 'CallBackAPI_Request answered 500, not 201: {"trackingId":"CBLAB_*","error":{"key":"500","message":`[{"description":"Internal Server Error"}`]}}'
    }

    It 'shows the 404 for an unknown DNIS in the trace' {
        $r = Invoke-IvrSimulation -Dnis +15555550000 -Digits 3
        ($r.Steps | Where-Object ActivityName -eq 'GET_CBID').Http.StatusCode | Should -Be 404
        $r.Variables['outdialcbid'] | Should -Be ''
        $r.CallbackTask.StatusCode | Should -Be 400
    }

    It 'runs the lab scenario itself without input' {
        Test-CallbackFlow -Quiet | Should -BeTrue
    }

    It 'refuses caller input that is not DTMF and negative durations, row by row from the pipeline' {
        { Invoke-IvrSimulation -Digits 'abc' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CallbackLab.Commands.InvokeIvrSimulationCommand'
        { Invoke-IvrSimulation -Digits '3,x' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CallbackLab.Commands.InvokeIvrSimulationCommand'
        { Invoke-IvrSimulation -CallerHangsUpAfter '-0:01:00' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CallbackLab.Commands.InvokeIvrSimulationCommand'
        $rows = [pscustomobject]@{ Digits = '1' }, [pscustomobject]@{ Digits = 'x' }, [pscustomobject]@{ Digits = '2' }
        $r = $rows | Invoke-IvrSimulation -CallerHangsUpAfter 0 -ErrorVariable err -ErrorAction SilentlyContinue
        ($r | ForEach-Object { $_.Digits -join '+' }) | Should -Be @('1', '2')
        $err[0].TargetObject | Should -Be $rows[1]
    }

    It 'runs callers in parallel and keeps their order' {
        $callers = 1..12 | ForEach-Object { [pscustomobject]@{ Ani = '+1408555{0:D4}' -f $_; Dnis = '+14694096861'; Digits = @('3', '1')[$_ % 2] } }
        $r = $callers | Invoke-IvrSimulation -ThrottleLimit 4
        $r.Ani | Should -Be $callers.Ani
        $emu.TaskCount | Should -Be 6
    }
}

Describe 'Simulations against a real tenant' {
    BeforeEach { $script:emu = Start-CallbackLabEmulator }
    AfterEach { Disconnect-Wxcc -ErrorAction SilentlyContinue; $emu | Stop-CallbackLabEmulator -Confirm:$false }

    It 'runs no caller and sends nothing with -WhatIf when the connector is not a loopback host' {
        $token = ConvertTo-SecureString 'remote-token' -AsPlainText -Force
        Connect-Wxcc -Uri https://wxcc.invalid -AccessToken $token | Out-Null
        Invoke-IvrSimulation -Digits 3 -WhatIf | Should -BeNullOrEmpty
        'a', 'b', 'c' | ForEach-Object { [pscustomobject]@{ Ani = $_; Digits = '3' } } | Invoke-IvrSimulation -ThrottleLimit 2 -WhatIf | Should -BeNullOrEmpty
        Test-CallbackFlow -WhatIf | Should -BeNullOrEmpty
        @(Get-CallbackLabRequest -Emulator $emu).Count | Should -Be 0
        $emu.TaskCount | Should -Be 0
    }

    It 'never asks against the emulator, even with -Confirm or -WhatIf' {
        (Invoke-IvrSimulation -Digits 3 -Confirm).Outcome | Should -Be 'GlobalError'
        (Invoke-IvrSimulation -Digits 3 -WhatIf).Outcome | Should -Be 'GlobalError'
        Test-CallbackFlow -Quiet -Confirm | Should -BeTrue
        $emu.TaskCount | Should -Be 3
    }
}

Describe 'Sample exports' {
    It 'imports an export and the lab flow' {
        $f = Import-WxccFlow -Path (Join-Path $samples 'CL_1_start.json')
        $f.Name | Should -Be 'CL_1_start'
        (Import-WxccFlow -Lab).Variables.Name | Should -Be @('outdialcbid', 'customANI', 'getresult', 'simulatederror')
    }

    It 'reports missing and malformed files without stopping' {
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content $bad '{"name":"x"}'
        $out = (Join-Path $samples 'flow_template.json'), 'nope.json', $bad | Import-WxccFlow -ErrorVariable err -ErrorAction SilentlyContinue
        $out.Name | Should -Be 'flow_template'
        $err[0].FullyQualifiedErrorId | Should -Be 'FlowFileNotFound,CallbackLab.Commands.ImportWxccFlowCommand'
        $err[1].FullyQualifiedErrorId | Should -Be 'InvalidFlowExport,CallbackLab.Commands.ImportWxccFlowCommand'
    }

    It 'reports a missing or malformed -Flow file like Import-WxccFlow, in every cmdlet' {
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content $bad '{"name":"x"}'
        Test-WxccFlow -Flow 'nope.json' -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -Be 'FlowFileNotFound,CallbackLab.Commands.TestWxccFlowCommand'
        $e1[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e1[0].TargetObject | Should -Be 'nope.json'
        Invoke-IvrSimulation -Flow $bad -ErrorVariable e2 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -Be 'InvalidFlowExport,CallbackLab.Commands.InvokeIvrSimulationCommand'
        $e2[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $e2[0].TargetObject | Should -Be $bad
        Get-ChildItem $samples -Filter '*.json' | Import-WxccFlow | Test-WxccFlow -Quiet | Should -Be @($true, $true, $true)
    }

    It 'passes the lab with one warning and flags the copy-button slip' {
        Test-WxccFlow (Import-WxccFlow -Lab) -Quiet | Should -BeTrue
        (Test-WxccFlow (Import-WxccFlow -Lab)).Code | Should -Be 'ExpressionDoesNotParse'
        $json = [CallbackLab.Core.Flows.Lab.LabFlow]::Json.Replace('{{CallBackAPI_Request.httpStatusCode == 201}}', '{{HTTP_PUT.httpStatusCode == 201}}')
        $slip = [CallbackLab.Core.Flows.Model.WxccFlowReader]::Parse($json, 'slip.json')
        Test-WxccFlow $slip -Quiet | Should -BeFalse
        $e = Test-WxccFlow $slip -MinimumSeverity Error
        $e.Code | Should -Be 'UnknownReference'
        $e.ActivityName | Should -Be 'HTTPStatusCode'
    }

    It 'finds the menu gap in the Cisco Live exports' {
        $f = Test-WxccFlow (Join-Path $samples 'CL_1_readout.json')
        $f.Code | Should -Be 'UnwiredMenuPort'
        $f.ActivityName | Should -Be 'opt_out'
    }

    It 'ends the template with CallerHungUp after 10 virtual minutes when no agent comes, with no error' {
        $r = Invoke-IvrSimulation -Flow (Join-Path $samples 'flow_template.json') -MaxSteps 50 -ErrorVariable err -WarningAction SilentlyContinue
        $err | Should -BeNullOrEmpty
        $r.Outcome | Should -Be 'CallerHungUp'
        $r.Steps.Count | Should -Be 23
        $r.Duration | Should -Be ([timespan]'00:10:00')
        $r.Steps[-1].ActivityName | Should -Be 'PlayMusic_q5r'
        $r.Steps[-1].Port | Should -BeNullOrEmpty
        ($r.Events.Name -join ',') | Should -Be 'NewPhoneContact,PhoneContactEnded'
    }

    It 'hangs up the lab caller who pressed 2 after 10 minutes, unless an agent answers first' {
        $r = Invoke-IvrSimulation -Digits 2 -ErrorVariable err -WarningAction SilentlyContinue
        $err | Should -BeNullOrEmpty
        $r.Outcome | Should -Be 'CallerHungUp'
        $r.Duration | Should -Be ([timespan]'00:10:00')
        $r.Steps[-1].Message | Should -Be 'defaultmusic_on_hold.wav; the caller hung up at 00:10:00, before an agent answered'
        ($r.Events.Name -join ',') | Should -Be 'NewPhoneContact,PhoneContactEnded'
        $a = Invoke-IvrSimulation -Digits 2 -AgentAvailableAfter 0:05:00 -WarningAction SilentlyContinue
        $a.Outcome | Should -Be 'AgentAnswered'
        ($a.Events.Name -join ',') | Should -Be 'NewPhoneContact,AgentAnswered'
    }

    It 'hangs up at the end of the first music with -CallerHangsUpAfter 0:00:30' {
        $r = Invoke-IvrSimulation -Flow (Join-Path $samples 'flow_template.json') -CallerHangsUpAfter 0:00:30 -WarningAction SilentlyContinue
        $r.Outcome | Should -Be 'CallerHungUp'
        ($r.Steps.ActivityName -join ',') | Should -Be 'NewPhoneContact,PlayMessage_ca8,QueueContact_ypp,PlayMusic_q5r'
        $r.Steps[-1].At | Should -Be ([timespan]'00:00:30')
        $r.Duration | Should -Be ([timespan]'00:00:30')
    }

    It 'takes CallerHangsUpAfter (or Patience) from the pipeline by property name' {
        $path = Join-Path $samples 'flow_template.json'
        $callers = [pscustomobject]@{ Flow = $path; CallerHangsUpAfter = [timespan]'0:01:00' }, [pscustomobject]@{ Flow = $path; Patience = '0:00:45' }, [pscustomobject]@{ Flow = $path }
        ($callers | Invoke-IvrSimulation -WarningAction SilentlyContinue | ForEach-Object { $_.Duration.ToString() }) -join ',' | Should -Be '00:01:00,00:00:45,00:10:00'
    }

    It 'stops the template at the step limit when the caller never hangs up' {
        $r = Invoke-IvrSimulation -Flow (Join-Path $samples 'flow_template.json') -MaxSteps 50 -CallerHangsUpAfter $null -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $r.Outcome | Should -Be 'StepLimitExceeded'
        $r.Steps.Count | Should -Be 50
        $err[0].FullyQualifiedErrorId | Should -Be 'StepLimitExceeded,CallbackLab.Commands.InvokeIvrSimulationCommand'
        $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }

    It 'stops a loop that takes no virtual time at the step limit' {
        $zero = Join-Path $TestDrive 'zero-music.json'
        Set-Content $zero ((Get-Content -Raw (Join-Path $samples 'flow_template.json')).Replace('"duration":null', '"duration":0'))
        $r = Invoke-IvrSimulation -Flow $zero -MaxSteps 50 -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $r.Outcome | Should -Be 'StepLimitExceeded'
        $r.Steps.Count | Should -Be 50
        $r.Duration | Should -Be ([timespan]::Zero)
        $err[0].FullyQualifiedErrorId | Should -Be 'StepLimitExceeded,CallbackLab.Commands.InvokeIvrSimulationCommand'
    }
}

Describe 'Sample exports down their branches' {
    It 'CL_1_start option 1 loops twice, then schedules the callback to the caller' {
        $r = Invoke-IvrSimulation -Flow (Join-Path $samples 'CL_1_start.json') -Ani +14085550123 -Digits 1 -WarningAction SilentlyContinue
        $r.Outcome | Should -Be 'Disconnected'
        ($r.Steps.ActivityName -join ',') | Should -Be 'NewPhoneContact,PlayMessage_oc2,QueueContact_ys9,PlayMusic_b9x,Variable_Message,counter,Every_other,PlayMusic_b9x,Variable_Message,counter,Every_other,opt_out,Callback_noh,PlayMessage_s4p,DisconnectContact_23s'
        $r.Variables['count'] | Should -Be 2
        $r.Callbacks[0].Number | Should -Be '+14085550123'
    }

    It 'CL_1_readout reads the number back digit by digit' {
        $r = Invoke-IvrSimulation -Flow (Import-WxccFlow (Join-Path $samples 'CL_1_readout.json')) -Ani +14085550123 -Digits 1 -WarningAction SilentlyContinue
        $r.Variables['callbackANI'] | Should -Be '4085550123'
        ($r.Steps | Where-Object ActivityName -eq 'playDigit').Message -join '' | Should -Be '4.wav0.wav8.wav5.wav5.wav5.wav0.wav1.wav2.wav3.wav'
    }

    It 'the template ends with AgentAnswered when an agent comes' {
        $r = Invoke-IvrSimulation -Flow (Join-Path $samples 'flow_template.json') -AgentAvailableAfter '00:00:50' -WarningAction SilentlyContinue
        $r.Outcome | Should -Be 'AgentAnswered'
        $r.Duration.TotalSeconds | Should -Be 50
    }
}
