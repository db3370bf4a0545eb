#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Acceptance tests for HTTP stubs: Add-/Get-/Remove-CallbackLabStub, Start-CallbackLabEmulator -Stub, and
# Invoke-IvrSimulation's routing (-AllowNetwork, -NetworkHost, -RecordStubs). Everything stays on 127.0.0.1.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    $manifest = (Resolve-Path $manifest).Path
    Import-Module $manifest -Force
    $stubData = Join-Path $PSScriptRoot '../TestData/Stubs'

    # NewPhoneContact -> GET $Url (its $.tier goes to the variable tier) -> end. A 404 leaves by default like any status.
    function New-LookupFlow([string] $Url, [string] $Path) {
        $flow = [ordered]@{
            name       = 'stub-proof'
            variables  = @(@{ name = 'tier'; type = 'STRING'; value = 'none' })
            process    = @{
                activities = [ordered]@{
                    NewPhoneContact = @{ id = 'NewPhoneContact'; name = 'NewPhoneContact'; group = 'start'; properties = @{ activityName = 'NewPhoneContact' } }
                    Lookup          = @{ id = 'Lookup'; name = 'Lookup'; group = 'action'; properties = @{
                            activityName = 'http-request-v2'; authenticated = $false; httpRequestUrl = $Url; httpRequestMethod = 'GET'
                            httpRequestHeaders = @{ Authorization = 'Bearer pester-secret-token' }; httpResponseTimeout = 2000; retryAttempts = 1
                            outputVariableArray = @(@{ outputVariable = 'tier'; jsonPathExp = '$.tier' })
                        }
                    }
                    Done            = @{ id = 'Done'; name = 'Done'; group = 'action'; properties = @{ activityName = 'end-flow' } }
                }
                links      = @(
                    @{ id = 'l1'; sourceActivityId = 'NewPhoneContact'; targetActivityId = 'Lookup'; conditionExpr = 'out' }
                    @{ id = 'l2'; sourceActivityId = 'Lookup'; targetActivityId = 'Done'; conditionExpr = 'default' }
                )
            }
            eventFlows = @{ eventsMap = @{ GLOBAL_EVENTS = @{ process = @{ activities = @{}; links = @() } } } }
        }
        $flow | ConvertTo-Json -Depth 12 | Set-Content -LiteralPath $Path -Encoding utf8
        $Path
    }
}

Describe 'Add-CallbackLabStub, Get-CallbackLabStub, Remove-CallbackLabStub' {
    AfterEach {
        Get-CallbackLabEmulator | Stop-CallbackLabEmulator
    }

    It 'adds a stub from parameters that answers over HTTP, first 500 then 200' {
        $e = Start-CallbackLabEmulator
        $stub = Add-CallbackLabStub -Url /crm/customers -Method GET -StatusCode 500, 200 -Body '{"tier":"gold"}' -Name crm -PassThru
        $stub.Name | Should -Be 'crm'
        $stub.Status | Should -Be '500→200'
        $first = Invoke-WebRequest "$($e.Uri)crm/customers" -SkipHttpErrorCheck
        $second = Invoke-RestMethod "$($e.Uri)crm/customers"
        $first.StatusCode | Should -Be 500
        $second.tier | Should -Be 'gold'
        (Get-CallbackLabStub -Name crm).CallCount | Should -Be 2
    }

    It 'loads stub files, keeps their ids, and removes by pipeline' {
        Start-CallbackLabEmulator | Out-Null
        Get-ChildItem (Join-Path $stubData 'webex_api.json') | Add-CallbackLabStub
        $ids = (Get-CallbackLabStub).Id
        $ids | Should -Contain ([guid] '5b0a7f3e-0c1d-4a51-9f00-000000000101')
        Get-CallbackLabStub -Id '5b0a7f3e-0c1d-4a51-9f00-000000000102' | Remove-CallbackLabStub
        (Get-CallbackLabStub).Id | Should -Not -Contain ([guid] '5b0a7f3e-0c1d-4a51-9f00-000000000102')
        @(Get-CallbackLabStub).Count | Should -Be 2
        Remove-CallbackLabStub -All
        @(Get-CallbackLabStub).Count | Should -Be 0
    }

    It 'changes nothing with -WhatIf' {
        Start-CallbackLabEmulator | Out-Null
        Add-CallbackLabStub -Url /a -WhatIf
        @(Get-CallbackLabStub).Count | Should -Be 0
        Add-CallbackLabStub -Url /a
        Remove-CallbackLabStub -All -WhatIf
        @(Get-CallbackLabStub).Count | Should -Be 1
    }

    It 'reports bad input with stable error ids and goes on' {
        Start-CallbackLabEmulator | Out-Null
        Add-CallbackLabStub -Path (Join-Path $TestDrive 'missing.json'), (Join-Path $stubData 'other-hosts.json') -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'StubFileNotFound,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @(Get-CallbackLabStub).Count | Should -Be 2

        Add-CallbackLabStub -Mapping '{"request":{"cookies":{"s":{"equalTo":"1"}}},"response":{}}' -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'InvalidStub,*'
        $bad[0].Exception.Message | Should -Match 'request\.cookies'

        Add-CallbackLabStub -Url /a -Mapping '{}' -ErrorVariable both -ErrorAction SilentlyContinue
        $both[0].FullyQualifiedErrorId | Should -BeLike 'StubSourceRequired,*'

        Remove-CallbackLabStub -Id ([guid]::NewGuid()) -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].FullyQualifiedErrorId | Should -BeLike 'StubNotFound,*'
    }

    It 'needs an emulator' {
        Add-CallbackLabStub -Url /a -ErrorVariable none -ErrorAction SilentlyContinue
        $none[0].FullyQualifiedErrorId | Should -BeLike 'NoEmulator,*'
    }
}

Describe 'Start-CallbackLabEmulator -Stub' {
    AfterEach {
        Get-CallbackLabEmulator | Stop-CallbackLabEmulator
    }

    It 'serves the stubs of the files' {
        $e = Start-CallbackLabEmulator -Stub (Join-Path $stubData 'Zendesk_HTTP_Connector.json')
        (Invoke-RestMethod "$($e.Uri)api/v2/users/search.json?query=type:user").users[0].id | Should -Be 9001
        (Invoke-RestMethod "$($e.MockApiUri)/DynVars?dn=4694096861")[0].tacnumber | Should -Be '14085267209'
    }

    It 'starts nothing when a stub file is invalid' {
        $bad = Join-Path $TestDrive 'bad.json'
        '{"request":{"urlPattern":"("},"response":{}}' | Set-Content $bad
        { Start-CallbackLabEmulator -Stub $bad -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidStubFile,*'
        @(Get-CallbackLabEmulator).Count | Should -Be 0
    }

    It 'refuses proxyBaseUrl and advises -AllowNetwork, which the Core message does not name' {
        $proxy = Join-Path $TestDrive 'proxy.json'
        '{"request":{"url":"/x"},"response":{"proxyBaseUrl":"https://real.example"}}' | Set-Content $proxy
        $err = @(try { Start-CallbackLabEmulator -Stub $proxy -ErrorAction Stop } catch { $_ })
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidStubFile,CallbackLab.Commands.StartCallbackLabEmulatorCommand'
        $err[0].Exception.Message | Should -BeLike "*'proxyBaseUrl' is not supported*"
        $err[0].Exception.Message | Should -Not -BeLike '*-AllowNetwork*'
        $err[0].ErrorDetails.RecommendedAction | Should -BeLike 'To answer from a real host, run Invoke-IvrSimulation with -AllowNetwork -NetworkHost*'
        @(Get-CallbackLabEmulator).Count | Should -Be 0
    }
}

Describe 'Invoke-IvrSimulation and stubs' {
    AfterEach {
        Get-CallbackLabEmulator | Stop-CallbackLabEmulator
    }

    It 'answers a request from the stubs and parses it' {
        Start-CallbackLabEmulator | Out-Null
        Add-CallbackLabStub -Url 'https://*.cloudfunctions.net/lookup' -Body '{"tier":"gold"}'
        $result = Invoke-IvrSimulation -Flow (New-LookupFlow 'https://us-central1-demo.cloudfunctions.net/lookup' (Join-Path $TestDrive 'f.json'))
        $result.Variables['tier'] | Should -Be 'gold'
        $result.UnmatchedRequests | Should -BeNullOrEmpty
    }

    It 'takes the stubs of the emulator -Connection names, not those of the default one' {
        $named = Start-CallbackLabEmulator -NoDefault
        Start-CallbackLabEmulator | Out-Null # the default, newer, with a different answer
        Add-CallbackLabStub -Emulator $named -Url 'https://*.cloudfunctions.net/lookup' -Body '{"tier":"gold"}'
        Add-CallbackLabStub -Url 'https://*.cloudfunctions.net/lookup' -Body '{"tier":"bronze"}'
        $flow = New-LookupFlow 'https://us-central1-demo.cloudfunctions.net/lookup' (Join-Path $TestDrive 'named.json')
        (Invoke-IvrSimulation -Flow $flow -Connection $named).Variables['tier'] | Should -Be 'gold'
        (Invoke-IvrSimulation -Flow $flow).Variables['tier'] | Should -Be 'bronze'
    }

    It 'does not send an unmatched request: 404 naming the closest stub, a warning, the result and the journal' {
        Start-CallbackLabEmulator | Out-Null
        Add-CallbackLabStub -Url 'https://crm.example/lookup' -Method POST -Name 'crm lookup'
        $result = Invoke-IvrSimulation -Flow (New-LookupFlow 'https://crm.example/lookup' (Join-Path $TestDrive 'f.json')) -WarningVariable warned 3>$null
        $result.Outcome | Should -Be 'Ended'
        $result.HttpStatusCode | Should -Be 404
        $result.UnmatchedRequests[0].ClosestStubName | Should -Be 'crm lookup'
        $result.UnmatchedRequests[0].Mismatches | Should -Be 'method: expected POST, got GET'
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -Match "Closest stub 'crm lookup'"
        $warned[0].Message | Should -BeLike '* To send it for real, run with -AllowNetwork -NetworkHost crm.example.' -Because 'the cmdlet adds the advice'
        $result.UnmatchedRequests[0].Reason | Should -Not -BeLike '*-NetworkHost*' -Because 'the Core reason has no parameter names'
        (Get-CallbackLabStub -Unmatched).Url | Should -Be 'https://crm.example/lookup'
        $journal = Get-CallbackLabRequest -Path 'https://crm.example/lookup'
        $journal.StatusCode | Should -Be 404
        $journal.Headers['Authorization'] | Should -Be 'Bearer ***'
    }

    It 'sends nothing without stubs and -AllowNetwork, even with every proxy variable pointing at a listening socket' {
        $proxy = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $proxy.Start()
        try {
            $proxyUri = "http://127.0.0.1:$($proxy.LocalEndpoint.Port)"
            $flow = New-LookupFlow 'https://us-central1-demo.cloudfunctions.net/lookup' (Join-Path $TestDrive 'f.json')
            $script = @'
param($Manifest, $Flow)
Import-Module $Manifest
$r = Invoke-IvrSimulation -Flow $Flow -WarningAction SilentlyContinue
"outcome=$($r.Outcome);status=$($r.HttpStatusCode);unmatched=$($r.UnmatchedRequests.Count)"
# The control: a plain HttpClient in the same process does go through the proxy variables, so the socket can see a leak.
$client = [System.Net.Http.HttpClient]::new(); $client.Timeout = [timespan]::FromSeconds(2)
try { $null = $client.GetAsync('http://control.example/').GetAwaiter().GetResult() } catch { }
'@
            $scriptPath = Join-Path $TestDrive 'child.ps1'
            Set-Content -LiteralPath $scriptPath -Value $script
            $names = 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy'
            $saved = @{}
            foreach ($name in $names + 'NO_PROXY', 'no_proxy') { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
            try {
                foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $proxyUri) }
                [Environment]::SetEnvironmentVariable('NO_PROXY', $null); [Environment]::SetEnvironmentVariable('no_proxy', $null)
                # This PowerShell's own executable (a global tool runs under dotnet, so not the process path).
                $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
                $output = & $pwsh -NoProfile -NonInteractive -File $scriptPath -Manifest $manifest -Flow $flow
            }
            finally {
                foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            }

            $output | Should -Contain 'outcome=Ended;status=404;unmatched=1'
            $accepted = 0
            while ($proxy.Pending()) { $proxy.AcceptTcpClient().Dispose(); $accepted++ }
            $accepted | Should -Be 1 -Because 'only the control request may reach the proxy'
        }
        finally {
            $proxy.Stop()
        }
    }

    It 'sends to a listed host only with -AllowNetwork, records the exchange, and replays it offline' {
        $real = Start-CallbackLabEmulator -NoDefault
        $url = "$($real.MockApiUri)/DynVars?dn=4694096861"
        $flow = New-LookupFlow $url (Join-Path $TestDrive 'f.json')
        $recorded = Join-Path $TestDrive 'recorded.json'
        Start-CallbackLabEmulator | Out-Null

        $offline = Invoke-IvrSimulation -Flow $flow -WarningAction SilentlyContinue
        $offline.HttpStatusCode | Should -Be 404
        @(Get-CallbackLabRequest -Emulator $real).Count | Should -Be 0

        Invoke-IvrSimulation -Flow $flow -AllowNetwork -NetworkHost "127.0.0.1:$($real.Port)" -RecordStubs $recorded -WhatIf | Should -BeNullOrEmpty
        @(Get-CallbackLabRequest -Emulator $real).Count | Should -Be 0
        Test-Path $recorded | Should -BeFalse

        { Invoke-IvrSimulation -Flow $flow -AllowNetwork -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidNetworkParameters,*'

        $live = Invoke-IvrSimulation -Flow $flow -AllowNetwork -NetworkHost "127.0.0.1:$($real.Port)" -RecordStubs $recorded -Confirm:$false
        $live.HttpStatusCode | Should -Be 200
        @(Get-CallbackLabRequest -Emulator $real).Count | Should -Be 1
        $saved = Get-Content -Raw $recorded
        $saved | Should -Not -Match 'pester-secret-token'
        $saved | Should -Match '14085267209'

        $real | Stop-CallbackLabEmulator
        Get-CallbackLabEmulator | Stop-CallbackLabEmulator
        Start-CallbackLabEmulator -Stub $recorded | Out-Null
        $replayed = Invoke-IvrSimulation -Flow $flow
        $replayed.HttpStatusCode | Should -Be 200
        $replayed.UnmatchedRequests | Should -BeNullOrEmpty
        $replayed.Steps[1].Http.ResponseBody | Should -Be $live.Steps[1].Http.ResponseBody
    }
}
