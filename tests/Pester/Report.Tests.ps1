#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Acceptance tests for Export-IvrSimulationReport, Show-IvrSimulation and Measure-FlowCoverage (issue 15).
# The cmdlets are tested here only (no engine-hosted twin); Core: tests/CallbackLab.Core.Tests/Reports/*.cs (layout data,
# coverage counts, Mermaid text, headless Chromium DOM checks).

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    $script:samples = Join-Path $PSScriptRoot '../TestData/Flows'
    $script:out = Join-Path ([IO.Path]::GetTempPath()) ("callbacklab-report-pester-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $out
    $script:chromium = @($env:CALLBACKLAB_CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome') |
        Where-Object { $_ } | ForEach-Object { Get-Command $_ -CommandType Application -ErrorAction Ignore } | Select-Object -First 1

    function Get-RenderedDom([string] $Path) {
        $profileDir = Join-Path $out ('profile-' + [guid]::NewGuid().ToString('N'))
        $uri = [Uri]::new((Resolve-Path $Path).ProviderPath, [UriKind]::Absolute).AbsoluteUri
        & $chromium.Source --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update `
            --disable-sync --no-first-run "--user-data-dir=$profileDir" --dump-dom $uri 2>$null
    }
}

AfterAll { Remove-Item -Recurse -Force $out -ErrorAction Ignore }

Describe 'Export-IvrSimulationReport' {
    BeforeAll {
        $script:emu = Start-CallbackLabEmulator
        $script:runs = '1', '2', '3' | ForEach-Object { Invoke-IvrSimulation -Digits $_ -WarningAction SilentlyContinue }
    }
    AfterAll { $emu | Stop-CallbackLabEmulator -Confirm:$false }

    It 'writes one self-contained page and returns it with -PassThru' {
        $file = $runs | Export-IvrSimulationReport -Path (Join-Path $out 'lab.html') -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $html = Get-Content -Raw $file.FullName
        $html | Should -Match "default-src 'none'"
        $html | Should -Not -Match '<link|\ssrc='
        # Three runs on one page: the data holds every run, the page a selector filled from it.
        ([regex]::Matches($html, '"outcome":')).Count | Should -Be 3
        $html | Should -Match 'id="run-select"'
    }

    It 'writes Mermaid for a .md path and on -Format Mermaid' {
        $runs[2] | Export-IvrSimulationReport -Path (Join-Path $out 'path.md')
        (Get-Content (Join-Path $out 'path.md') -TotalCount 1) | Should -Be 'flowchart LR'
        $runs[2] | Export-IvrSimulationReport -Path (Join-Path $out 'path.txt') -Format Mermaid
        Get-Content -Raw (Join-Path $out 'path.txt') | Should -Match '"6\. SimulateGlobalError<br/>set-variable"'
    }

    It 'writes nothing under -WhatIf' {
        $runs | Export-IvrSimulationReport -Path (Join-Path $out 'whatif.html') -WhatIf
        Join-Path $out 'whatif.html' | Should -Not -Exist
    }

    It 'reports a missing folder and an empty pipeline with stable ids' {
        $runs | Export-IvrSimulationReport -Path (Join-Path $out 'no/such/folder.html') -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ReportFolderNotFound,*'
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @() | Export-IvrSimulationReport -Path (Join-Path $out 'none.html') -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'NoSimulationResults,*'
    }

    It 'draws the canvas of the flow a result ran without being given the export' {
        $run = Invoke-IvrSimulation -Flow (Join-Path $samples 'flow_template.json') -CallerHangsUpAfter '00:00:30'
        $run | Export-IvrSimulationReport -Path (Join-Path $out 'template.html') -WarningVariable w
        $w | Should -HaveCount 0
        Get-Content -Raw (Join-Path $out 'template.html') | Should -Match '"key":"main:flow_template","title":"Main flow","kind":"Main"'
    }

    It 'is drawn by headless Chromium with the steps in order and their ports' {
        if (-not $chromium) {
            if ($env:CALLBACKLAB_NO_BROWSER_TESTS -eq '1') { Set-ItResult -Skipped -Because 'Chromium is not installed and CALLBACKLAB_NO_BROWSER_TESTS=1 opts out'; return }
            throw 'Headless Chromium is needed (apt-get install -y chromium; .ci/run installs it), or set CALLBACKLAB_NO_BROWSER_TESTS=1 to skip on purpose.'
        }
        $lab = $runs[2]
        $path = Join-Path $out 'browser.html'
        $lab | Export-IvrSimulationReport -Path $path
        $dom = (Get-RenderedDom $path) -join "`n"
        $dom | Should -Match 'data-ready="true"'
        $rows = [regex]::Matches($dom, '<tr class="step[^"]*" data-index="(\d+)" data-activity="([^"]*)" data-port="([^"]*)"')
        ($rows | ForEach-Object { $_.Groups[2].Value }) -join ',' | Should -Be ($lab.Steps.ActivityName -join ',')
        ($rows | ForEach-Object { $_.Groups[3].Value }) -join ',' | Should -Be (($lab.Steps | ForEach-Object { "$($_.Port)" }) -join ',')
        $dom | Should -Match 'class="node visited[^"]*global-error[^"]*" data-activity-id="[^"]*" data-activity="SimulateGlobalError"'
    }
}

Describe 'The expressions a step evaluated' {
    BeforeAll { $script:emu = Start-CallbackLabEmulator }
    AfterAll { $emu | Stop-CallbackLabEmulator -Confirm:$false }

    It 'are on the result''s steps: the rendered URL, the condition''s value and the failing template' {
        $run = Invoke-IvrSimulation -Digits 3 -WarningAction SilentlyContinue
        $get = $run.Steps | Where-Object ActivityName -eq 'GET_CBID'
        $url = @($get.Expressions)
        $url | Should -HaveCount 1
        $url[0].Expression | Should -BeLike '*{{NewPhoneContact.DNIS | slice(2) }}'
        $url[0].Value | Should -BeLike ('*?dn=' + $run.Dnis.Substring(2))
        $condition = ($run.Steps | Where-Object ActivityName -eq 'HTTPStatusCode').Expressions
        $condition.Expression | Should -Be '{{CallBackAPI_Request.httpStatusCode == 201}}'
        $condition.Value | Should -Be (($run.Steps | Where-Object ActivityName -eq 'HTTPStatusCode').Port -eq 'true')
        $failed = ($run.Steps | Where-Object ActivityName -eq 'SimulateGlobalError').Expressions | Where-Object Failed
        $failed.Expression | Should -Be '{{ ANI | 123}}'
        $run.GlobalError.Message | Should -BeLike ('*' + $failed.Error + '*')
    }
}

Describe 'Measure-FlowCoverage' {
    BeforeAll {
        $script:emu = Start-CallbackLabEmulator
        $script:flow = Import-WxccFlow -Lab
        $script:runs = '1', '2', '3' | ForEach-Object { Invoke-IvrSimulation -Digits $_ -WarningAction SilentlyContinue }
    }
    AfterAll { $emu | Stop-CallbackLabEmulator -Confirm:$false }

    It 'counts activities, wired ports and unwired error ports of the main and event flows' {
        $coverage = Measure-FlowCoverage -Flow $flow -InputObject $runs
        $wiredTriggers = @($flow.EventFlows.Activities | Where-Object { $_.EventName -and $flow.OutgoingLinks($_.Id).Count -gt 0 })
        $eventActivities = @($flow.EventFlows.Activities | Where-Object { -not $_.EventName })
        $coverage.ActivitiesTotal | Should -Be ($flow.Activities.Count + $eventActivities.Count + $wiredTriggers.Count)
        # The lab flow has no canvas: an activity has an error port when its type does (the activity catalog).
        $ports = foreach ($a in @($flow.Activities) + @($wiredTriggers) + @($eventActivities)) {
            $wired = @($flow.OutgoingLinks($a.Id).Port | Select-Object -Unique)
            $type = [CallbackLab.Core.Flows.Simulation.Activities.ActivityCatalog]::Find($a.Type)
            $wired.Count + [int]($type -and $type.Ports -contains 'error' -and $wired -notcontains 'error')
        }
        $coverage.PortsTotal | Should -Be ($ports | Measure-Object -Sum).Sum
        $coverage.PortsNeverTaken | Should -Contain 'WantCallback.timeout'
        $coverage.PortsNeverTaken | Should -Not -Contain 'WantCallback.3'
        # Pressing 3 makes SimulateGlobalError fail: its unwired error port (to OnGlobalError) was taken; the menu's never was.
        $coverage.PortsNeverTaken | Should -Not -Contain 'SimulateGlobalError.error'
        $coverage.PortsNeverTaken | Should -Contain 'WantCallback.error'
        $coverage.PortCoverage | Should -Be ($coverage.PortsCovered / $coverage.PortsTotal)
        (Measure-FlowCoverage -Flow $flow -InputObject $runs[0]).PortCoverage | Should -BeLessThan $coverage.PortCoverage
    }

    It 'takes the results from the pipeline and has a table view' {
        $text = $runs | Measure-FlowCoverage | Out-String
        $text | Should -Match 'PortCoverage'
        $text | Should -Match '\d+/\d+'
    }

    It 'stops on a flow path that does not exist, like Import-WxccFlow' {
        { Measure-FlowCoverage -Flow (Join-Path $out 'missing.json') -InputObject $runs -ErrorAction Stop } |
            Should -Throw -ErrorId 'FlowFileNotFound,CallbackLab.Commands.MeasureFlowCoverageCommand'
    }
}

Describe 'Show-IvrSimulation' {
    BeforeAll {
        $script:emu = Start-CallbackLabEmulator
        $script:run = Invoke-IvrSimulation -Digits 3 -WarningAction SilentlyContinue
        $script:savedBrowser = $env:CALLBACKLAB_BROWSER
    }
    AfterAll {
        $env:CALLBACKLAB_BROWSER = $savedBrowser
        $emu | Stop-CallbackLabEmulator -Confirm:$false
    }

    It 'says where the file is when there is no browser to open' {
        $env:CALLBACKLAB_BROWSER = 'none'
        $file = $run | Show-IvrSimulation -PassThru -WarningVariable w -WarningAction SilentlyContinue
        $file.FullName | Should -Exist
        "$w" | Should -Match ([regex]::Escape($file.FullName))
        Get-Content -Raw $file.FullName | Should -Match '<!DOCTYPE html>'
        Remove-Item $file.FullName
    }
}
