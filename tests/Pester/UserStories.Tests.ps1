#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The README's user stories, one Describe each (the README points here; CI runs them through .ci/run).

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
}

Describe 'Story 1: rehearse the lab offline' {
    BeforeAll { $script:emulator = Start-CallbackLabEmulator }
    AfterAll { $emulator | Stop-CallbackLabEmulator }

    It 'passes Test-CallbackFlow for a caller pressing 3, and the emulator recorded the lab body' {
        Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 | Test-CallbackFlow -Quiet | Should -BeTrue
        $posts = @(Get-CallbackLabRequest -Method POST -Path '/v1/tasks')
        $posts.Count | Should -Be 1
        # The whole body, field for field and nothing more (the flow sends the lab text's indented JSON).
        $posts[0].Body | ConvertFrom-Json | ConvertTo-Json -Compress -Depth 5 | Should -BeExactly ('{"entryPointId":"3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58","destination":"14085267209",' +
            '"attributes":{"Message":"tester","To Queue":"sales"},"outboundType":"CALLBACK","mediaType":"telephony",' +
            '"callback":{"callbackOrigin":"web","callbackType":"immediate"}}')
        $body = $posts[0].Body | ConvertFrom-Json
        $body.entryPointId | Should -Be '3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58'
        $body.destination | Should -Be '14085267209'
        $body.attributes.Message | Should -Be 'tester'
        $body.attributes.'To Queue' | Should -Be 'sales'
        $body.outboundType | Should -Be 'CALLBACK'
        $body.mediaType | Should -Be 'telephony'
        $body.callback.callbackOrigin | Should -Be 'web'
        $body.callback.callbackType | Should -Be 'immediate'
    }
}

Describe 'Story 2: the lab in one line' {
    BeforeAll { $script:emulator = Start-CallbackLabEmulator }
    AfterAll { $emulator | Stop-CallbackLabEmulator }

    It 'creates a 201 callback task from the DynVars record' {
        $task = Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask
        $task.StatusCode | Should -Be 201
        $task.EntryPointId | Should -Be '3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58'
        $task.Destination | Should -Be '14085267209'
    }

    It 'sends nothing with -WhatIf' {
        Reset-CallbackLabEmulator
        Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask -WhatIf
        @(Get-CallbackLabRequest -Method POST -Path '/v1/tasks').Count | Should -Be 0
    }
}

Describe 'Story 3: provision the attendees' {
    BeforeAll { $script:emulator = Start-CallbackLabEmulator }
    AfterAll { $emulator | Stop-CallbackLabEmulator }

    It 'creates one record per CSV row and removes them again' {
        $csv = Join-Path $TestDrive 'attendees.csv'
        @(
            'dn,outboundcallbackep,tacnumber'
            '4695550101,3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58,14085267209'
            '4695550102,3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58,14085267209'
        ) | Set-Content $csv
        Import-Csv $csv | New-DynVars
        $created = @(Get-DynVars -Dn 469555)
        $created.Dn | Should -Be @('4695550101', '4695550102')
        # The README's clean-up line: -Exact, so that only the attendees' own records go.
        Import-Csv $csv | ForEach-Object { Get-DynVars -Dn $_.dn -Exact } | Remove-DynVars
        @(Get-DynVars -Dn 469555).Count | Should -Be 0
        (Get-DynVars -Dn 4694096861 -Exact).TacNumber | Should -Be '14085267209'
    }
}

Describe 'Story 4: prove the failure path' {
    BeforeAll { $script:emulator = Start-CallbackLabEmulator }
    AfterAll { $emulator | Stop-CallbackLabEmulator }

    It 'fails Test-CallbackFlow when /v1/tasks answers 500, and says why' {
        Set-CallbackLabFault -Path '/v1/tasks' -StatusCode 500
        $result = Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 | Test-CallbackFlow
        $result.Passed | Should -BeFalse
        $result.StatusCode | Should -Be 500
        $result.FailedStep | Should -Match 'CallBackAPI_Request|HTTPStatusCode'
        $result.Reason | Should -Match '500'
    }
}

Describe 'Story 5: check a flow before publishing' {
    It 'flags the copy-button slip {{HTTP_PUT.httpStatusCode == 201}}' {
        $path = Join-Path $TestDrive 'slip.json'
        [CallbackLab.Core.Flows.Lab.LabFlow]::Json.Replace('{{CallBackAPI_Request.httpStatusCode == 201}}', '{{HTTP_PUT.httpStatusCode == 201}}') |
            Set-Content $path
        $errors = @(Test-WxccFlow -Flow $path -MinimumSeverity Error)
        $errors.Count | Should -Be 1
        $errors[0].ActivityName | Should -Be 'HTTPStatusCode'
        $errors[0].Message | Should -Match 'HTTP_PUT'
        Test-WxccFlow -Flow $path -Quiet | Should -BeFalse
    }
}

Describe 'Story 6: debug an expression' {
    It 'renders the GET_CBID query value' {
        Expand-FlowExpression '{{NewPhoneContact.DNIS | slice(2)}}' -Variable @{ 'NewPhoneContact.DNIS' = '+14694096861' } |
            Should -Be '4694096861'
    }

    It 'fails {{ ANI | 123}} with Pebble''s message' {
        { Expand-FlowExpression '{{ ANI | 123}}' -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*Unexpected token of value "123" and type NUMBER, expected token of type NAME*'
        # Without -ErrorAction Stop it is one non-terminating error and no output.
        Expand-FlowExpression '{{ ANI | 123}}' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
    }
}
