<#
.SYNOPSIS
    The main job: the "Callback on Global Error" lab, run end to end against CallbackLab's embedded emulator.

.DESCRIPTION
    Starts the emulator (MockAPI DynVars + WxCC tasks API on 127.0.0.1), then walks the lab:
    the GET_CBID lookup, the deliberate Set Variable failure, the whole flow for a caller pressing 3 (OnGlobalError
    creating the callback task, HTTPStatusCode checking for 201), and the emulator's record of the task.
    Writes plain text lines, wrapped at 80 columns so nothing is cut in a narrow console or when piped, and ends with
    one line that starts with PASSED or FAILED. Exits 0 when the lab passed, 1 when it did not.
    Uses only CallbackLab cmdlets and PowerShell's core cmdlets, so it runs in Windows PowerShell 5.1, PowerShell 7.2+
    and the engine-hosted test suite alike.

.PARAMETER ManifestPath
    The module to import (normally out/CallbackLab/CallbackLab.psd1).

.PARAMETER Dnis
    The number the caller dials; the lab attendee's is +14694096861.

.PARAMETER Width
    The column at which long lines wrap.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ManifestPath,

    [string] $Dnis = '+14694096861',

    [ValidateRange(40, 500)]
    [int] $Width = 80
)

$ErrorActionPreference = 'Stop'

# Wraps $Text at spaces so that no line is longer than $Width: the first line starts with $Lead, the others with
# $Indent. A single word longer than a line (a URI) stays whole on a line of its own.
function Format-Wrapped([string] $Text, [string] $Indent = '', [string] $Lead = '') {
    $line = $Lead
    $empty = $true
    $room = [Math]::Max(10, $Width - $Indent.Length)
    # A word longer than a whole line (a JSON body) is cut into pieces that fit, so no line is ever longer than $Width.
    $words = foreach ($word in ($Text.Trim() -split ' +')) {
        while ($word.Length -gt $room) { $word.Substring(0, $room); $word = $word.Substring($room) }
        $word
    }
    foreach ($word in $words) {
        if (-not $empty -and ($line.Length + 1 + $word.Length) -gt $Width) {
            $line
            $line = $Indent + $word
        }
        elseif ($empty) { $line += $word; $empty = $false }
        else { $line = "$line $word" }
    }
    $line
}

# One label column, then the value wrapped under itself: the list layout that never cuts a value.
function Format-Field([string] $Label, [string] $Value) {
    $lead = '    {0,-13} ' -f $Label
    Format-Wrapped $Value (' ' * $lead.Length) $lead
}

# What a step's exit port means, in the words a lab admin reads in Flow Designer.
function Get-PortWords($Step) {
    if ($Step.Http) { return "HTTP $($Step.Http.StatusCode)" }
    switch -Regex ($Step.Port) {
        '^[0-9*#]+$' { return "pressed $($Step.Port)" }
        '^(true|false)$' { return "$($Step.Port) branch" }
        '^error$' { return 'error: OnGlobalError takes over' }
        '^(timeout|invalid)$' { return "menu $($Step.Port)" }
    }
    if ($Step.ActivityType -eq 'event') { return 'event started' }
    if ($Step.ActivityType -eq 'end-flow') { return 'flow ended' }
    'next'
}

$passed = $false
$emulator = $null
try {
    Import-Module $ManifestPath -Force
    $emulator = Start-CallbackLabEmulator
    Format-Wrapped 'CallbackLab: the "Callback on Global Error" lab, end to end against the local emulator' '  '
    Format-Field 'emulator' "$($emulator.Uri) (MockAPI DynVars and the WxCC tasks API)"
    ''

    # Step 4 of the lab: "Test your API resource" - what the browser shows for DynVars?dn=<DNIS without +1>.
    $record = Get-DynVars -Dnis $Dnis -Exact
    Format-Wrapped "1. GET_CBID looks up the DynVars record for DNIS $Dnis" '   '
    if ($record) {
        Format-Field 'dn' $record.Dn
        Format-Field 'outdialcbid' $record.OutboundCallbackEp
        Format-Field 'customANI' $record.TacNumber
    }
    else {
        Format-Field 'no record' 'MockAPI has no DynVars record for this DNIS, so outdialcbid and customANI stay empty'
    }
    ''

    # Step 6: the Set Variable value that must fail so that OnGlobalError fires.
    $parseError = $null
    try { Expand-FlowExpression -Expression '{{ ANI | 123}}' -ErrorAction Stop | Out-Null }
    catch { $parseError = $_.Exception.Message }
    Format-Wrapped '2. SimulateGlobalError sets simulatederror to {{ ANI | 123}}' '   '
    if ($parseError) {
        Format-Field 'EXPECTED' "the lab's deliberate error (it makes OnGlobalError run): $parseError"
    }
    else {
        Format-Field 'UNEXPECTED' '{{ ANI | 123}} parsed, so OnGlobalError would never run'
    }
    ''

    # Steps 7-8: the whole flow, caller pressing 3, OnGlobalError creating the callback task.
    $run = Invoke-IvrSimulation -Dnis $Dnis -Digits 3
    Format-Wrapped "3. The flow, for a caller pressing 3 (outcome: $($run.Outcome))" '   '
    foreach ($step in $run.Steps) {
        $words = Get-PortWords $step
        if ($step.Port -eq 'error' -and $parseError) { $words = "expected error: OnGlobalError takes over" }
        Format-Wrapped ('{0}/{1} -> {2}' -f $step.Flow, $step.ActivityName, $words) '         ' ('    {0,2}. ' -f $step.Index)
    }
    ''

    $tasks = @(Get-CallbackLabRequest -Method POST -Path '/v1/tasks' | Where-Object StatusCode -eq 201)
    Format-Wrapped '4. The emulator journal: POST /v1/tasks' '   '
    Format-Field 'tasks' "$($tasks.Count) callback task(s) created with HTTP 201"
    if ($tasks.Count -gt 0) { Format-Field 'destination' "$($run.CallbackTask.Destination) (the customANI looked up in step 1)" }
    ''

    $verdict = $run | Test-CallbackFlow
    Format-Wrapped '5. Test-CallbackFlow, the lab''s own check' '   '
    Format-Field 'verdict' $verdict.Reason
    if (-not $parseError) { Format-Field 'problem' '{{ ANI | 123}} did not fail, so the lab''s global error never happened.' }
    if ($tasks.Count -ne 1) { Format-Field 'problem' "the emulator recorded $($tasks.Count) callback tasks instead of 1." }
    ''
    $passed = [bool] $verdict.Passed -and [bool] $parseError -and $tasks.Count -eq 1
}
catch {
    Format-Field 'error' $_.Exception.Message
    ''
}
finally {
    if ($emulator) { $emulator | Stop-CallbackLabEmulator }
}

# The last line: short, never wrapped, and the same words every time so that a script or a person can read it.
if ($passed) { 'PASSED: the callback on global error lab works end to end.' ; exit 0 }
'FAILED: the callback on global error lab did not pass (see above).'
exit 1
