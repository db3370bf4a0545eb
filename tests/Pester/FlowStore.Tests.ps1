#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Acceptance tests for the tenant cmdlets (Get-/Export-/Publish-WxccFlow, Get-/Set-WxccEntryPoint, Invoke-WxccFlowTest)
# against the local emulator's Flow Store, entry-point and EXECUTE_FLOW routes.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force

    $script:project = '5e5c9ad6d61f870d6d778c1b'
    function Journal([string] $Method, [string] $Path) { @((Get-CallbackLabRequest -Emulator $e) | Where-Object { $_.Method -eq $Method -and $_.Path -like $Path }) }
    function FlowsPath([string] $Rest = '') { "/flow-store/$($e.OrgId)/project/$project/flows$Rest" }
    function EntryPointsPath([string] $Rest = '') { "/organization/$($e.OrgId)/entry-point$Rest" }
    function Reset-LabSession {
        Get-CallbackLabEmulator | Stop-CallbackLabEmulator
        Disconnect-Wxcc
    }
    $script:labFlow = Join-Path $PSScriptRoot '../TestData/Flows/CL_1_start.json'
    $script:subflow = Join-Path $PSScriptRoot '../TestData/Flows/webex_api_refresh_token_subflow.json'
    # A room on the emulator: Main_Flow_001..N pushed with the cmdlet under test, next to the seeded Main_Flow_Lab.
    function New-Room([int] $Count) {
        $script:e = Start-CallbackLabEmulator
        foreach ($n in 1..$Count) { $null = Publish-WxccFlow -Path $labFlow -Name ('Main_Flow_{0:D3}' -f $n) -Tag Live }
    }
    function Token { [System.Net.NetworkCredential]::new('', $e.AccessToken).Password }
}

Describe 'Get-WxccFlow' {
    BeforeAll { New-Room 5 }
    AfterAll { Reset-LabSession }
    BeforeEach { Clear-CallbackLabFault -Emulator $e }

    It 'lists a room by wildcard, following every page, with typed flows' {
        $before = (Journal GET (FlowsPath)).Count
        $flows = @(Get-WxccFlow 'Main_Flow_0*' -PageSize 2)
        ($flows.Name -join ',') | Should -Be 'Main_Flow_001,Main_Flow_002,Main_Flow_003,Main_Flow_004,Main_Flow_005'
        $flows[0].PSObject.TypeNames[0] | Should -Be 'CallbackLab.Core.FlowStore.WxccFlowSummary'
        $flows[0].Type | Should -Be 'Flow'
        $flows[0].Id | Should -Not -BeNullOrEmpty
        $flows[0].Tags | Should -Contain 'Live'
        $flows[0].Modified | Should -BeOfType [DateTimeOffset]
        $gets = @(Journal GET (FlowsPath))[$before..999]
        $gets.Count | Should -Be 3 -Because 'five flows in pages of two'
        $gets[0].Query | Should -Match 'partialNameSearch=Main_Flow_0'
        ($gets.Query | ForEach-Object { ($_ -split '&' | Where-Object { $_ -like 'page=*' }) }) -join ',' | Should -Be 'page=0,page=1,page=2'
        $gets[0].Query | Should -Match 'includePagination=true'
    }

    It 'shows each request''s method and address with -Verbose' {
        $verbose = @(Get-WxccFlow 'Main_Flow_001' -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $verbose | Should -Contain ('GET ' + $e.Uri.AbsoluteUri.TrimEnd('/') + (FlowsPath) + '?partialNameSearch=Main_Flow_001&page=0&size=100&includePagination=true')
    }

    It 'keeps only the names the whole pattern matches' {
        (Get-WxccFlow 'Main_Flow_00[24]').Name -join ',' | Should -Be 'Main_Flow_002,Main_Flow_004'
    }

    It 'reports a plain name that matches nothing as WxccFlowNotFound and goes on' {
        $found = Get-WxccFlow 'No_Such_Flow', 'Main_Flow_003' -ErrorVariable err -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'Main_Flow_003'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WxccFlowNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'No_Such_Flow'
    }

    It 'filters by type on the server' {
        $null = Publish-WxccFlow -Path $subflow
        $subflows = @(Get-WxccFlow -Type Subflow)
        $subflows.Count | Should -BeGreaterOrEqual 1
        $subflows.Type | Sort-Object -Unique | Should -Be 'Subflow'
        (Journal GET (FlowsPath))[-1].Query | Should -Match 'flowType=SUBFLOW'
    }

    It 'turns <Status> into <Id> (<Category>) with the body in ErrorDetails' -ForEach @(
        @{ Status = 401; Id = 'WxccAuthenticationError'; Category = 'AuthenticationError' }
        @{ Status = 403; Id = 'WxccApiError'; Category = 'PermissionDenied' }
        @{ Status = 404; Id = 'WxccApiError'; Category = 'ObjectNotFound' }
    ) {
        Set-CallbackLabFault -Emulator $e -Path (FlowsPath) -Method GET -StatusCode $Status -Body '{"trackingId":"FS_T","error":{"key":"k","message":[{"description":"refused by the test"}]}}'
        { Get-WxccFlow -ErrorAction Stop } | Should -Throw
        $err = $Error[0]
        $err.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $err.CategoryInfo.Category | Should -Be $Category
        $err.ErrorDetails.Message | Should -Match 'refused by the test'
        $err.ErrorDetails.Message | Should -Match 'FS_T'
    }

    It 'retries a 429 after Retry-After and a 503 on a read' {
        Set-CallbackLabFault -Emulator $e -Path (FlowsPath) -Method GET -StatusCode 429 -RetryAfterSeconds 1 -Count 1
        Set-CallbackLabFault -Emulator $e -Path (FlowsPath) -Method GET -StatusCode 503 -Count 1
        $before = (Journal GET (FlowsPath)).Count
        @(Get-WxccFlow 'Main_Flow_001').Count | Should -Be 1
        $gets = @(Journal GET (FlowsPath))[$before..999]
        ($gets.StatusCode -join ',') | Should -Be '429,503,200'
        $gets[1].Headers['TrackingId'] | Should -Be $gets[0].Headers['TrackingId']
    }

    It 'works over Connect-Wxcc with -OrgId, and -FlowStoreUri moves the Flow Store' {
        Connect-Wxcc -Uri $e.WxccUri -AccessToken $e.AccessToken -OrgId $e.OrgId
        try {
            (Get-WxccConnection).OrgId | Should -Be $e.OrgId
            (Get-WxccFlow 'Main_Flow_001').Name | Should -Be 'Main_Flow_001'
            Connect-Wxcc -Uri $e.WxccUri -AccessToken $e.AccessToken -OrgId $e.OrgId -FlowStoreUri ($e.Uri.AbsoluteUri + 'elsewhere/flow-store')
            { Get-WxccFlow -ErrorAction Stop } | Should -Throw
            (Get-CallbackLabRequest -Emulator $e -Last 1).Path | Should -Be "/elsewhere/flow-store/$($e.OrgId)/project/$project/flows"
        }
        finally { Disconnect-Wxcc }
    }

    It 'stops before sending anything when the connection has no organization id' {
        Connect-Wxcc -Uri $e.WxccUri -AccessToken (ConvertTo-SecureString 'x' -AsPlainText -Force)
        try {
            $before = (Get-CallbackLabRequest -Emulator $e).Count
            { Get-WxccFlow -ErrorAction Stop } | Should -Throw
            $Error[0].FullyQualifiedErrorId | Should -BeLike 'WxccOrgIdRequired,*'
            $Error[0].ErrorDetails.RecommendedAction | Should -Match '-OrgId'
            (Get-CallbackLabRequest -Emulator $e).Count | Should -Be $before
        }
        finally { Disconnect-Wxcc }
    }
}

Describe 'Export-WxccFlow' {
    BeforeAll { New-Room 3 }
    AfterAll { Reset-LabSession }
    BeforeEach { Clear-CallbackLabFault -Emulator $e }

    It 'pulls a room from the pipeline by property name, one file per flow, exactly as sent' {
        $folder = Join-Path $TestDrive 'exports'
        $flows = @(Get-WxccFlow 'Main_Flow_0*')
        $files = @($flows | Export-WxccFlow -Path $folder)
        ($files.Name -join ',') | Should -Be 'Main_Flow_001.json,Main_Flow_002.json,Main_Flow_003.json'
        $files[0] | Should -BeOfType [System.IO.FileInfo]
        $files[0].Length | Should -BeGreaterThan 0
        $files[0].PSPath | Should -BeLike 'Microsoft.PowerShell.Core\FileSystem::*'
        (Journal GET (FlowsPath '/*:export'))[-1].Query | Should -Be 'version=latest'
        $direct = Invoke-WebRequest -Uri ($e.Uri.AbsoluteUri.TrimEnd('/') + (FlowsPath "/$($flows[2].Id):export")) -Headers @{ Authorization = "Bearer $(Token)" }
        [System.IO.File]::ReadAllText($files[2].FullName) | Should -BeExactly ([string]$direct.Content)
        (Get-Content $files[0].FullName -Raw | ConvertFrom-Json).name | Should -Be 'Main_Flow_001'
    }

    It 'passes the export on as a WxccFlow without writing a file' {
        Push-Location $TestDrive
        try {
            $flow = Get-WxccFlow 'Main_Flow_002' | Export-WxccFlow -PassThru -Version Draft
            $flow.PSObject.TypeNames[0] | Should -Be 'CallbackLab.Core.Flows.Model.WxccFlow'
            $flow.Name | Should -Be 'Main_Flow_002'
            $flow.ExportJson | Should -Not -BeNullOrEmpty
            @(Get-ChildItem $TestDrive -Filter 'Main_Flow_002*').Count | Should -Be 0
            (Journal GET (FlowsPath '/*:export'))[-1].Query | Should -Be 'version=draft'
        }
        finally { Pop-Location }
    }

    It 'takes a WxccFlow back from the pipeline by its FlowId, not by its version id' {
        $summary = Get-WxccFlow 'Main_Flow_003'
        $flow = $summary | Export-WxccFlow -PassThru
        $flow.FlowId | Should -Be $summary.Id
        $flow.Id | Should -Not -BeNullOrEmpty
        $flow.Id | Should -Not -Be $flow.FlowId # a WxccFlow's Id is its version id: the case that bound the wrong one
        $before = (Journal GET (FlowsPath "/$($summary.Id):export")).Count
        $again = $flow | Export-WxccFlow -PassThru
        $again.FlowId | Should -Be $summary.Id
        (Journal GET (FlowsPath "/$($summary.Id):export")).Count | Should -Be ($before + 1)
    }

    It 'sends nothing with -WhatIf' {
        $flows = @(Get-WxccFlow 'Main_Flow_0*')
        $before = (Journal GET (FlowsPath '/*:export')).Count
        $flows | Export-WxccFlow -Path (Join-Path $TestDrive 'whatif') -WhatIf
        (Journal GET (FlowsPath '/*:export')).Count | Should -Be $before
        Test-Path (Join-Path $TestDrive 'whatif') | Should -BeFalse
    }

    It 'reports a missing flow as a 404 naming it and exports the rest' {
        $rows = @([pscustomobject]@{ Id = 'no-such-flow'; Name = 'Ghost' }) + @(Get-WxccFlow 'Main_Flow_001')
        $files = @($rows | Export-WxccFlow -Path (Join-Path $TestDrive 'partial') -ErrorVariable err -ErrorAction SilentlyContinue)
        $files.Name | Should -Be 'Main_Flow_001.json'
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'Ghost'
        $err[0].ErrorDetails.Message | Should -Match '404'
    }

    It 'refuses to write two flows to one file' {
        $file = Join-Path $TestDrive 'one.json'
        $written = @(Get-WxccFlow 'Main_Flow_0*' | Export-WxccFlow -Path $file -ErrorVariable err -ErrorAction SilentlyContinue)
        $written.Count | Should -Be 1
        $err.Count | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ExportFileTaken,*'
    }
}

Describe 'Publish-WxccFlow' {
    BeforeAll { New-Room 1 }
    AfterAll { Reset-LabSession }
    BeforeEach { Clear-CallbackLabFault -Emulator $e }

    It 'imports as multipart with Content-Length, then publishes with the comment and tags' {
        $published = Publish-WxccFlow -Path $labFlow -Name 'Review_Flow_1' -Tag Live, Test -Comment 'first push'
        $published.PSObject.TypeNames[0] | Should -Be 'CallbackLab.Core.FlowStore.WxccPublishedFlow'
        $published.Name | Should -Be 'Review_Flow_1'
        $published.Status | Should -Be 'Published'
        $published.Tags | Should -Contain 'Live'
        $import = (Journal POST (FlowsPath ':import'))[-1]
        $import.Query | Should -Be 'overwrite=no&flowType=FLOW'
        $import.Headers['Content-Type'] | Should -Match '^multipart/form-data; boundary='
        [int]$import.Headers['Content-Length'] | Should -BeGreaterThan 0
        $import.Body | Should -Match 'name="file"'
        $publish = (Journal POST (FlowsPath "/$($published.FlowId):publish"))[-1]
        $publish.Body | Should -BeExactly '{"comment":"first push","tagIds":["Live","Test"]}'
        (Get-WxccFlow 'Review_Flow_1').Status | Should -Be 'Published'
    }

    It 'reports a name clash without -Overwrite as WxccFlowExists and publishes nothing; -Overwrite replaces' {
        $flow = Get-WxccFlow 'Main_Flow_001' | Export-WxccFlow -PassThru
        $publishesBefore = (Journal POST (FlowsPath '/*:publish')).Count
        $flow | Publish-WxccFlow -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WxccFlowExists,*'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].TargetObject | Should -Be 'Main_Flow_001'
        $err[0].ErrorDetails.Message | Should -Match '409'
        $err[0].ErrorDetails.RecommendedAction | Should -Match '-Overwrite'
        (Journal POST (FlowsPath '/*:publish')).Count | Should -Be $publishesBefore

        $replaced = $flow | Publish-WxccFlow -Overwrite
        $replaced.Overwrote | Should -BeTrue
        (Journal POST (FlowsPath ':import'))[-1].Query | Should -Be 'overwrite=yes&flowType=FLOW'
    }

    It 'imports a subflow as SUBFLOW' {
        $null = Publish-WxccFlow -Path $subflow -Overwrite
        (Journal POST (FlowsPath ':import'))[-1].Query | Should -Be 'overwrite=yes&flowType=SUBFLOW'
    }

    It 'sends nothing with -WhatIf, from files on the pipeline' {
        $before = (Get-CallbackLabRequest -Emulator $e).Count
        Get-Item $labFlow | Publish-WxccFlow -Overwrite -WhatIf
        (Get-CallbackLabRequest -Emulator $e).Count | Should -Be $before
    }

    It 'does not retry an import without -Overwrite after a 500, and says why' {
        Set-CallbackLabFault -Emulator $e -Path (FlowsPath ':import') -Method POST -StatusCode 500 -Count 1
        $before = (Journal POST (FlowsPath ':import')).Count
        Publish-WxccFlow -Path $labFlow -Name 'Review_Flow_500' -ErrorVariable err -ErrorAction SilentlyContinue
        (Journal POST (FlowsPath ':import')).Count | Should -Be ($before + 1)
        $err[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $err[0].ErrorDetails.RecommendedAction | Should -Match 'Get-WxccFlow'
    }

    It 'reports a missing file as FlowFileNotFound' {
        Publish-WxccFlow -Path (Join-Path $TestDrive 'missing.json') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'FlowFileNotFound,*'
    }
}

Describe 'Get-WxccEntryPoint and Set-WxccEntryPoint' {
    BeforeAll { New-Room 2 }
    AfterAll { Reset-LabSession }
    BeforeEach { Clear-CallbackLabFault -Emulator $e }

    It 'lists by name and reads by id from the pipeline' {
        $channels = @(Get-WxccEntryPoint '*_Lab_Channel')
        ($channels.Name | Sort-Object) -join ',' | Should -Be 'Inbound_Lab_Channel,Outdial_Lab_Channel'
        $inbound = $channels | Where-Object EntryPointType -eq 'INBOUND'
        $inbound.PSObject.TypeNames[0] | Should -Be 'CallbackLab.Core.Wxcc.WxccEntryPoint'
        $inbound.FlowId | Should -Be (Get-WxccFlow 'Main_Flow_Lab').Id
        $full = $inbound | Get-WxccEntryPoint
        $full.Id | Should -Be $inbound.Id
        (Journal GET (EntryPointsPath "/$($inbound.Id)"))[-1].Query | Should -Be 'includeNames=true'
        Get-WxccEntryPoint 'No_Such_Channel' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WxccEntryPointNotFound,*'
    }

    It 'maps a flow with a tag by reading by id and putting the whole DTO back' {
        $ep = Get-WxccEntryPoint 'Inbound_Lab_Channel'
        $target = (Get-WxccFlow 'Main_Flow_002').Id
        $updated = $ep | Set-WxccEntryPoint -FlowId $target -FlowTag Live -PassThru
        $updated.FlowId | Should -Be $target
        $updated.FlowTagId | Should -Be 'Live'
        $put = (Journal PUT (EntryPointsPath "/$($ep.Id)"))[-1]
        $sent = $put.Body | ConvertFrom-Json
        $sent.flowId | Should -Be $target
        $sent.name | Should -Be 'Inbound_Lab_Channel'
        (Get-WxccEntryPoint -Id $ep.Id).FlowId | Should -Be $target
    }

    It 'maps what Publish-WxccFlow published, by property name' {
        $ep = Get-WxccEntryPoint 'Inbound_Lab_Channel'
        $published = Publish-WxccFlow -Path $labFlow -Name 'Main_Flow_Mapped' -Tag Test
        $published | Set-WxccEntryPoint -Id $ep.Id -FlowTag Test
        $after = Get-WxccEntryPoint -Id $ep.Id
        ($after.FlowId, $after.FlowTagId) -join ',' | Should -Be "$($published.FlowId),Test"
    }

    It 'sends nothing with -WhatIf, not even the read' {
        $ep = Get-WxccEntryPoint 'Inbound_Lab_Channel'
        $before = (Get-CallbackLabRequest -Emulator $e).Count
        $ep | Set-WxccEntryPoint -FlowId 'x' -WhatIf
        (Get-CallbackLabRequest -Emulator $e).Count | Should -Be $before
    }

    It 'reports a missing entry point as a 404 naming the id and sends no PUT' {
        $putsBefore = (Journal PUT (EntryPointsPath '/*')).Count
        Set-WxccEntryPoint -Id 'no-such-ep' -FlowId 'f' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'no-such-ep'
        (Journal PUT (EntryPointsPath '/*')).Count | Should -Be $putsBefore
    }

    It 'retries the idempotent PUT after a 503' {
        $ep = Get-WxccEntryPoint 'Inbound_Lab_Channel'
        Set-CallbackLabFault -Emulator $e -Path (EntryPointsPath "/$($ep.Id)") -Method PUT -StatusCode 503 -Count 1
        $ep | Set-WxccEntryPoint -FlowId $ep.FlowId
        ((Journal PUT (EntryPointsPath "/$($ep.Id)")).StatusCode | Select-Object -Last 2) -join ',' | Should -Be '503,200'
    }
}

Describe 'Invoke-WxccFlowTest' {
    BeforeAll { $script:e = Start-CallbackLabEmulator }
    AfterAll { Reset-LabSession }
    BeforeEach { Clear-CallbackLabFault -Emulator $e }

    It 'starts an EXECUTE_FLOW task on the inbound entry point from the pipeline' {
        $test = Get-WxccEntryPoint 'Inbound_Lab_Channel' | Invoke-WxccFlowTest -Destination 14085550100 -Origin +19725550199
        $test.PSObject.TypeNames[0] | Should -Be 'CallbackLab.Core.Wxcc.WxccFlowTest'
        $test.StatusCode | Should -Be 201
        $test.TaskId | Should -Not -BeNullOrEmpty
        $post = (Journal POST '/v1/tasks')[-1]
        $body = $post.Body | ConvertFrom-Json
        $body.outboundType | Should -Be 'EXECUTE_FLOW'
        $body.mediaType | Should -Be 'telephony'
        $body.origin | Should -Be '+19725550199'
        $body.entryPointId | Should -Be $test.EntryPointId
    }

    It 'sends nothing with -WhatIf' {
        $before = (Journal POST '/v1/tasks').Count
        Invoke-WxccFlowTest -EntryPointId 'ep' -Destination 1 -Origin 2 -WhatIf
        (Journal POST '/v1/tasks').Count | Should -Be $before
    }

    It 'never retries after a 503 and says the flow may run twice' {
        Set-CallbackLabFault -Emulator $e -Path /v1/tasks -Method POST -StatusCode 503 -Count 1
        $ep = Get-WxccEntryPoint 'Inbound_Lab_Channel'
        $before = (Journal POST '/v1/tasks').Count
        $ep | Invoke-WxccFlowTest -Destination 14085550100 -Origin +19725550199 -ErrorVariable err -ErrorAction SilentlyContinue
        (Journal POST '/v1/tasks').Count | Should -Be ($before + 1)
        $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $err[0].ErrorDetails.RecommendedAction | Should -Match 'twice'
    }

    It 'retries a 429, which ran nothing' {
        Set-CallbackLabFault -Emulator $e -Path /v1/tasks -Method POST -StatusCode 429 -RetryAfterSeconds 1 -Count 1
        $test = Get-WxccEntryPoint 'Inbound_Lab_Channel' | Invoke-WxccFlowTest -Destination 14085550100 -Origin +19725550199
        $test.StatusCode | Should -Be 201
        ((Journal POST '/v1/tasks').StatusCode | Select-Object -Last 2) -join ',' | Should -Be '429,201'
    }

    It 'refuses a destination over 36 characters before sending, even with -WhatIf' {
        $before = (Journal POST '/v1/tasks').Count
        Invoke-WxccFlowTest -EntryPointId 'ep' -Destination ('1' * 37) -Origin 2 -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidFlowTest,*'
        (Journal POST '/v1/tasks').Count | Should -Be $before
    }

    It 'warns without -Origin and shows the 400 the API answers' {
        $ep = Get-WxccEntryPoint 'Inbound_Lab_Channel'
        $ep | Invoke-WxccFlowTest -Destination 14085550100 -WarningVariable warn -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
        $warn[0] | Should -Match 'origin'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Journal POST '/v1/tasks')[-1].StatusCode | Should -Be 400
    }
}
