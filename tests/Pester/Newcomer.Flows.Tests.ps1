#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# What a newcomer hit with flow files (issue 10): Import-WxccFlow ./flows/*.json, findings of many flows, and a
# Test-CallbackFlow reason that named the symptom (400 destination is required) instead of the cause.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    $script:samples = Join-Path $PSScriptRoot '../TestData/Flows'
    $script:flows = Join-Path $TestDrive 'flows'
    $null = New-Item -ItemType Directory $flows -Force
    Copy-Item (Join-Path $samples '*.json') $flows
    Copy-Item (Join-Path $samples 'CL_1_start.json') (Join-Path $flows 'CL_1_start[copy].json')
    $script:sampleCount = @(Get-ChildItem -LiteralPath $samples -Filter *.json).Count
}

Describe 'Import-WxccFlow -Path with wildcards' {
    It 'reads every export a wildcard matches, resolved through the provider' {
        Push-Location $TestDrive
        try { $imported = @(Import-WxccFlow ./flows/CL_*.json) } finally { Pop-Location }
        # CL_1_start[copy].json matches CL_*.json too.
        $imported.Count | Should -Be 3
        ($imported.Source | ForEach-Object { Split-Path $_ -Leaf } | Sort-Object) | Should -Be @('CL_1_readout.json', 'CL_1_start.json', 'CL_1_start[copy].json')
        $imported | ForEach-Object { [IO.Path]::IsPathRooted($_.Source) | Should -BeTrue }
    }

    It 'treats brackets in -Path as a wildcard range, as Get-Content does' {
        @(Import-WxccFlow (Join-Path $flows 'CL_1_[rs]*.json')).Count | Should -Be 3
    }

    It 'writes FlowFileNotFound (ObjectNotFound) with the pattern as target when a wildcard matches nothing, and goes on' {
        $found = @(Import-WxccFlow (Join-Path $flows 'nothing*.json'), (Join-Path $flows 'flow_template.json') -ErrorVariable err -ErrorAction SilentlyContinue)
        $found.Name | Should -Be 'flow_template'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'FlowFileNotFound,CallbackLab.Commands.ImportWxccFlowCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be (Join-Path $flows 'nothing*.json')
    }

    It 'refuses a -Path on another provider' {
        Import-WxccFlow 'Env:/PATH*' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'FlowPathNotFileSystem,CallbackLab.Commands.ImportWxccFlowCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'Import-WxccFlow -LiteralPath' {
    It 'reads a name with brackets exactly as written' {
        $flow = Import-WxccFlow -LiteralPath (Join-Path $flows 'CL_1_start[copy].json')
        $flow.Name | Should -Be 'CL_1_start'
        Split-Path $flow.Source -Leaf | Should -Be 'CL_1_start[copy].json'
    }

    It 'is what Get-ChildItem binds, so every file is read whatever its name' {
        $imported = @(Get-ChildItem -LiteralPath $flows -Filter *.json | Import-WxccFlow)
        $imported.Count | Should -Be ($sampleCount + 1)
        ($imported.Source | ForEach-Object { Split-Path $_ -Leaf }) | Should -Contain 'CL_1_start[copy].json'
    }
}

Describe 'Get-ChildItem *.json | Test-WxccFlow' {
    BeforeAll {
        # The lab's two readout exports each have one unwired menu port: at least two flows have findings.
        $script:findings = @(Get-ChildItem -LiteralPath $flows -Filter 'CL_1_*.json' | Where-Object Name -NotLike '*`[*' | Test-WxccFlow)
    }

    It 'says which flow and which file each finding belongs to' {
        $findings.Count | Should -BeGreaterThan 1
        foreach ($finding in $findings) {
            $finding.FlowName | Should -Not -BeNullOrEmpty
            $finding.FlowPath | Should -Exist
            (Import-WxccFlow -LiteralPath $finding.FlowPath).Name | Should -Be $finding.FlowName
        }
        @($findings.FlowPath | Sort-Object -Unique | ForEach-Object { Split-Path $_ -Leaf }) | Should -Be @('CL_1_readout.json', 'CL_1_start.json')
    }

    It 'groups the default view by flow, naming the file' {
        $text = $findings | Out-String -Width 200
        foreach ($path in ($findings.FlowPath | Sort-Object -Unique)) {
            $name = ($findings | Where-Object FlowPath -eq $path)[0].FlowName
            $text | Should -BeLike "*Flow: $name ($path)*"
        }
        ([regex]::Matches($text, 'Flow: ')).Count | Should -Be @($findings.FlowPath | Sort-Object -Unique).Count
    }
}

Describe 'Test-CallbackFlow names the root cause of a failed task request' {
    BeforeEach { $script:emu = Start-CallbackLabEmulator }
    AfterEach { $emu | Stop-CallbackLabEmulator -Confirm:$false }

    It 'says first that GET_CBID found no DynVars record, so outdialcbid and customANI stayed empty' {
        $result = Invoke-IvrSimulation -Dnis +19999999999 -Digits 3 | Test-CallbackFlow
        $result.Passed | Should -BeFalse
        $result.StatusCode | Should -Be 400
        $result.Reason | Should -BeLike 'GET_CBID found no DynVars record for DNIS +19999999999 (GET /flowdesigner/Lab/DynVars?dn=9999999999 answered 404 "Not found"), so outdialcbid and customANI stayed empty. Then CallBackAPI_Request answered 400*'
        $result.Reason.IndexOf('GET_CBID') | Should -BeLessThan $result.Reason.IndexOf('destination is required')
    }

    It 'gives no such cause when the record exists and the task request itself is refused' {
        Set-CallbackLabFault -Method POST -Path /v1/tasks -StatusCode 503
        $result = Invoke-IvrSimulation -Dnis +14694096861 -Digits 3 | Test-CallbackFlow
        $result.Reason | Should -BeLike 'CallBackAPI_Request answered 503, not 201:*'
    }
}
