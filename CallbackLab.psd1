#
# Module manifest for CallbackLab: the TEMPLATE of the manifest that ships.
# This file is the single source of the manifest and of the version: the build reads ModuleVersion from here
# and copies this file unchanged into the module folder (out/CallbackLab/), where the files it names exist.
# Test-ModuleManifest therefore runs on out/CallbackLab/CallbackLab.psd1 and on the installed package, not here.
#
@{
    RootModule             = 'CallbackLab.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '6f0f3c1e-2b0a-4f0e-9d6c-3a1e4c9b7d21'
    Author                 = 'CallbackLab contributors'
    CompanyName            = 'CallbackLab'
    Copyright              = '(c) CallbackLab contributors. MIT License.'
    Description            = 'Rehearse and prove the Webex Contact Center "Callback on Global Error" lab: provision MockAPI DynVars records, create WxCC callback tasks, simulate Flow Designer flows offline, and run it all against an embedded local emulator.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @(
        'CallbackLab.Api.format.ps1xml'
        'CallbackLab.Emulator.format.ps1xml'
        'CallbackLab.Flows.format.ps1xml'
        'CallbackLab.FlowStore.format.ps1xml'
        'CallbackLab.Reports.format.ps1xml'
        'CallbackLab.Stubs.format.ps1xml'
    )
    TypesToProcess         = @()
    CmdletsToExport        = @(
        'Add-CallbackLabStub'
        'Clear-CallbackLabFault'
        'Connect-Wxcc'
        'Disconnect-Wxcc'
        'Expand-FlowExpression'
        'Export-IvrSimulationReport'
        'Export-WxccFlow'
        'Get-CallbackLabEmulator'
        'Get-CallbackLabRequest'
        'Get-CallbackLabRun'
        'Get-CallbackLabStub'
        'Get-DynVars'
        'Get-WxccConnection'
        'Get-WxccEntryPoint'
        'Get-WxccFlow'
        'Get-WxccTask'
        'Import-WxccFlow'
        'Invoke-IvrSimulation'
        'Invoke-WxccFlowTest'
        'Measure-FlowCoverage'
        'New-DynVars'
        'New-IvrWorld'
        'New-WxccCallbackTask'
        'Publish-WxccFlow'
        'Remove-CallbackLabStub'
        'Remove-DynVars'
        'Reset-CallbackLabEmulator'
        'Select-JsonPath'
        'Set-CallbackLabFault'
        'Set-DynVars'
        'Set-WxccEntryPoint'
        'Show-IvrSimulation'
        'Start-CallbackLabEmulator'
        'Stop-CallbackLabEmulator'
        'Test-CallbackFlow'
        'Test-WxccFlow'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('PSEdition_Core', 'PSEdition_Desktop', 'Webex', 'WxCC', 'ContactCenter', 'FlowDesigner', 'Callback')
            LicenseUri   = 'https://github.com/callbacklab/CallbackLab/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/callbacklab/CallbackLab'
            ReleaseNotes = 'See CHANGELOG.md in the module folder.'
        }
    }
}
