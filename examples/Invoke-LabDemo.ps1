<#
.SYNOPSIS
    The main job: the "Callback on Global Error" lab, run end to end against CallbackLab's embedded emulator.

.DESCRIPTION
    Starts the emulator (MockAPI DynVars + WxCC tasks API on 127.0.0.1), then walks the lab:
    the GET_CBID lookup, the deliberate Set Variable failure, the OnGlobalError callback task and the
    HTTPStatusCode condition. Uses only CallbackLab cmdlets and PowerShell's core cmdlets, so it runs in
    Windows PowerShell 5.1, PowerShell 7.2+ and the engine-hosted test suite alike.
    Writes one summary object per step and, last, the verdict of Test-CallbackFlow.

.PARAMETER ManifestPath
    The module to import (normally out/CallbackLab/CallbackLab.psd1).

.PARAMETER Dnis
    The number the caller dials; the lab attendee's is +14694096861.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ManifestPath,

    [string] $Dnis = '+14694096861'
)

$ErrorActionPreference = 'Stop'
Import-Module $ManifestPath -Force

$emulator = Start-CallbackLabEmulator
try {
    # Step 4 of the lab: "Test your API resource" - what the browser shows for DynVars?dn=<DNIS without +1>.
    $record = Get-DynVars -Dnis $Dnis -Exact
    [pscustomobject]@{
        Step   = 'GET_CBID: DynVars lookup'
        Result = "dn=$($record.Dn) outdialcbid=$($record.OutboundCallbackEp) customANI=$($record.TacNumber)"
    }

    # Step 6: the Set Variable value that must fail so that OnGlobalError fires.
    $parseError = $null
    try { Expand-FlowExpression -Expression '{{ ANI | 123}}' -ErrorAction Stop | Out-Null }
    catch { $parseError = $_.Exception.Message }
    [pscustomobject]@{
        Step   = 'SimulateGlobalError: {{ ANI | 123}}'
        Result = $parseError
    }

    # Steps 7-8: the whole flow, caller pressing 3, OnGlobalError creating the callback task.
    $run = Invoke-IvrSimulation -Dnis $Dnis -Digits 3
    foreach ($step in $run.Steps) {
        [pscustomobject]@{
            Step   = '{0,2} {1}/{2}' -f $step.Index, $step.Flow, $step.ActivityName
            Result = ('{0} {1}' -f $step.Port, $step.Message).Trim()
        }
    }

    $task = Get-CallbackLabRequest -Method POST -Path '/v1/tasks' | Where-Object StatusCode -eq 201
    [pscustomobject]@{
        Step   = 'Emulator journal: POST /v1/tasks'
        Result = "$(@($task).Count) callback task(s) created, HTTP $(@($task)[0].StatusCode)"
    }

    $verdict = $run | Test-CallbackFlow
    [pscustomobject]@{
        Step   = 'Test-CallbackFlow'
        Result = if ($verdict.Passed) { 'PASSED: OnGlobalError ran, CallBackAPI_Request answered 201, HTTPStatusCode took True' } else { "FAILED: $($verdict.Reason)" }
    }
}
finally {
    $emulator | Stop-CallbackLabEmulator
}
