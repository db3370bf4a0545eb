#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The base cmdlet new WxCC cmdlets build on (ConnectedWxccCmdlet), used the way a new cmdlet uses it: a probe cmdlet
# compiled against the built module writes the connection it was handed for each record.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    if (-not ('CallbackLabTests.TestProbeConnectionCommand' -as [type])) {
        $module = (Get-Module CallbackLab).ImplementingAssembly
        $references = $module.Location, [CallbackLab.Core.Wxcc.WxccConnection].Assembly.Location, [psobject].Assembly.Location, 'netstandard'
        # The module is built against PowerShellStandard (SMA 3.0.0.0); this pwsh's SMA unifies it (CS1701 says so).
        Add-Type -ReferencedAssemblies $references -IgnoreWarnings -CompilerOptions '-nowarn:CS1701' -TypeDefinition @'
using System.Management.Automation;
using CallbackLab.Core.Wxcc;

namespace CallbackLabTests
{
    [Cmdlet(VerbsDiagnostic.Test, "ProbeConnection")]
    public sealed class TestProbeConnectionCommand : CallbackLab.Infrastructure.ConnectedWxccCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        public int Item { get; set; }

        protected override object ConnectionErrorTarget => Item;

        protected override void ProcessRecordWithConnection(WxccConnection connection)
        {
            WriteObject(Item + " " + connection.BaseUri);
        }
    }
}
'@
    }
    Import-Module -Assembly ([CallbackLabTests.TestProbeConnectionCommand].Assembly) -Force
}

Describe 'ConnectedWxccCmdlet' {
    AfterEach {
        Get-CallbackLabEmulator | Stop-CallbackLabEmulator
        Disconnect-Wxcc
    }

    It 'resolves the connection once per pipeline and hands it to every record' {
        $a = Start-CallbackLabEmulator
        # The second input starts a newer emulator (a new session default) while the pipeline runs: the pipeline keeps the first.
        $out = 1, 2, 3 | ForEach-Object { if ($_ -eq 2) { $script:b = Start-CallbackLabEmulator }; $_ } | Test-ProbeConnection
        $out | Should -Be "1 $($a.WxccUri)", "2 $($a.WxccUri)", "3 $($a.WxccUri)"
        $b.WxccUri | Should -Not -Be $a.WxccUri
        1 | Test-ProbeConnection | Should -Be "1 $($b.WxccUri)" -Because 'the next pipeline takes the new default'
        1 | Test-ProbeConnection -Connection $a | Should -Be "1 $($a.WxccUri)"
        $c = Connect-Wxcc -Region ca1 -AccessToken (ConvertTo-SecureString 't' -AsPlainText -Force)
        1 | Test-ProbeConnection | Should -Be '1 https://api.wxcc-ca1.cisco.com/'
        Disconnect-Wxcc
        1 | Test-ProbeConnection -Connection $c | Should -Be '1 https://api.wxcc-ca1.cisco.com/'
    }

    It 'stops at the first record with WxccNotConnected, naming it and advising what to run' {
        $err = @(try { 7, 8 | Test-ProbeConnection -ErrorAction Stop } catch { $_ })
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'WxccNotConnected,CallbackLabTests.TestProbeConnectionCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $err[0].TargetObject | Should -Be 7
        $err[0].ErrorDetails.RecommendedAction | Should -Be 'Run Connect-Wxcc, start the local emulator with Start-CallbackLabEmulator, or pass -Connection.'
    }

    It 'refuses a -Connection that is neither a connection nor an emulator at binding' {
        $err = @(try { 1 | Test-ProbeConnection -Connection 'https://api.wxcc-us1.cisco.com' -ErrorAction Stop } catch { $_ })
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ParameterArgumentTransformationError,CallbackLabTests.TestProbeConnectionCommand'
        $err[0].Exception.Message | Should -BeLike '*-Connection takes a WxCC connection*not a String.'
    }
}

Describe 'advice the simulation cmdlets add to what Core reports' {
    AfterEach { Get-CallbackLabEmulator | Stop-CallbackLabEmulator }

    It 'warns once per flow that connector requests have no connection, and the step says only what happened' {
        # A MockAPI but no WxCC connection: the lab flow's CallBackAPI_Request cannot be sent.
        $e = Start-CallbackLabEmulator -NoDefault
        $r = 1..2 | ForEach-Object { [pscustomobject]@{ Digits = '3' } } | Invoke-IvrSimulation -MockApiUri $e.MockApiUri -WarningVariable w -ErrorVariable err -ErrorAction SilentlyContinue 3>$null
        $w.Count | Should -Be 1
        $w[0].Message | Should -Be ("'Main_Flow_CallbackLab' sends connector requests but no WxCC connection is set, so they fail. " +
            'Run Connect-Wxcc, start the emulator with Start-CallbackLabEmulator, or pass -Connection.')
        $step = @($r[0].Steps | Where-Object ActivityName -EQ 'CallBackAPI_Request')[0]
        $step.Message | Should -BeLike "*uses the connector*but no WxCC connection is set."
        $e.TaskCount | Should -Be 0
        # The error handler itself sends the callback request, so the run fails; the error carries the same advice.
        $err.Count | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -Be 'EventFlowFailed,CallbackLab.Commands.InvokeIvrSimulationCommand'
        $err[0].Exception.Message | Should -Not -BeLike '*-Connection*'
        $err[0].ErrorDetails.RecommendedAction | Should -Be 'Run Connect-Wxcc, start the local emulator with Start-CallbackLabEmulator, or pass -Connection.'
        Invoke-IvrSimulation -Digits 1 -MockApiUri $e.MockApiUri -WarningVariable none 3>$null | Out-Null
        $none | Should -BeNullOrEmpty -Because 'a caller who never reaches the connector needs no connection'
        Test-CallbackFlow -MockApiUri $e.MockApiUri -WarningVariable tw 3>$null | Out-Null
        $tw.Count | Should -Be 1
    }
}
