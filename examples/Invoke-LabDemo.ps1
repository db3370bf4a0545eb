<#
.SYNOPSIS
    The main job: the "Callback on Global Error" lab, run against CallbackLab's embedded emulator.

.DESCRIPTION
    Uses only CallbackLab cmdlets and PowerShell's core cmdlets, so it runs in Windows PowerShell 5.1,
    PowerShell 7.2+ and the engine-hosted test suite alike. Writes what the admin would see at each step.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ManifestPath
)

$ErrorActionPreference = 'Stop'
Import-Module $ManifestPath -Force

# What exists so far: the JSONPath the lab's GET_CBID activity applies to the MockAPI answer.
$body = '[{"dn":"4694096861","outboundcallbackep":"Outdial_Channel","tacnumber":"14085267209","id":"1"}]'
[pscustomobject]@{
    Step               = 'GET_CBID parsing'
    outdialcbid        = $body | Select-JsonPath '$[0].outboundcallbackep'
    customANI          = $body | Select-JsonPath '$[0].tacnumber'
}
