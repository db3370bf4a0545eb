using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace CallbackLab.PowerShell.Tests.Harness
{
    /// <summary>
    /// A real PowerShell runspace (InitialSessionState.CreateDefault2: the Core cmdlets only) with the built
    /// module imported from out/CallbackLab/CallbackLab.psd1, as a user would import it.
    /// </summary>
    public sealed class ModuleRunspace : IDisposable
    {
        private readonly Runspace _runspace;

        public ModuleRunspace(bool importModule = true)
        {
            InitialSessionState iss = InitialSessionState.CreateDefault2();
            _runspace = RunspaceFactory.CreateRunspace(iss);
            _runspace.Open();
            if (importModule)
            {
                Run("Import-Module -Name $ManifestPath -ErrorAction Stop", new Dictionary<string, object?> { ["ManifestPath"] = RepoPaths.ModuleManifest })
                    .AssertNoErrors();
            }
        }

        public Runspace Runspace => _runspace;

        /// <summary>
        /// Runs <paramref name="script"/>. Entries of <paramref name="variables"/> become variables of the runspace first.
        /// A terminating error is captured in <see cref="ScriptResult.TerminatingError"/>, never thrown.
        /// </summary>
        public ScriptResult Run(string script, Dictionary<string, object?>? variables = null)
        {
            using System.Management.Automation.PowerShell ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = _runspace;
            if (variables != null)
            {
                foreach (KeyValuePair<string, object?> pair in variables)
                {
                    _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
                }
            }

            ps.AddScript(script);
            var output = new List<PSObject>();
            RuntimeException? terminating = null;
            try
            {
                foreach (PSObject item in ps.Invoke())
                {
                    output.Add(item);
                }
            }
            catch (RuntimeException ex)
            {
                terminating = ex;
            }

            return new ScriptResult(
                output,
                ps.Streams.Error.ToList(),
                ps.Streams.Warning.ToList(),
                ps.Streams.Verbose.ToList(),
                ps.Streams.Debug.ToList(),
                ps.Streams.Information.ToList(),
                ps.Streams.Progress.ToList(),
                terminating);
        }

        /// <summary>Reads a variable of the runspace.</summary>
        public object? GetVariable(string name) => _runspace.SessionStateProxy.GetVariable(name);

        public void Dispose()
        {
            _runspace.Dispose();
        }

        /// <summary>Builds a hashtable for passing to scripts.</summary>
        public static Hashtable Table(params (string Key, object? Value)[] entries)
        {
            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach ((string key, object? value) in entries)
            {
                table[key] = value;
            }

            return table;
        }
    }
}
