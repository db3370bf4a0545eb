<#
.SYNOPSIS
    Grades a room: every attendee's Main_Flow_<id> from the tenant (or the emulator) against the lab's Build steps and the
    lab scenario, into a CSV and a summary table.

.DESCRIPTION
    The proctor's loop in one pipeline:

        Get-WxccFlow 'Main_Flow_*' | Export-WxccFlow -PassThru | Test-CallbackFlow | Export-Csv grades.csv

    Test-CallbackFlow checks each export against every Build step of the lab text, then runs the lab scenario (the
    attendee's DNIS, key 3) against it; each grade names the first lab step that fails, its title as the lab text words
    it, and why. Each attendee's DNIS comes from their DynVars record (the record whose attendeeId is theirs), or from a
    -DnisCsv with the columns Attendee and Dnis.

    Against a tenant: Connect-Wxcc first (the Flow Store needs cjp:config_read; the scenario's CallBackAPI_Request goes
    through the connection, so on a real tenant it asks before creating real callback tasks, see -WhatIf/-Confirm of
    Test-CallbackFlow). Rehearsal: -Attendees 40 starts the emulator seeded with a room of 40 attendees.

.PARAMETER ManifestPath
    The module to import (normally out/CallbackLab/CallbackLab.psd1); omit it when CallbackLab is already imported.

.PARAMETER Name
    The flows to grade (a wildcard); every attendee's flow by default.

.PARAMETER Path
    The CSV to write.

.PARAMETER Attendees
    Starts the emulator seeded with this many attendees first (a rehearsal without a tenant).

.PARAMETER DnisCsv
    A CSV with the columns Attendee and Dnis, for attendees whose DNIS is not in DynVars.

.EXAMPLE
    ./examples/Grade-Room.ps1 -ManifestPath ./out/CallbackLab/CallbackLab.psd1 -Attendees 40 -Path ./grades.csv

.OUTPUTS
    The summary rows (Step, Title, Attendees, Who), after the CSV is written.
#>
[CmdletBinding()]
param(
    [string] $ManifestPath,

    [string] $Name = 'Main_Flow_*',

    [string] $Path = './grades.csv',

    [ValidateRange(0, 100)]
    [int] $Attendees = 0,

    [string] $DnisCsv
)

$ErrorActionPreference = 'Stop'
if ($ManifestPath) {
    Import-Module $ManifestPath
}

if ($Attendees -gt 0) {
    Start-CallbackLabEmulator -Attendees $Attendees | Out-Null
}

$flows = Get-WxccFlow -Name $Name | Export-WxccFlow -PassThru
if ($DnisCsv) {
    # Flow and Dnis bind by property name; an attendee missing from the CSV falls back to their DynVars record.
    $dnis = @{}
    Import-Csv $DnisCsv | ForEach-Object { $dnis[$_.Attendee] = $_.Dnis }
    $grades = $flows | ForEach-Object {
        $row = [pscustomobject] @{ Flow = $_ }
        $attendee = $_.Name -replace '^Main_Flow_', ''
        if ($dnis.ContainsKey($attendee)) { $row | Add-Member -NotePropertyName Dnis -NotePropertyValue $dnis[$attendee] }
        $row
    } | Test-CallbackFlow
}
else {
    $grades = $flows | Test-CallbackFlow
}

$grades | Export-Csv -LiteralPath $Path -NoTypeInformation -Encoding utf8

# One row per outcome: who passed, and who fails at each lab step (the lab numbers two steps 8: StepIndex tells them apart).
$grades |
    Group-Object { if ($_.Passed) { 0 } else { $_.StepIndex } } |
    Sort-Object { [int] $_.Name } |
    ForEach-Object {
        $first = $_.Group[0]
        [pscustomobject] @{
            Step      = if ($first.Passed) { '-' } else { $first.Step }
            Title     = if ($first.Passed) { 'Passed' } else { $first.Title }
            Attendees = $_.Count
            Who       = ($_.Group | ForEach-Object { if ($_.Attendee) { $_.Attendee } else { $_.Flow } }) -join ', '
        }
    }
