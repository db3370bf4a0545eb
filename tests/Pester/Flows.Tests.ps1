#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Acceptance tests for Import-WxccFlow, Invoke-IvrSimulation, Test-CallbackFlow and Test-WxccFlow.
# (The xUnit twins that re-ran these in C# strings are retired: FlowSimulationTests, FlowImportAndValidationTests,
# SampleFlowSimulationTests, RemoteSimulationConsentTests and ProgressTests; their assertions live here now.)

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
        Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 -WarningVariable w | Test-CallbackFlow -Quiet | Should -BeTrue
        $w | Should -BeNullOrEmpty -Because 'the started emulator is the session default'
        $emu.TaskCount | Should -Be 1
        $task = $emu.Tasks[0]
        $task.Destination | Should -Be '14085267209'
        $task.EntryPointId | Should -Be '3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58'
        $task.OutboundType | Should -Be 'CALLBACK'
        $task.Request.mediaType.ToString() | Should -Be 'telephony'
        $task.Request.attributes.'To Queue'.ToString() | Should -Be 'sales'
        $task.Request.callback.callbackType.ToString() | Should -Be 'immediate'
    }

    It 'takes the connector and the MockAPI from a Connect-Wxcc connection' {
        Connect-Wxcc -Uri $emu.WxccUri -AccessToken $emu.AccessToken -MockApiUri $emu.MockApiUri | Out-Null
        try {
            Invoke-IvrSimulation -Digits 3 -WarningVariable w | Test-CallbackFlow -Quiet | Should -BeTrue
            $w | Should -BeNullOrEmpty
            $emu.TaskCount | Should -Be 1
            (Get-CallbackLabRequest -Emulator $emu -Method POST -Path /v1/tasks).Headers['Authorization'] | Should -Be 'Bearer ***'
        }
        finally { Disconnect-Wxcc }
    }

    It 'shows the trace and every HTTP exchange in verbose output, the request body in debug, and never the token' {
        $token = [System.Net.NetworkCredential]::new('', $emu.AccessToken).Password
        $token | Should -Not -BeNullOrEmpty
        $records = @(Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 -Verbose -Debug 5>&1 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.InformationalRecord] })
        $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $debug = @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
        $verbose | Should -Contain '[3] Main/GET_CBID (http-request-v2) -> default: GET 200'
        ($verbose -like '`[3`] GET http://127.0.0.1:*/flowdesigner/Lab/DynVars?dn=4694096861 -> 200').Count | Should -Be 1
        ($verbose -like '`[5`] Main/SimulateGlobalError (set-variable) -> error: Unexpected token of value "123"*').Count | Should -Be 1
        ($verbose -like '`[7`] POST http://127.0.0.1:*/v1/tasks -> 201').Count | Should -Be 1
        ($debug -like '`[7`] request body: {*14085267209*').Count | Should -Be 1
        ($verbose + $debug) -join "`n" | Should -Not -Match ([regex]::Escape($token))
    }

    It 'shows no progress for one caller: <Script>' -ForEach @(
        @{ Script = 'Invoke-IvrSimulation -Digits 3' }
        @{ Script = 'Invoke-IvrSimulation -Digits 3 -ThrottleLimit 4' }
        @{ Script = "[pscustomobject]@{ Digits = '3' } | Invoke-IvrSimulation -ThrottleLimit 4" }
    ) {
        ProgressOf $Script | Should -BeNullOrEmpty
    }

    It 'shows a bar that ends Completed for three piped callers with -ThrottleLimit <Throttle>' -ForEach @(
        @{ Throttle = 1 }
        @{ Throttle = 4 }
    ) {
        $bar = ProgressOf "'a', 'b', 'c' | ForEach-Object { [pscustomobject]@{ Ani = `$_; Digits = '3' } } | Invoke-IvrSimulation -ThrottleLimit $Throttle"
        @($bar | Where-Object RecordType -eq 'Processing').Count | Should -BeGreaterThan 0
        @($bar | Where-Object StatusDescription -eq '3 simulated').Count | Should -BeGreaterThan 0
        $bar[-1].RecordType | Should -Be 'Completed'
    }

    It 'shows the trace, the variables and the global error' {
        $r = Invoke-IvrSimulation -Digits 3
        $r.Outcome | Should -Be 'GlobalError'
        ($r.Steps.ActivityName -join ',') | Should -Be 'NewPhoneContact,WelcomeMessage,WantCallback,GET_CBID,SetGetResult,SimulateGlobalError,GlobalErrorHandling,CallBackAPI_Request,HTTPStatusCode,EndFlow'
        $r.GlobalError.ActivityName | Should -Be 'SimulateGlobalError'
        $r.GlobalError.Message | Should -Be 'Unexpected token of value "123" and type NUMBER, expected token of type NAME'
        $r.Variables['customANI'] | Should -Be '14085267209'
        $r.HttpStatusCode | Should -Be 201
        ($r.Events.Name -join ',') | Should -Be 'NewPhoneContact,OnGlobalError,PhoneContactEnded'
        $r.Steps[5].Succeeded | Should -BeFalse
        $r.Steps[3].ModifiedVariables['GET_CBID.httpStatusCode'] | Should -Be 200
    }

    It 'takes the callback and queue branches for digits 1 and 2' {
        $one = Invoke-IvrSimulation -Digits 1
        $one.Outcome | Should -Be 'Disconnected'
        $one.Callbacks[0].Number | Should -Be '+14085267209'
        ($one | Test-CallbackFlow).Reason | Should -Be 'OnGlobalError never ran (outcome Disconnected); the callback path was not taken.'
        ($one | Test-CallbackFlow).Passed | Should -BeFalse
        $two = Invoke-IvrSimulation -Digits 2 -AgentAvailableAfter '00:00:40'
        $two.Outcome | Should -Be 'AgentAnswered'
        ($two.Steps.ActivityName -join ',') | Should -Be 'NewPhoneContact,WelcomeMessage,WantCallback,QueueContact,QueueMusic,QueueMusic'
        $emu.TaskCount | Should -Be 0
    }

    It 'is false and says why when /v1/tasks answers 500' {
        Set-CallbackLabFault -Method POST -Path /v1/tasks -StatusCode 500
        $r = Invoke-IvrSimulation -Dnis +14694096861 -Digits 3
        $r | Test-CallbackFlow -Quiet | Should -BeFalse
        $t = $r | Test-CallbackFlow
        $t.Passed | Should -BeFalse
        $t.StatusCode | Should -Be 500
        $t.FailedStep | Should -Be 'CallBackAPI_Request'
        $t.Reason | Should -BeLike 'CallBackAPI_Request answered 500, not 201*'
        $emu.TaskCount | Should -Be 0
    }

    It 'quotes WxCC''s error body for an injected 500 on /v1/tasks' {
        Set-CallbackLabFault -Method POST -Path /v1/tasks -StatusCode 500
        $t = Invoke-IvrSimulation -Digits 3 | Test-CallbackFlow
        $t.Reason | Should -BeLike 'CallBackAPI_Request answered 500, not 201: {"trackingId":"CBLAB_*","error":{"key":"500","message":`[{"description":"Internal Server Error"}`]}}'
    }

    It 'shows the 404 for an unknown DNIS in the trace' {
        $r = Invoke-IvrSimulation -Dnis +15555550000 -Digits 3
        $get = $r.Steps | Where-Object ActivityName -eq 'GET_CBID'
        $get.Http.StatusCode | Should -Be 404
        $get.Http.Url | Should -BeLike '*/DynVars?dn=5555550000'
        $r.Variables['outdialcbid'] | Should -Be ''
        ($r.Steps | Where-Object ActivityName -eq 'HTTPStatusCode').Port | Should -Be 'false'
        $r.CallbackTask.StatusCode | Should -Be 400
        ($r | Test-CallbackFlow).Reason | Should -BeLike '*CallBackAPI_Request answered 400*'
    }

    It 'runs the lab scenario itself without input' {
        Test-CallbackFlow -Quiet | Should -BeTrue
        $t = Test-CallbackFlow
        $t.Passed | Should -BeTrue
        $t.TaskId | Should -Be $emu.Tasks[1].Id
        $emu.TaskCount | Should -Be 2
    }

    It 'refuses caller input that is not DTMF and negative durations, row by row from the pipeline' {
        { Invoke-IvrSimulation -Digits 'abc' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CallbackLab.Commands.InvokeIvrSimulationCommand'
        { Invoke-IvrSimulation -Digits '3,x' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CallbackLab.Commands.InvokeIvrSimulationCommand'
        { Invoke-IvrSimulation -CallerHangsUpAfter '-0:01:00' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CallbackLab.Commands.InvokeIvrSimulationCommand'
        $rows = [pscustomobject]@{ Digits = '1' }, [pscustomobject]@{ Digits = 'x' }, [pscustomobject]@{ AgentAvailableAfter = [timespan]'-0:00:05' }, [pscustomobject]@{ Digits = '2' }
        $r = $rows | Invoke-IvrSimulation -CallerHangsUpAfter 0 -ErrorVariable err -ErrorAction SilentlyContinue
        ($r | ForEach-Object { $_.Digits -join '+' }) | Should -Be @('1', '2')
        $err.Count | Should -Be 2
        $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,CallbackLab.Commands.InvokeIvrSimulationCommand' }
        $err[0].TargetObject | Should -Be $rows[1]
        $err[0].Exception.ParameterName | Should -Be 'Digits'
        $err[1].TargetObject | Should -Be $rows[2]
        $err[1].Exception.ParameterName | Should -Be 'AgentAvailableAfter'
    }

    It 'refuses <Shown> at binding, naming -<Parameter>, and runs nothing' -ForEach @(
        @{ Shown = '-Digits abc'; Arguments = @{ Digits = 'abc' }; Parameter = 'Digits' }
        @{ Shown = "-Digits '3,x'"; Arguments = @{ Digits = '3,x' }; Parameter = 'Digits' }
        @{ Shown = "-Digits 1, 'x2'"; Arguments = @{ Digits = @('1', 'x2') }; Parameter = 'Digits' }
        @{ Shown = '-CallerHangsUpAfter -0:01:00'; Arguments = @{ CallerHangsUpAfter = '-0:01:00' }; Parameter = 'CallerHangsUpAfter' }
        @{ Shown = '-AgentAvailableAfter -0:00:01'; Arguments = @{ AgentAvailableAfter = '-0:00:01' }; Parameter = 'AgentAvailableAfter' }
    ) {
        $err = @(try { Invoke-IvrSimulation @Arguments -ErrorAction Stop } catch { $_ })
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,CallbackLab.Commands.InvokeIvrSimulationCommand'
        $err[0].Exception.ParameterName | Should -Be $Parameter
        @(Get-CallbackLabRequest -Emulator $emu).Count | Should -Be 0
    }

    It 'takes DTMF keys and silence as caller input' {
        (Invoke-IvrSimulation -Digits '*#0', '', '1;2 3' -CallerHangsUpAfter 0:00:00).Digits -join '|' | Should -Be '*#0||1|2|3'
    }

    It 'runs callers in parallel and keeps their order' {
        $callers = 1..12 | ForEach-Object { [pscustomobject]@{ Ani = '+1408555{0:D4}' -f $_; Dnis = '+14694096861'; Digits = @('3', '1')[$_ % 2] } }
        $r = $callers | Invoke-IvrSimulation -ThrottleLimit 4
        $r.Ani | Should -Be $callers.Ani
        @($r | Where-Object { $_.Outcome.ToString() -eq 'GlobalError' }).Count | Should -Be 6
        @($r | Where-Object { $_.Outcome.ToString() -eq 'Disconnected' }).Count | Should -Be 6
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
        @(Get-CallbackLabRequest -Emulator $emu).Count | Should -Be 0 -Because 'the flow''s MockAPI lookup (GET_CBID) never ran'
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
        $f.GetType().Name | Should -Be 'WxccFlow'
        $f.Variables.Count | Should -Be 1
        $f.Activities.Count | Should -Be 11
        $lab = Import-WxccFlow -Lab
        $lab.Name | Should -Be 'Main_Flow_CallbackLab'
        $lab.Variables.Name | Should -Be @('outdialcbid', 'customANI', 'getresult', 'simulatederror')
    }

    It 'gives activity properties as plain values a PowerShell user can enumerate' {
        $get = (Import-WxccFlow -Lab).Activities | Where-Object Name -eq 'GET_CBID'
        $get.Properties.httpRequestUrl | Should -Be 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars?dn={{NewPhoneContact.DNIS | slice(2) }}'
        ($get.Properties.outputVariableArray | ForEach-Object { $_.outputVariable + '<-' + $_.jsonPathExp }) -join ';' |
            Should -Be 'outdialcbid<-$[0].outboundcallbackep;customANI<-$[0].tacnumber'
        @($get.Properties.Keys | Where-Object { $_ -eq 'httpRequestMethod' }).Count | Should -Be 1
        $get.Properties['HTTPREQUESTMETHOD'] | Should -Be 'GET'
    }

    It 'says a folder is a folder, whether named or matched by a wildcard, and still loads the files' {
        $room = Join-Path $TestDrive 'room'
        $nested = Join-Path $room 'attendee01'
        New-Item -ItemType Directory -Path $nested -Force | Out-Null
        Copy-Item (Join-Path $samples 'CL_1_start.json') $room
        $out = Import-WxccFlow -Path (Join-Path $room '*') -ErrorVariable err -ErrorAction SilentlyContinue
        @($out).Name | Should -Be 'CL_1_start'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'FlowPathIsFolder,CallbackLab.Commands.ImportWxccFlowCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be $nested
        $err[0].Exception.Message | Should -Be "'$nested' is a folder, not a flow export. To read the exports in it, give '$(Join-Path $nested '*.json')'."
        $plain = @(try { Import-WxccFlow -Path $room -ErrorAction Stop } catch { $_ })
        $plain[0].FullyQualifiedErrorId | Should -Be 'FlowPathIsFolder,CallbackLab.Commands.ImportWxccFlowCommand'
        (Get-ChildItem $room | Import-WxccFlow -ErrorVariable piped -ErrorAction SilentlyContinue).Name | Should -Be 'CL_1_start'
        $piped[0].FullyQualifiedErrorId | Should -Be 'FlowPathIsFolder,CallbackLab.Commands.ImportWxccFlowCommand'
    }

    It 'reports missing and malformed files without stopping' {
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content $bad '{"name":"x"}'
        $out = (Join-Path $samples 'flow_template.json'), 'nope.json', $bad | Import-WxccFlow -ErrorVariable err -ErrorAction SilentlyContinue
        $out.Name | Should -Be 'flow_template'
        $err.Count | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -Be 'FlowFileNotFound,CallbackLab.Commands.ImportWxccFlowCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'nope.json'
        $err[1].FullyQualifiedErrorId | Should -Be 'InvalidFlowExport,CallbackLab.Commands.ImportWxccFlowCommand'
        $err[1].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[1].Exception.Message | Should -BeLike "*'process' is missing*"
    }

    It '<Command> -Flow reports a missing or malformed export like Import-WxccFlow and the script goes on' -ForEach @(
        @{ Command = 'Import-WxccFlow'; Class = 'ImportWxccFlowCommand' }
        @{ Command = 'Test-WxccFlow'; Class = 'TestWxccFlowCommand' }
        @{ Command = 'Invoke-IvrSimulation'; Class = 'InvokeIvrSimulationCommand' }
    ) {
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content $bad '{"name":"x"}'
        $parameter = if ($Command -eq 'Import-WxccFlow') { 'Path' } else { 'Flow' }
        $missing = @{ $parameter = 'no-such-flow.json' }
        $malformed = @{ $parameter = $bad }
        $out = @(
            & $Command @missing -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            & $Command @malformed -ErrorVariable +err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            'next')
        $out | Should -Be @('next')
        $err.Count | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -Be "FlowFileNotFound,CallbackLab.Commands.$Class"
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'no-such-flow.json'
        $err[1].FullyQualifiedErrorId | Should -Be "InvalidFlowExport,CallbackLab.Commands.$Class"
        $err[1].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[1].TargetObject | Should -Be $bad
    }

    It 'binds flows, files and paths from the pipeline, and a missing row does not stop the others' {
        $readout = Join-Path $samples 'CL_1_readout.json'
        $template = Join-Path $samples 'flow_template.json'
        $readout, $template | Import-WxccFlow | Test-WxccFlow -Quiet | Should -Be @($true, $true)
        [System.IO.FileInfo] $readout, 'nope.json', [System.IO.FileInfo] $template | Test-WxccFlow -Quiet -ErrorVariable err -ErrorAction SilentlyContinue |
            Should -Be @($true, $true)
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'FlowFileNotFound,CallbackLab.Commands.TestWxccFlowCommand'
        [pscustomobject]@{ FullName = $template } | Test-WxccFlow -Quiet | Should -BeTrue
    }

    It 'refuses a -Flow that is neither a flow nor a file at binding' {
        $err = @(try { Invoke-IvrSimulation -Flow 42 -ErrorAction Stop } catch { $_ })
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ParameterArgumentTransformationError,CallbackLab.Commands.InvokeIvrSimulationCommand'
        $err[0].Exception.Message | Should -BeLike '*Int32*'
    }

    It 'writes what the Import-WxccFlow and Test-WxccFlow help examples show' {
        $f = Import-WxccFlow (Join-Path $samples 'CL_1_start.json')
        $f.Variables.Count | Should -Be 1
        $f.Activities.Count + $f.EventFlows.Activities.Count | Should -Be 17
        $f.EventFlows.Events -join ', ' | Should -Be 'PhoneContactEnded, AgentDisconnected, CallbackFailed, OnGlobalError, AgentOffered, AgentAnswered'
        $f.Activities.Count | Should -Be 11
        @($f.EventFlows.Activities).Count | Should -Be 6
        (Test-WxccFlow (Import-WxccFlow -Lab)).Message | Should -Be ("The expression '{{ ANI | 123}}' in 'process.activities.c0a1b2c3-0000-4000-8000-000000000011.properties.expr' does not parse " +
            '(Unexpected token of value "123" and type NUMBER, expected token of type NAME); at run time ''SimulateGlobalError'' fails and raises OnGlobalError.')
        $json = [CallbackLab.Core.Flows.Lab.LabFlow]::Json.Replace('{{CallBackAPI_Request.httpStatusCode == 201}}', '{{HTTP_PUT.httpStatusCode == 201}}')
        $slip = [CallbackLab.Core.Flows.Model.WxccFlowReader]::Parse($json, 'MyMainFlow.json')
        Test-WxccFlow $slip -Quiet | Should -BeFalse
        (Test-WxccFlow $slip -MinimumSeverity Error).Message | Should -Be ("The expression '{{HTTP_PUT.httpStatusCode == 201}}' in 'eventFlows.eventsMap.GLOBAL_EVENTS.process.activities.c0a1b2c3-2000-4000-8000-000000000008.properties.expression' " +
            "refers to 'HTTP_PUT.httpStatusCode': the flow has no variable and no activity named 'HTTP_PUT'.")
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
        # The Cisco Live exports and the template pipe through both cmdlets and pass (other samples carry real findings).
        Get-ChildItem $samples -Filter '*.json' | Where-Object Name -in 'CL_1_readout.json', 'CL_1_start.json', 'flow_template.json' |
            Import-WxccFlow | Test-WxccFlow -Quiet | Should -Be @($true, $true, $true)
    }

    It 'passes the lab with one warning and flags the copy-button slip' {
        Test-WxccFlow (Import-WxccFlow -Lab) -Quiet | Should -BeTrue
        $w = @(Test-WxccFlow (Import-WxccFlow -Lab))
        $w.Count | Should -Be 1
        $w[0].Code | Should -Be 'ExpressionDoesNotParse'
        $w[0].ActivityName | Should -Be 'SimulateGlobalError'
        $json = [CallbackLab.Core.Flows.Lab.LabFlow]::Json.Replace('{{CallBackAPI_Request.httpStatusCode == 201}}', '{{HTTP_PUT.httpStatusCode == 201}}')
        $slip = [CallbackLab.Core.Flows.Model.WxccFlowReader]::Parse($json, 'slip.json')
        Test-WxccFlow $slip -Quiet | Should -BeFalse
        $e = Test-WxccFlow $slip -MinimumSeverity Error
        $e.Severity.ToString() | Should -Be 'Error'
        $e.Code | Should -Be 'UnknownReference'
        $e.ActivityName | Should -Be 'HTTPStatusCode'
        $e.Message | Should -BeLike '*HTTP_PUT.httpStatusCode*'
    }

    It 'finds the menu gap in the Cisco Live exports, and nothing in the template' {
        Test-WxccFlow -Flow (Join-Path $samples 'CL_1_readout.json') -Quiet | Should -BeTrue
        $f = Test-WxccFlow (Join-Path $samples 'CL_1_readout.json')
        $f.Code | Should -Be 'UnwiredMenuPort'
        $f.ActivityName | Should -Be 'opt_out'
        Test-WxccFlow (Join-Path $samples 'flow_template.json') | Should -BeNullOrEmpty
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
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'StepLimitExceeded,CallbackLab.Commands.InvokeIvrSimulationCommand'
        $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $err[0].Exception.Message | Should -BeLike '*50 steps*'
    }

    It 'stops a loop that takes no virtual time at the step limit' {
        $zero = Join-Path $TestDrive 'zero-music.json'
        Set-Content $zero ((Get-Content -Raw (Join-Path $samples 'flow_template.json')).Replace('"duration":null', '"duration":0'))
        $r = Invoke-IvrSimulation -Flow $zero -MaxSteps 50 -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $r.Outcome | Should -Be 'StepLimitExceeded'
        $r.Steps.Count | Should -Be 50
        $r.Duration | Should -Be ([timespan]::Zero)
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'StepLimitExceeded,CallbackLab.Commands.InvokeIvrSimulationCommand'
        $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }

    It 'stops at an unknown activity type with an error naming the type and the activity' {
        $unknown = Join-Path $TestDrive 'unknown-type.json'
        Set-Content $unknown ((Get-Content -Raw (Join-Path $samples 'flow_template.json')) -replace '"activityName":\s*"queue-contact"', '"activityName":"queue-teleport"')
        $r = Invoke-IvrSimulation -Flow $unknown -MockApiUri 'http://127.0.0.1:9/x' -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Outcome | Should -Be 'Failed'
        $r.Steps[-1].ActivityName | Should -Be 'QueueContact_ypp'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'UnknownActivityType,CallbackLab.Commands.InvokeIvrSimulationCommand'
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $err[0].Exception.Message | Should -BeLike "*'queue-teleport'*"
        $err[0].Exception.Message | Should -BeLike "*'QueueContact_ypp'*"
    }

    It 'warns when there is no MockAPI endpoint at all, and still runs a caller who does not need it' {
        Get-CallbackLabEmulator | Should -BeNullOrEmpty
        $r = Invoke-IvrSimulation -Digits 1 -WarningVariable w -WarningAction SilentlyContinue
        $r.Outcome | Should -Be 'Disconnected'
        $w.Count | Should -Be 1
        $w[0].Message | Should -BeLike '*No MockAPI endpoint*'
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
