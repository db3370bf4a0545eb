#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Acceptance tests for the API cmdlets against the local emulator.
# (The xUnit twins that re-ran these in C# strings, Commands/Api/*.cs and ProgressTests.cs, are retired: their
# assertions live here now.)

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force

    $script:labBody = '{"entryPointId":"3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58","destination":"14085267209",' +
        '"attributes":{"Message":"tester","To Queue":"sales"},"outboundType":"CALLBACK","mediaType":"telephony",' +
        '"callback":{"callbackOrigin":"web","callbackType":"immediate"}}'
    $script:ep = '3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58'

    function SS([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
    function Plain([securestring] $Secure) { [System.Net.NetworkCredential]::new('', $Secure).Password }
    function Journal([string] $Method, [string] $Path) { @((Get-CallbackLabRequest -Emulator $e) | Where-Object { $_.Method -eq $Method -and $_.Path -like $Path }) }
    # The progress records a script writes. The Progress stream cannot be redirected, and in real pwsh a nested
    # [powershell] on the current runspace sends it to the host, so the script runs in a fresh runspace of its own
    # with the module imported and an emulator of its own as the session default (closed with the runspace).
    function ProgressOf([string] $Script, [string] $StartArguments = '', [switch] $AllowErrors) {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$manifest'; `$null = Start-CallbackLabEmulator $StartArguments").Invoke()
            $ps.Commands.Clear()
            $null = $ps.AddScript($Script).Invoke()
            if ($ps.Streams.Error.Count -and -not $AllowErrors) { throw "The script wrote errors: $($ps.Streams.Error -join '; ')" }
            @($ps.Streams.Progress)
        }
        finally { $ps.Runspace.Dispose(); $ps.Dispose() }
    }
    # The session's endpoint defaults (the Core policy, CallbackLab.Core.Wxcc.EndpointDefaults), called as the cmdlets call it.
    function Resolve([string] $Name, $Value) {
        $type = (Get-Module CallbackLab).ImplementingAssembly.GetType('CallbackLab.Infrastructure.CallbackLabSession')
        $session = $type.GetProperty('Current', [Reflection.BindingFlags]'NonPublic,Static').GetValue($null)
        $defaults = $type.GetProperty('Defaults', [Reflection.BindingFlags]'NonPublic,Instance').GetValue($session)
        try { if ($Name -eq 'ResolveMockApiUri') { $defaults.MockApiUriFor($Value, $null) } else { $defaults.RequireConnection($Value) } }
        catch { $_.Exception.InnerException.GetType().Name }
    }
    # Pester 5 has no file-level AfterEach: every Describe that starts emulators or connects calls this after each test.
    function Reset-LabSession {
        Get-CallbackLabEmulator | Stop-CallbackLabEmulator
        Disconnect-Wxcc
    }
}

Describe 'callback tasks' {
    AfterEach { Reset-LabSession }
    BeforeEach { $script:e = Start-CallbackLabEmulator }

    It 'runs the lab in one line: a 201 task recorded with the exact lab body' {
        $t = Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask
        $t.PSObject.TypeNames[0] | Should -Be 'CallbackLab.Core.Wxcc.WxccCallbackTask'
        $t.StatusCode | Should -Be 201
        $t.EntryPointId | Should -Be $ep
        $t.Destination | Should -Be '14085267209'
        $t.OrgId | Should -Not -BeNullOrEmpty
        $e.Tasks.Count | Should -Be 1
        $e.Tasks[0].Id | Should -Be $t.Id
        $post = Journal 'POST' '/v1/tasks'
        $post.Count | Should -Be 1
        $post[0].Body | Should -BeExactly $labBody
        $post[0].Headers['TrackingId'] | Should -Be $t.TrackingId
        $t.TrackingId | Should -Match '^CallbackLab_[0-9a-f-]{36}$'
    }

    It 'sends nothing with -WhatIf' {
        Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask -WhatIf
        (Journal 'POST' '/v1/tasks').Count | Should -Be 0
        $e.Tasks.Count | Should -Be 0
    }

    It 'retries a 429 after its Retry-After of one second' {
        Set-CallbackLabFault -Path /v1/tasks -Method POST -StatusCode 429 -RetryAfterSeconds 1 -Count 1
        $all = @(New-WxccCallbackTask -EntryPointId $ep -Destination 14085267209 -Verbose 4>&1)
        $t = $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $t.StatusCode | Should -Be 201
        $post = Journal 'POST' '/v1/tasks'
        ($post.StatusCode -join ',') | Should -Be '429,201'
        ($post[1].Time - $post[0].Time).TotalMilliseconds | Should -BeGreaterOrEqual 900
        $post[1].Headers['TrackingId'] | Should -Be $post[0].Headers['TrackingId'] -Because 'a retry is the same request'
        ($verbose | Where-Object { $_ -like '*Retry 1 of 2*' -and $_ -like '*in 1 s*' -and $_ -like '*Retry-After: 1*' }).Count | Should -Be 1
    }

    It 'stops a retry wait at once when the pipeline is stopped (Ctrl+C)' {
        # A runspace of its own, so that this test can stop its pipeline as Ctrl+C does.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$manifest'; `$null = Start-CallbackLabEmulator; Set-CallbackLabFault -Path /v1/tasks -Method POST -StatusCode 429 -RetryAfterSeconds 60 -Count 1").Invoke()
            $ps.Commands.Clear()
            $null = $ps.AddScript('New-WxccCallbackTask -EntryPointId ep -Destination 14085267209 -Verbose')
            $running = $ps.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(20)
            while (-not ($ps.Streams.Verbose | Where-Object Message -like 'Retry 1 of*') -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            @($ps.Streams.Verbose | Where-Object Message -like 'Retry 1 of*').Count | Should -Be 1 -Because 'the cmdlet is waiting to retry'
            $running.IsCompleted | Should -BeFalse
            $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'the 60 s Retry-After wait is cancelled'
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $running.IsCompleted | Should -BeTrue
            $ps.Commands.Clear()
            @($ps.AddScript("@(Get-CallbackLabRequest -Method POST -Path '/v1/tasks').Count").Invoke())[0] | Should -Be 1
        }
        finally { $ps.Runspace.Dispose(); $ps.Dispose() }
    }

    It 'reports a redirect as an error instead of following it' {
        Set-CallbackLabFault -Path /v1/tasks -Method POST -StatusCode 302 -Count 1
        New-WxccCallbackTask -EntryPointId $ep -Destination 14085267209 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'WxccApiError,CallbackLab.Commands.NewWxccCallbackTaskCommand'
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $err[0].ErrorDetails.Message | Should -Match ' 302 '
        $e.Tasks.Count | Should -Be 0
    }

    It 'does not retry a 503 on POST /v1/tasks and reports the trackingId' {
        Set-CallbackLabFault -Path /v1/tasks -Method POST -StatusCode 503 -Count 1
        New-WxccCallbackTask -EntryPointId $ep -Destination 14085267209 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $post = Journal 'POST' '/v1/tasks'
        $post.Count | Should -Be 1
        $err.Count | Should -Be 1
        $err[0].ErrorDetails.Message | Should -Match ' 503 '
        "$($err[0].TargetObject)" | Should -BeLike 'POST http://127.0.0.1:*' 
        $err[0].FullyQualifiedErrorId | Should -Be 'WxccApiError,CallbackLab.Commands.NewWxccCallbackTaskCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $err[0].ErrorDetails.Message | Should -Match ([regex]::Escape("TrackingId: $($post[0].Headers['TrackingId'])"))
        $err[0].ErrorDetails.RecommendedAction | Should -Match 'call the customer twice'
    }

    It 'does not retry a dropped connection on POST /v1/tasks' {
        Set-CallbackLabFault -Path /v1/tasks -Method POST -DropConnection -Count 1
        New-WxccCallbackTask -EntryPointId $ep -Destination 1 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'WxccApiError,CallbackLab.Commands.NewWxccCallbackTaskCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        (Journal 'POST' '/v1/tasks').Count | Should -Be 1
    }

    It 'reports a timeout on POST /v1/tasks as OperationTimeout, once, and warns against a second call' {
        Set-CallbackLabFault -Path /v1/tasks -Method POST -LatencyMilliseconds 2500 -Count 1
        New-WxccCallbackTask -EntryPointId $ep -Destination 1 -TimeoutSec 1 -ErrorVariable err2 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err2.Count | Should -Be 1
        $err2[0].FullyQualifiedErrorId | Should -Be 'WxccApiError,CallbackLab.Commands.NewWxccCallbackTaskCommand'
        $err2[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $err2[0].ErrorDetails.RecommendedAction | Should -Match 'call the customer twice'
    }

    It 'never shows the token in verbose or debug output' {
        $token = (Plain $e.AccessToken)
        $token.Length | Should -BeGreaterThan 8
        $messages = Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask -Verbose -Debug 5>&1 4>&1 | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] }
        ($messages.Message -join "`n") | Should -Not -Match ([regex]::Escape($token))
        $debug = @($messages | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
        $verbose = @($messages | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        ($debug -like '*Authorization: Bearer `*`*`**').Count | Should -BeGreaterThan 0
        ($debug -like '*"destination":"14085267209"*').Count | Should -BeGreaterThan 0
        ($verbose -like 'POST http://127.0.0.1:*/v1/tasks').Count | Should -BeGreaterThan 0
    }

    It 'refuses an invalid task before sending it' {
        $many = @{}; 1..31 | ForEach-Object { $many["k$_"] = 'v' }
        New-WxccCallbackTask -EntryPointId $ep -Destination ('1' * 37) -ErrorVariable err -ErrorAction SilentlyContinue
        New-WxccCallbackTask -EntryPointId $ep -Destination 1 -Attribute $many -ErrorVariable +err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 2
        $err | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -Be 'InvalidCallbackTask,CallbackLab.Commands.NewWxccCallbackTaskCommand'
            $_.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
        $err[0].Exception.Message | Should -Match 'destination is 37 characters; the API allows at most 36\.'
        $err[1].Exception.Message | Should -Match 'attributes has 31 entries; the API allows at most 30\.'
        $err[0].TargetObject.GetType().Name | Should -Be 'CallbackTaskRequest'
        (Journal 'POST' '/v1/tasks').Count | Should -Be 0
    }

    It 'binds outdialcbid/customANI and sends given attributes and origin' {
        [pscustomobject]@{ outdialcbid = '6c1e0a47-92b3-4d58-8f2a-7b9d3e5c1f04'; customANI = '15551234567' } |
            New-WxccCallbackTask -Attribute ([ordered]@{ channel = 'sales'; n = 2 }) -Origin '+14085550100' | Out-Null
        (Journal 'POST' '/v1/tasks')[0].Body | Should -BeExactly ('{"entryPointId":"6c1e0a47-92b3-4d58-8f2a-7b9d3e5c1f04","destination":"15551234567","origin":"+14085550100",' +
            '"attributes":{"channel":"sales","n":"2"},"outboundType":"CALLBACK","mediaType":"telephony","callback":{"callbackOrigin":"web","callbackType":"immediate"}}')
    }

    It 'lists tasks across pages with Get-WxccTask' {
        $ids = 1..3 | ForEach-Object { (New-WxccCallbackTask -EntryPointId $ep -Destination (14085550000 + $_)).Id }
        $tasks = Get-WxccTask -From ([datetime]::UtcNow.AddMinutes(-5)) -PageSize 2 -ChannelType telephony
        $tasks.Id | Should -Be $ids
        $tasks[0].GetType().Name | Should -Be 'WxccTask'
        $tasks[0].ChannelType | Should -Be 'telephony'
        (Journal 'GET' '/v1/tasks').Count | Should -Be 2
    }

    It 'refuses -To before -From before any request' {
        $from = [datetime]::UtcNow
        $to = $from.AddHours(-2)
        # A terminating error: -ErrorAction does not make it land in -ErrorVariable and go on, so catch it.
        $err = @(try { Get-WxccTask -From $from -To $to -ErrorAction Stop } catch { $_ })
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'TaskWindowInverted,CallbackLab.Commands.GetWxccTaskCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -BeOfType [datetime]
        $err[0].TargetObject | Should -Be $to
        (Journal 'GET' '/v1/tasks').Count | Should -Be 0
    }
}

Describe 'DynVars' {
    AfterEach { Reset-LabSession }
    BeforeEach { $script:e = Start-CallbackLabEmulator }

    It 'maps HTTP <Status> to <Category> with the request as target and the body''s details' -ForEach @(
        @{ Status = 400; Category = 'InvalidArgument'; Body = $true }
        @{ Status = 401; Category = 'AuthenticationError'; Body = $false }
        @{ Status = 403; Category = 'PermissionDenied'; Body = $true }
        @{ Status = 404; Category = 'ObjectNotFound'; Body = $false }
        @{ Status = 429; Category = 'LimitsExceeded'; Body = $true }
        @{ Status = 500; Category = 'InvalidResult'; Body = $false }
        @{ Status = 503; Category = 'ConnectionError'; Body = $true }
    ) {
        $fault = @{ Path = '*/DynVars*'; Method = 'GET'; StatusCode = $Status; Count = 1 }
        if ($Body) { $fault.Body = '{"trackingId":"srv-' + $Status + '","message":"refused with ' + $Status + '"}' }
        Set-CallbackLabFault @fault
        Get-DynVars -Id 1 -MaximumRetryCount 0 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'MockApiError,CallbackLab.Commands.GetDynVarsCommand'
        $err[0].CategoryInfo.Category | Should -Be $Category
        $err[0].TargetObject | Should -BeOfType ([CallbackLab.Core.Http.ApiRequest])
        $err[0].TargetObject.Uri.AbsolutePath | Should -Be '/flowdesigner/Lab/DynVars/1'
        "$($err[0].TargetObject)" | Should -Match '^GET http://127\.0\.0\.1:[0-9]+/flowdesigner/Lab/DynVars/1$'
        $err[0].Exception.GetType().FullName | Should -Be 'CallbackLab.Core.Http.ApiException'
        $err[0].Exception.StatusCode | Should -Be $Status
        $err[0].ErrorDetails.Message | Should -BeLike "*failed with $Status *"
        if ($Body) { $err[0].ErrorDetails.Message | Should -BeLike "*: refused with $Status (TrackingId: srv-$Status)" }
        else { $err[0].ErrorDetails.Message | Should -BeLike "*(TrackingId: $($err[0].TargetObject.TrackingId))" }
        (Journal 'GET' '*/DynVars*').Count | Should -Be 1
    }

    It 'says (no body) and quotes Retry-After instead of repeating the reason phrase' {
        Set-CallbackLabFault -Path '*/DynVars*' -Method GET -StatusCode 429 -RetryAfterSeconds 30 -Body '' -Count 1
        Get-DynVars -Id 1 -MaximumRetryCount 0 -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].ErrorDetails.Message | Should -BeLike '*failed with 429 TooManyRequests (no body); the server asks to retry after 30 s (TrackingId: *'
        $err[0].ErrorDetails.Message | Should -Not -BeLike '*TooManyRequests: TooManyRequests*'
        $err[0].Exception.Message | Should -BeLike '*Retry-After: 30 s.*'
    }

    It 'shows no progress for one change: <Script>' -ForEach @(
        @{ Script = 'New-DynVars -Dn 2145550001 -OutboundCallbackEp ep -TacNumber 1' }
        @{ Script = 'Set-DynVars -Id 1 -TacNumber 9' }
        @{ Script = 'Remove-DynVars -Id 1' }
        @{ Script = 'Get-DynVars -Id 2 | Remove-DynVars' }
    ) {
        ProgressOf "$Script | Out-Null" | Should -BeNullOrEmpty
    }

    It 'shows a bar that ends Completed for three piped changes: <Script>' -ForEach @(
        @{ Script = "'2145550001', '2145550002', '2145550003' | ForEach-Object { [pscustomobject]@{ dn = `$_; outboundcallbackep = 'ep'; tacnumber = '1' } } | New-DynVars" }
        @{ Script = "'3', '4', '5' | ForEach-Object { [pscustomobject]@{ Id = `$_ } } | Remove-DynVars" }
        @{ Script = "'1', '2', '3' | ForEach-Object { [pscustomobject]@{ Id = `$_; TacNumber = '9' } } | Set-DynVars" }
    ) {
        $bar = ProgressOf "$Script | Out-Null"
        @($bar | Where-Object RecordType -eq 'Processing').Count | Should -Be 2
        @($bar | Where-Object { $_.StatusDescription -like '*3 done, 0 failed*' }).Count | Should -BeGreaterThan 0
        $bar[-1].RecordType | Should -Be 'Completed'
    }

    It 'slices -Dnis like the flow and writes a typed record' {
        $r = Get-DynVars -Dnis +14694096861
        @($r).Count | Should -Be 1
        $r | Should -BeOfType ([CallbackLab.Core.MockApi.DynVarsRecord])
        $r.PSObject.TypeNames[0] | Should -Be 'CallbackLab.Core.MockApi.DynVarsRecord'
        (Journal 'GET' '*/DynVars*').Count | Should -Be 1
        $r.Id, $r.Dn, $r.OutboundCallbackEp, $r.TacNumber | Should -Be @('1', '4694096861', $ep, '14085267209')
        (Journal 'GET' '*/DynVars')[0].Query | Should -Be 'dn=4694096861'
    }

    It 'refuses -Dn with -Dnis at binding (separate parameter sets) and sends nothing' {
        { Get-DynVars -Dn 4694096861 -Dnis +14694096861 -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet,CallbackLab.Commands.GetDynVarsCommand'
        $err = @(try { Get-DynVars -Dn 4694096861 -Dnis +14694096861 -ErrorAction Stop } catch { $_ })
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Journal 'GET' '*/DynVars*').Count | Should -Be 0
        (Get-Command Get-DynVars).DefaultParameterSet | Should -Be 'Dn'
        $sets = (Get-Command Get-DynVars).ParameterSets | ForEach-Object {
            $_.Name + ':' + $_.IsDefault + ':' + (($_.Parameters | Where-Object { $_.Name -in 'Dn', 'Dnis', 'Id', 'Exact', 'All' } |
                        ForEach-Object { $_.Name + '@' + $_.Position + $(if ($_.IsMandatory) { '!' }) }) -join ',') }
        $sets | Sort-Object -CaseSensitive | Should -Be @(
            'Dn:True:Dn@0,Exact@-2147483648,All@-2147483648'
            'Dnis:False:Dnis@-2147483648!,Exact@-2147483648,All@-2147483648'
            'Id:False:Id@-2147483648!')
        (Get-DynVars -Dnis +14694096861 | Remove-DynVars -PassThru).Id | Should -Be '1'
    }

    It 'still filters in each parameter set and pipes into the changing cmdlets' {
        (Get-DynVars 4694096861 -Exact).Id | Should -Be '1'
        (Get-DynVars -Dnis +14694096861 -Exact).Id | Should -Be '1'
        @(Get-DynVars).Count | Should -Be 5
        (Get-DynVars -Dnis +14694096861 | Set-DynVars -TacNumber 19995550000 -PassThru).TacNumber | Should -Be '19995550000'
        (Get-DynVars -Dnis +14694096861 | Remove-DynVars -PassThru).Id | Should -Be '1'
    }

    It 'refuses Set-DynVars with nothing to change as InvalidArgument naming the record' {
        Set-DynVars -Id 1 -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'NoFieldsToSet,CallbackLab.Commands.SetDynVarsCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be '1'
        (Journal 'PUT' '*').Count | Should -Be 0
    }

    It 'keeps the substring match and re-filters with -Exact' {
        New-DynVars -Dn 14694096861 -OutboundCallbackEp 6c1e0a47-92b3-4d58-8f2a-7b9d3e5c1f04 -TacNumber 1 | Out-Null
        (Get-DynVars 4694096861).Id | Should -Be @('1', '6')
        (Get-DynVars 4694096861 -Exact).Id | Should -Be '1'
    }

    It 'treats no match as no records and an unknown id as ObjectNotFound' {
        Get-DynVars -Dn 0000000 -ErrorVariable none | Should -BeNullOrEmpty
        $none | Should -BeNullOrEmpty
        Get-DynVars -Id 99 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'MockApiError,CallbackLab.Commands.GetDynVarsCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$($err[0].TargetObject)" | Should -BeLike '*/flowdesigner/Lab/DynVars/99'
        $err[0].ErrorDetails.Message | Should -BeLike '*404 NotFound: Not found*'
    }

    It 'streams every page with -All and passes sorting through' {
        (Get-DynVars -All -Limit 2).Id | Should -Be @('1', '2', '3', '4', '5')
        (Get-DynVars -SortBy dn -Descending).Dn | Should -Be @('9195550142', '6505550119', '4694096861', '3125550187', '2147751365')
        (Journal 'GET' '*/DynVars*') | ForEach-Object { "$($_.Path)?$($_.Query)" } | Should -Be @(
            '/flowdesigner/Lab/DynVars?page=1&limit=2', '/flowdesigner/Lab/DynVars?page=2&limit=2', '/flowdesigner/Lab/DynVars?page=3&limit=2'
            '/flowdesigner/Lab/DynVars?sortBy=dn&order=desc')
    }

    It 'provisions Import-Csv rows' {
        $csv = "dn,outboundcallbackep,tacnumber`n2145550001,ep-a,14085550001`n2145550002,ep-b,14085550002"
        $made = $csv | ConvertFrom-Csv | New-DynVars -Property @{ site = 'dallas' }
        $made.Id | Should -Be @('6', '7')
        $made[1].site | Should -Be 'dallas'
        (Get-DynVars 2145550002 -Exact).OutboundCallbackEp | Should -Be 'ep-b'
        (Journal 'POST' '*/DynVars')[0].Body | Should -BeExactly '{"dn":"2145550001","outboundcallbackep":"ep-a","tacnumber":"14085550001","site":"dallas"}'
        $bar = ProgressOf "'dn,outboundcallbackep,tacnumber', '2145550001,ep-a,1', '2145550002,ep-b,2' | ConvertFrom-Csv | New-DynVars | Out-Null"
        @($bar | Where-Object { $_.StatusDescription -like '*2145550002: 2 done, 0 failed*' }).Count | Should -BeGreaterThan 0
        $bar[-1].RecordType | Should -Be 'Completed'
    }

    It 'fails only the records past the cap and continues' {
        Get-CallbackLabEmulator | Stop-CallbackLabEmulator
        $script:e = Start-CallbackLabEmulator -RecordLimit 6
        $made = '3000000001', '3000000002', '3000000003' | ForEach-Object { [pscustomobject]@{ dn = $_; outboundcallbackep = 'ep'; tacnumber = '1' } } |
            New-DynVars -ErrorVariable err -ErrorAction SilentlyContinue
        $made.Dn | Should -Be '3000000001'
        $err.Count | Should -Be 2
        $err | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -Be 'MockApiRecordLimitReached,CallbackLab.Commands.NewDynVarsCommand'
            $_.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        }
        $err[0].ErrorDetails.Message | Should -Match "dn '3000000002'"
        $err[1].ErrorDetails.Message | Should -Match "dn '3000000003'"
        $bar = ProgressOf "'3000000001', '3000000002', '3000000003' | ForEach-Object { [pscustomobject]@{ dn = `$_; outboundcallbackep = 'ep'; tacnumber = '1' } } | New-DynVars -ErrorAction SilentlyContinue | Out-Null" -StartArguments '-RecordLimit 6' -AllowErrors
        @($bar | Where-Object { $_.StatusDescription -like '*1 done, 2 failed*' }).Count | Should -BeGreaterThan 0
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-DynVars -Id 1
        $before.TacNumber | Should -Be '14085267209'
        New-DynVars 1 ep 2 -WhatIf | Should -BeNullOrEmpty
        Get-DynVars -Id 1 | Set-DynVars -TacNumber 9 -PassThru -WhatIf | Should -BeNullOrEmpty
        Get-DynVars -Id 1 | Remove-DynVars -PassThru -WhatIf | Should -BeNullOrEmpty
        $after = Get-DynVars -Id 1
        ($after.Id, $after.Dn, $after.OutboundCallbackEp, $after.TacNumber) | Should -Be @($before.Id, $before.Dn, $before.OutboundCallbackEp, $before.TacNumber)
        @(Get-DynVars -All).Count | Should -Be 5
        (Journal 'GET' '*/DynVars/1').Count | Should -Be 4 -Because 'both snapshots and both -WhatIf pipelines read the record'
        @((Get-CallbackLabRequest -Emulator $e) | Where-Object Method -in 'POST', 'PUT', 'DELETE').Count | Should -Be 0
    }

    It 'pipes Get-DynVars into Set-DynVars and Remove-DynVars' {
        (Get-DynVars -Id 1 | Set-DynVars -TacNumber 19995550000 -PassThru).TacNumber | Should -Be '19995550000'
        (Get-DynVars -Id 1).TacNumber | Should -Be '19995550000'
        (Get-DynVars -Dn 469 | Remove-DynVars -PassThru).Id | Should -Be '1'
        Get-DynVars -Dn 469 | Should -BeNullOrEmpty
        (Journal 'PUT' '*').Path | Should -Be '/flowdesigner/Lab/DynVars/1'
        (Journal 'DELETE' '*').Path | Should -Be '/flowdesigner/Lab/DynVars/1'
    }

    It 'refuses a -Property named id before sending anything' {
        { New-DynVars 1 ep 2 -Property @{ id = '42' } -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPropertyName,CallbackLab.Commands.NewDynVarsCommand'
        $err = @(try { New-DynVars 1 ep 2 -Property @{ id = '42' } -ErrorAction Stop } catch { $_ })
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Journal 'POST' '*').Count | Should -Be 0
    }

    It 'refuses an address that is not absolute http(s) at binding' {
        { Get-DynVars -MockApiUri flowdesigner/Lab -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CallbackLab.Commands.GetDynVarsCommand'
        { New-DynVars 1 ep 2 -MockApiUri ftp://example.com/Lab -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CallbackLab.Commands.NewDynVarsCommand'
        { Connect-Wxcc -Uri example.com -AccessToken $null -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CallbackLab.Commands.ConnectWxccCommand'
        { Get-DynVars -MockApiUri flowdesigner/Lab -ErrorAction Stop } | Should -Throw -ExpectedMessage "*'flowdesigner/Lab' is not an absolute http or https address.*"
    }

    It 'lets an explicit -MockApiUri win over the session default' {
        $b = Start-CallbackLabEmulator -NoDefault
        New-DynVars 7775550000 ep 1 -MockApiUri $b.MockApiUri | Out-Null
        Get-DynVars 7775550000 | Should -BeNullOrEmpty
        @(Get-DynVars 7775550000 -MockApiUri $b.MockApiUri).Count | Should -Be 1
    }
}

Describe 'connection' {
    AfterEach { Reset-LabSession }
    It 'says clearly that nothing is connected' {
        Get-WxccConnection | Should -BeNullOrEmpty
        { New-WxccCallbackTask -EntryPointId ep -Destination 1 -ErrorAction Stop } | Should -Throw -ErrorId 'WxccNotConnected,CallbackLab.Commands.NewWxccCallbackTaskCommand'
        try { New-WxccCallbackTask -EntryPointId ep -Destination 1 -ErrorAction Stop } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.Exception.Message | Should -Not -BeLike '*Connect-Wxcc*' -Because 'Core says what is wrong; the cmdlet gives the advice'
        $err.ErrorDetails.RecommendedAction | Should -Be 'Run Connect-Wxcc, start the local emulator with Start-CallbackLabEmulator, or pass -Connection.'
        $err.TargetObject.GetType().FullName | Should -Be 'CallbackLab.Core.Wxcc.CallbackTaskRequest'
        $err.TargetObject.EntryPointId | Should -Be 'ep'
        $err.TargetObject.Destination | Should -Be '1'
    }

    It 'names the query Get-WxccTask was asked for when nothing is connected' {
        try { Get-WxccTask -From ([datetime]'2026-11-24T03:00:00Z') -PageSize 7 -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'WxccNotConnected,CallbackLab.Commands.GetWxccTaskCommand'
        $err.TargetObject.GetType().FullName | Should -Be 'CallbackLab.Core.Wxcc.WxccTaskQuery'
        $err.TargetObject.PageSize | Should -Be 7
    }

    It 'needs no connection for -WhatIf, but a real run still does' {
        New-WxccCallbackTask -EntryPointId ep -Destination 1 -WhatIf -ErrorAction Stop | Should -BeNullOrEmpty
        { New-WxccCallbackTask -EntryPointId ep -Destination 1 -WhatIf:$false -ErrorAction Stop } | Should -Throw -ErrorId 'WxccNotConnected,CallbackLab.Commands.NewWxccCallbackTaskCommand'
    }

    It 'checks the input before it resolves the connection, with or without -WhatIf' {
        { New-WxccCallbackTask -EntryPointId ep -Destination ('1' * 37) -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidCallbackTask,CallbackLab.Commands.NewWxccCallbackTaskCommand'
        { New-WxccCallbackTask -EntryPointId ep -Destination ('1' * 37) -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidCallbackTask,CallbackLab.Commands.NewWxccCallbackTaskCommand'
        $err = @(try { New-WxccCallbackTask -EntryPointId ep -Destination ('1' * 37) -WhatIf -ErrorAction Stop } catch { $_ })
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'uses a started emulator as the default connection' {
        $script:e = Start-CallbackLabEmulator
        $c = Get-WxccConnection
        $c.AuthenticationType | Should -Be 'Emulator'
        $c.BaseUri | Should -Be $e.WxccUri
        $c.Uri | Should -Be $e.WxccUri
        $c.MockApiUri | Should -Be $e.MockApiUri
        ($c.PSObject.Properties | ForEach-Object { [string]$_.Value }) -join '|' | Should -Not -Match ([regex]::Escape((Plain $e.AccessToken)))
    }

    It 'reports a wrong access token as an authentication error on the call' {
        $script:e = Start-CallbackLabEmulator
        Connect-Wxcc -Uri $e.WxccUri -AccessToken (SS 'not-a-token') | Out-Null
        New-WxccCallbackTask -EntryPointId ep -Destination 1 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'WxccAuthenticationError,CallbackLab.Commands.NewWxccCallbackTaskCommand'
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'refuses -Region with -Uri' {
        $err = @(try { Connect-Wxcc -Region us1 -Uri https://example.com -AccessToken (SS 't') -ErrorAction Stop } catch { $_ })
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'RegionAndUri,CallbackLab.Commands.ConnectWxccCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'connects with a refresh token and the API accepts the refreshed token' {
        $script:e = Start-CallbackLabEmulator -NoDefault
        $all = @(Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret `
            -RefreshToken $e.RefreshToken -MockApiUri $e.MockApiUri -Verbose -Debug 5>&1 4>&1)
        $c = $all | Where-Object { $_ -isnot [System.Management.Automation.InformationalRecord] }
        $messages = ($all | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] }).Message -join "`n"
        $c.AuthenticationType | Should -Be 'RefreshToken'
        $c.ExpiresOn | Should -Not -BeNullOrEmpty
        $c.ClientId | Should -Be $e.ClientId
        ($c.PSObject.Properties.Name -match 'Token$') | Should -BeNullOrEmpty
        $messages | Should -Match ([regex]::Escape('client_secret=***&refresh_token=***'))
        $messages | Should -Not -Match ([regex]::Escape((Plain $e.ClientSecret)))
        $messages | Should -Not -Match ([regex]::Escape((Plain $e.RefreshToken)))
        (Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask).StatusCode | Should -Be 201
        (Journal 'POST' '/v1/access_token').Count | Should -Be 1
    }

    It 'reports a refused refresh token as an authentication error' {
        $script:e = Start-CallbackLabEmulator -NoDefault
        { Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret -RefreshToken (SS 'stale') -ErrorAction Stop } |
            Should -Throw -ErrorId 'WxccAuthenticationError,CallbackLab.Commands.ConnectWxccCommand'
        $err = @(try { Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret -RefreshToken (SS 'stale') -ErrorAction Stop } catch { $_ })
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err[0].TargetObject | Should -Be $e.TokenUri.ToString()
        Get-WxccConnection | Should -BeNullOrEmpty
    }

    It 'makes the newest of Connect-Wxcc and a started emulator the default' {
        $script:e = Start-CallbackLabEmulator
        Connect-Wxcc -Region eu2 -AccessToken (SS 'tok') | Out-Null
        (Get-WxccConnection).BaseUri | Should -Be 'https://api.wxcc-eu2.cisco.com/'
        $b = Start-CallbackLabEmulator
        (Get-WxccConnection).BaseUri | Should -Be $b.WxccUri
        Connect-Wxcc -Region jp1 -AccessToken (SS 'tok') | Out-Null
        Disconnect-Wxcc
        (Get-WxccConnection).BaseUri | Should -Be $b.WxccUri
    }

    It 'never exposes the token on the connection' {
        $c = Connect-Wxcc -Region EU2 -AccessToken (SS 'S3CRET-TOKEN')
        $c.GetType().FullName | Should -Be 'CallbackLab.Core.Wxcc.WxccConnection'
        $c.Region | Should -Be 'eu2'
        $c.BaseUri.ToString() | Should -Be 'https://api.wxcc-eu2.cisco.com/'
        $c.AuthenticationType | Should -Be 'AccessToken'
        $c.ExpiresOn | Should -BeNullOrEmpty
        ($c.PSObject.Properties | ForEach-Object { [string]$_.Value }) -join '|' | Should -Not -Match 'S3CRET-TOKEN'
        (Get-WxccConnection).Region | Should -Be 'eu2'
        Disconnect-Wxcc
        Get-WxccConnection | Should -BeNullOrEmpty
    }

    It 'refuses a token over plain http to another host unless allowed' {
        { Connect-Wxcc -Uri http://wxcc.example.invalid -AccessToken (SS 't') -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnencryptedAuthenticationRefused,CallbackLab.Commands.ConnectWxccCommand'
        $err = @(try { Connect-Wxcc -Uri http://wxcc.example.invalid -AccessToken (SS 't') -ErrorAction Stop } catch { $_ })
        $err[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $err[0].ErrorDetails.RecommendedAction | Should -BeLike '*-AllowUnencryptedAuthentication*'
        Get-WxccConnection | Should -BeNullOrEmpty
        (Connect-Wxcc -Uri http://wxcc.example.invalid -AccessToken (SS 't') -AllowUnencryptedAuthentication).AllowUnencryptedAuthentication | Should -BeTrue
    }

    It 'resolves the MockAPI address: explicit, newest default, then the lab project' {
        Resolve ResolveMockApiUri $null | Should -Be 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab'
        $script:e = Start-CallbackLabEmulator
        Resolve ResolveMockApiUri $null | Should -Be $e.MockApiUri
        Connect-Wxcc -Region us1 -AccessToken (SS 't') -MockApiUri https://y.mockapi.io/q | Out-Null
        Resolve ResolveMockApiUri $null | Should -Be 'https://y.mockapi.io/q'
        Resolve ResolveMockApiUri ([uri]'https://x.mockapi.io/p') | Should -Be 'https://x.mockapi.io/p'
        Disconnect-Wxcc
        Resolve ResolveMockApiUri $null | Should -Be $e.MockApiUri
        Connect-Wxcc -Region us1 -AccessToken (SS 't') | Out-Null
        Resolve ResolveMockApiUri $null | Should -Be $e.MockApiUri -Because 'a connection without -MockApiUri leaves the emulator serving DynVars'
        Disconnect-Wxcc
        Stop-CallbackLabEmulator
        Resolve ResolveMockApiUri $null | Should -Be 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab'
    }

    It 'resolves the connection: explicit, newest default, else not connected' {
        Resolve ResolveConnection $null | Should -Be 'WxccNotConnectedException'
        $mine = Connect-Wxcc -Region ca1 -AccessToken (SS 't')
        (Resolve ResolveConnection $null).Region | Should -Be 'ca1'
        $script:e = Start-CallbackLabEmulator
        (Resolve ResolveConnection $null).AuthenticationType.ToString() | Should -Be 'Emulator'
        (Resolve ResolveConnection $mine.PSObject.BaseObject).Region | Should -Be 'ca1'
        Stop-CallbackLabEmulator
        Resolve ResolveConnection $null | Should -Be 'WxccNotConnectedException'
    }
}

Describe 'secrets' {
    AfterEach { Reset-LabSession }
    # No object a cmdlet writes, and no error it reports, holds a secret where Format-List *, ConvertTo-Json or
    # $err.Exception.Request.Body would show it (three levels below the written object).
    BeforeAll {
        function Get-Texts($Value, [int] $Level, [System.Collections.Generic.HashSet[object]] $Seen) {
            if ($null -eq $Value -or $Value -is [securestring] -or -not $Seen.Add($Value)) { return }
            [string] $Value
            if ($Level -ge 3 -or $Value -is [string] -or $Value.GetType().IsPrimitive -or $Value -is [System.Reflection.MemberInfo]) { return }
            if ($Value -is [System.Collections.IEnumerable]) { foreach ($item in @($Value) | Select-Object -First 100) { Get-Texts $item ($Level + 1) $Seen } }
            foreach ($p in $Value.PSObject.Properties) { $v = try { $p.Value } catch { $null }; Get-Texts $v ($Level + 1) $Seen }
        }
    }

    It 'writes no object or error that holds a secret' {
        $script:e = Start-CallbackLabEmulator -NoDefault
        $stale = 'stale-refresh-token-0123456789'
        $secrets = (Plain $e.AccessToken), (Plain $e.ClientSecret), (Plain $e.RefreshToken), $stale
        $secrets | ForEach-Object { $_.Length | Should -BeGreaterOrEqual 8 }
        $objects = @($e; Get-CallbackLabEmulator
            Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret -RefreshToken $e.RefreshToken -MockApiUri $e.MockApiUri
            Get-WxccConnection; Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask; Get-CallbackLabRequest -Emulator $e)
        # A refused token is a terminating error: catch it rather than expect it in -ErrorVariable.
        $err = @(try { Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret `
            -RefreshToken (SS $stale) -ErrorAction Stop } catch { $_ })
        $objects.Count | Should -BeGreaterOrEqual 6
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'WxccAuthenticationError,CallbackLab.Commands.ConnectWxccCommand'
        $seen = [System.Collections.Generic.HashSet[object]]::new([System.Collections.Generic.ReferenceEqualityComparer]::Instance)
        $texts = @($objects + $err | ForEach-Object { Get-Texts $_ 0 $seen })
        $texts | Should -Contain "grant_type=refresh_token&client_id=$($e.ClientId)&client_secret=***&refresh_token=***"
        foreach ($secret in $secrets) { ($texts | Where-Object { $_.Contains($secret) }) | Should -BeNullOrEmpty }
    }

    It 'journals a token request with its secrets masked' {
        $script:e = Start-CallbackLabEmulator -NoDefault
        $null = Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret -RefreshToken $e.RefreshToken
        (Get-CallbackLabRequest -Emulator $e -Path /v1/access_token).Body | Should -Be "grant_type=refresh_token&client_id=$($e.ClientId)&client_secret=***&refresh_token=***"
    }

    It 'offers the emulator credentials as SecureStrings only' {
        $script:e = Start-CallbackLabEmulator -NoDefault
        @($e.PSObject.Properties | Where-Object TypeNameOfValue -match 'SecureString' | ForEach-Object Name) | Should -Be 'AccessToken', 'ClientSecret', 'RefreshToken'
        $e.PSObject.Properties.Name | Should -Not -Contain 'Emulator'
    }
}

Describe 'session defaults when emulators stop and connections change' {
    AfterEach {
        Get-CallbackLabEmulator | Stop-CallbackLabEmulator -Confirm:$false
        Disconnect-Wxcc -ErrorAction SilentlyContinue
    }

    It 'hands the default to the emulator still running, not to the public project' {
        $a = Start-CallbackLabEmulator; $b = Start-CallbackLabEmulator
        $b | Stop-CallbackLabEmulator
        (Get-DynVars -Dnis +14694096861).TacNumber | Should -Be '14085267209'
        (Get-DynVars -Dnis +14694096861 | New-WxccCallbackTask).StatusCode | Should -Be 201
        $a.TaskCount | Should -Be 1
    }

    It 'keeps a newer Connect-Wxcc connection when an emulator stops' {
        $a = Start-CallbackLabEmulator; $b = Start-CallbackLabEmulator -NoDefault
        Connect-Wxcc -Region ca1 -AccessToken (ConvertTo-SecureString 't' -AsPlainText -Force) | Out-Null
        $b | Stop-CallbackLabEmulator
        (Get-WxccConnection).Region | Should -Be 'ca1'
        $a | Stop-CallbackLabEmulator
        (Get-WxccConnection).Region | Should -Be 'ca1'
    }

    It 'leaves the running emulator serving DynVars after Connect-Wxcc without -MockApiUri' {
        $e = Start-CallbackLabEmulator
        Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret -RefreshToken $e.RefreshToken | Out-Null
        (Get-DynVars -Dnis +14694096861).OutboundCallbackEp | Should -Be '3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58'
        Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 -WarningVariable w | Test-CallbackFlow -Quiet | Should -BeTrue
        $w | Should -BeNullOrEmpty
    }

    It 'warns before changing the lab''s shared public project when nothing local is set up' {
        New-DynVars -Dn 1 -OutboundCallbackEp ep -TacNumber 2 -WhatIf -WarningVariable w 3>$null
        Remove-DynVars -Id 1 -WhatIf -WarningVariable +w 3>$null
        $w.Count | Should -Be 2
        $w | ForEach-Object { $_.Message | Should -BeLike '*shared public MockAPI project (https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab)*' }
        $e = Start-CallbackLabEmulator
        New-DynVars -Dn 1 -OutboundCallbackEp ep -TacNumber 2 -WhatIf -WarningVariable local 3>$null
        $local | Should -BeNullOrEmpty -Because 'a local emulator is set up'
    }
}

Describe 'Connect-Wxcc with an empty secret' {
    AfterEach { Reset-LabSession }
    It 'refuses an empty -<Parameter> with EmptyCredential naming it' -TestCases @(
        @{ Parameter = 'AccessToken' }
        @{ Parameter = 'ClientSecret' }
        @{ Parameter = 'RefreshToken' }
    ) {
        $empty = [System.Security.SecureString]::new()
        $full = ConvertTo-SecureString 'x' -AsPlainText -Force
        # The empty secret replaces its full one (a hash literal naming the same key twice would not even parse).
        $arguments = if ($Parameter -eq 'AccessToken') { @{ Region = 'us1'; AccessToken = $empty } }
                     else { @{ Uri = 'https://wxcc.invalid'; ClientId = 'c'; ClientSecret = $full; RefreshToken = $full } }
        $arguments[$Parameter] = $empty
        try { Connect-Wxcc @arguments -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'EmptyCredential,CallbackLab.Commands.ConnectWxccCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be $Parameter
        $err.Exception.Message | Should -BeLike "*-$Parameter is empty*"
        Get-WxccConnection | Should -BeNullOrEmpty
    }
}

Describe 'DynVars records with extra fields' {
    BeforeAll { $script:emu = Start-CallbackLabEmulator }
    AfterAll { $emu | Stop-CallbackLabEmulator -Confirm:$false }

    It 'shows other fields as plain values and as properties' {
        $r = Set-DynVars -Id 3 -Property @{ site = 'rtp'; seats = 12 } -PassThru
        "[$($r.OtherFields['site'])]" | Should -Be '[rtp]'
        $r.OtherFields['seats'] + 1 | Should -Be 13
        $r.site | Should -Be 'rtp'
        $r.OtherFields['site'] -eq 'rtp' | Should -BeTrue
    }
}

Describe 'New-DynVars from CSV rows with extra columns' {
    BeforeAll { $script:emu = Start-CallbackLabEmulator }
    AfterAll { $emu | Stop-CallbackLabEmulator -Confirm:$false }

    It 'creates the records and names the columns it does not send, once' {
        $csv = Join-Path $TestDrive 'extra.csv'
        @('dn,outboundcallbackep,tacnumber,site,team', '5550001,ep1,1800,rtp,a', '5550002,ep1,1800,sjc,b') | Set-Content $csv
        $created = Import-Csv $csv | New-DynVars -WarningVariable w 3>$null
        @($created).Count | Should -Be 2
        @($w).Count | Should -Be 1
        $w[0].Message | Should -BeLike 'These input columns are not sent to MockAPI: site, team.*'
        # The flow's own names (outdialcbid, customANI) and named parameters are all sent: no warning.
        @([pscustomobject]@{ dn = '5550003'; customANI = '1800'; outdialcbid = 'ep1' } | New-DynVars -WarningVariable w2).Count | Should -Be 1
        @(New-DynVars -Dn 5550004 -OutboundCallbackEp ep1 -TacNumber 1800 -WarningVariable +w2).Count | Should -Be 1
        $w2 | Should -BeNullOrEmpty
    }
}
