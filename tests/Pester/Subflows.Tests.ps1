#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Acceptance tests for issue 11's flow surface in real pwsh: a main flow handing off to its subflow from -SubflowPath, a
# subflow on its own, New-IvrWorld from CSV rows, -GlobalVariable, Test-WxccFlow -SubflowPath, and a malformed export
# that does not stop a piped import. Stubs answer every HTTP host; everything stays on 127.0.0.1.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module (Resolve-Path $manifest).Path -Force
    $script:flows = Join-Path $PSScriptRoot '../TestData/Flows'
    $script:stubs = Join-Path $PSScriptRoot '../TestData/Stubs'
    $script:main = Join-Path $flows 'webex_api_mainflow.json'
    $script:subflow = Join-Path $flows 'webex_api_refresh_token_subflow.json'
}

Describe 'Invoke-IvrSimulation -SubflowPath' {
    # A fresh emulator per test: the token-expired stub answers 401 only to the first request.
    BeforeEach {
        $script:emulator = Start-CallbackLabEmulator -Stub (Join-Path $stubs 'webex_api.json'), (Join-Path $stubs 'webex_api.token-expired.json')
    }

    AfterEach {
        $emulator | Stop-CallbackLabEmulator
    }

    It 'refreshes the expired token in the subflow, shows the nesting and retries with the new token' {
        $library = Join-Path $TestDrive 'subflows'
        $null = New-Item -ItemType Directory $library -Force
        Copy-Item $subflow $library

        $r = Invoke-IvrSimulation -Flow $main -SubflowPath $library -WarningAction SilentlyContinue

        $r.Outcome | Should -Be 'Disconnected'
        ($r.Steps | Where-Object Flow -EQ 'Main > webex_api_refresh_token').ActivityName |
            Should -Be @('StartSubflow', 'RefreshAccessToken', 'WasObtained', 'UpdateGlobalVariable', 'UpdateSuccessCheck', 'UpdateFailure')
        $r.Variables['WEBEX_ACCESS_TOKEN'] | Should -Be 'STUB_REFRESHED_ACCESS_TOKEN'
        $r.Path[-3..-1] | Should -Be @('RequestOutcome', 'NameAndStatus', 'Success')
        $r.UnmatchedRequests | Should -BeNullOrEmpty
    }

    It 'stops with SubflowNotFound naming what it looked for when the library lacks the subflow' {
        $r = Invoke-IvrSimulation -Flow $main -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $r.Outcome | Should -Be 'Failed'
        $err[0].FullyQualifiedErrorId | Should -Be 'SubflowNotFound,CallbackLab.Commands.InvokeIvrSimulationCommand'
        $err[0].Exception.Message | Should -BeLike "*No subflow matches name 'webex_api_refresh_token' (id 687fab57eee2ed7313dcc33c*"
        $err[0].Exception.Message | Should -Not -BeLike '*-SubflowPath*'
        $err[0].ErrorDetails.RecommendedAction | Should -Be 'Give the subflow exports with -SubflowPath (files, or folders of *.json exports).'
    }

    It 'runs the subflow alone and returns its output' {
        $r = Invoke-IvrSimulation -Flow $subflow -WarningAction SilentlyContinue

        $r.Outcome | Should -Be 'SubflowEnded'
        $r.SubflowOutputs['access_token'] | Should -Be 'STUB_REFRESHED_ACCESS_TOKEN'
    }
}

Describe 'New-IvrWorld and -World' {
    It 'builds one world per CSV row and the business-hours branch follows it' {
        $csv = Join-Path $TestDrive 'worlds.csv'
        "BusinessHoursStatus,Seed`nholidays,1`noverride,`n" | Set-Content $csv
        $worlds = @(Import-Csv $csv | New-IvrWorld)

        $worlds.Count | Should -Be 2
        $worlds[1].Seed | Should -BeNullOrEmpty
        $ends = $worlds | ForEach-Object { (Invoke-IvrSimulation -Flow (Join-Path $flows 'BusinessHours_Template.json') -World $_ -WarningAction SilentlyContinue).Path[2] }
        $ends | Should -Be @('Holiday_Closed', 'Override_Emergency')
    }
}

Describe 'Test-WxccFlow -SubflowPath and a malformed export' {
    It 'finds the subflow in the library, and names it when the library lacks it' {
        Test-WxccFlow $main -SubflowPath $subflow -Quiet | Should -BeTrue
        (Test-WxccFlow $main -SubflowPath (Join-Path $flows 'flow_template.json') | Where-Object Code -EQ 'SubflowNotFound').ActivityName |
            Should -Be 'RefreshTheToken'
    }

    It 'reads the next piped export after one with an array where text belongs' {
        $bad = Join-Path $TestDrive 'bad.json'
        $export = Get-Content (Join-Path $flows 'flow_template.json') -Raw | ConvertFrom-Json
        $export.process.links[0].conditionExpr = @()
        $export | ConvertTo-Json -Depth 100 | Set-Content $bad
        $out = $bad, (Join-Path $flows 'CL_1_start.json') | Import-WxccFlow -ErrorVariable err -ErrorAction SilentlyContinue

        $out.Name | Should -Be 'CL_1_start'
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidFlowExport,CallbackLab.Commands.ImportWxccFlowCommand'
        $err[0].Exception.Message | Should -BeLike "'process.links``[0``].conditionExpr' must be text, not an array.*"
    }
}
