using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands.Api
{
    /// <summary>
    /// A runspace with the module and a started lab emulator as the session default (<c>$e</c>), stopped on dispose.
    /// The scripts get helpers: <c>SS 'text'</c> makes a SecureString, <c>Plain $secure</c> reads one back,
    /// <c>Journal 'POST' '/v1/tasks'</c> lists matching requests.
    /// </summary>
    public sealed class EmulatorScope : IDisposable
    {
        public const string Helpers =
            "function SS([string]$Text) { $s = [securestring]::new(); foreach ($c in $Text.ToCharArray()) { $s.AppendChar($c) }; $s }; " +
            "function Plain([securestring]$Secure) { [System.Net.NetworkCredential]::new('', $Secure).Password }; " +
            "function Journal([string]$Method, [string]$Path) { @((Get-CallbackLabRequest -Emulator $e) | Where-Object { $_.Method -eq $Method -and $_.Path -like $Path }) }; ";

        public const string LabBody =
            "{\"entryPointId\":\"3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58\",\"destination\":\"14085267209\"," +
            "\"attributes\":{\"Message\":\"tester\",\"To Queue\":\"sales\"},\"outboundType\":\"CALLBACK\",\"mediaType\":\"telephony\"," +
            "\"callback\":{\"callbackOrigin\":\"web\",\"callbackType\":\"immediate\"}}";

        public EmulatorScope(string startArguments = "")
        {
            Shell = new ModuleRunspace();
            Shell.Run("$e = Start-CallbackLabEmulator " + startArguments).AssertNoErrors();
        }

        public ModuleRunspace Shell { get; }

        public ScriptResult Run(string script, Dictionary<string, object?>? variables = null) => Shell.Run(Helpers + script, variables);

        /// <summary>The requests the emulator saw, as "METHOD /path?query".</summary>
        public IReadOnlyList<string> Requests(string method, string pathPattern) =>
            Shell.Run(Helpers + "Journal '" + method + "' '" + pathPattern + "' | ForEach-Object { $_.Method + ' ' + $_.Path + $(if ($_.Query) { '?' + $_.Query }) }")
                .Values.Cast<string>().ToList();

        public void Dispose()
        {
            Shell.Run("Get-CallbackLabEmulator | Stop-CallbackLabEmulator");
            Shell.Dispose();
        }
    }
}
