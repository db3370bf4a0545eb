using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace CallbackLab.PowerShell.Tests.Harness
{
    /// <summary>Everything a script produced: output objects and every stream, plus a terminating error if one stopped it.</summary>
    public sealed class ScriptResult
    {
        public ScriptResult(
            IReadOnlyList<PSObject> output,
            IReadOnlyList<ErrorRecord> errors,
            IReadOnlyList<WarningRecord> warnings,
            IReadOnlyList<VerboseRecord> verbose,
            IReadOnlyList<DebugRecord> debug,
            IReadOnlyList<InformationRecord> information,
            IReadOnlyList<ProgressRecord> progress,
            RuntimeException? terminatingError)
        {
            Output = output;
            Errors = errors;
            Warnings = warnings;
            Verbose = verbose;
            Debug = debug;
            Information = information;
            Progress = progress;
            TerminatingError = terminatingError;
        }

        public IReadOnlyList<PSObject> Output { get; }

        public IReadOnlyList<ErrorRecord> Errors { get; }

        public IReadOnlyList<WarningRecord> Warnings { get; }

        public IReadOnlyList<VerboseRecord> Verbose { get; }

        public IReadOnlyList<DebugRecord> Debug { get; }

        public IReadOnlyList<InformationRecord> Information { get; }

        public IReadOnlyList<ProgressRecord> Progress { get; }

        /// <summary>The exception that ended the script, if any (its ErrorRecord is also the last entry of <see cref="AllErrors"/>).</summary>
        public RuntimeException? TerminatingError { get; }

        /// <summary>Non-terminating errors followed by the terminating one.</summary>
        public IReadOnlyList<ErrorRecord> AllErrors =>
            TerminatingError?.ErrorRecord is { } record ? Errors.Concat(new[] { record }).ToList() : Errors;

        /// <summary>The base objects of the output.</summary>
        public IReadOnlyList<object?> Values => Output.Select(o => o?.BaseObject).ToList();

        /// <summary>Every verbose and debug message, joined; for asserting what never appears.</summary>
        public string AllMessages => string.Join("\n",
            Verbose.Select(v => v.Message).Concat(Debug.Select(d => d.Message)).Concat(Warnings.Select(w => w.Message))
                .Concat(Information.Select(i => i.MessageData?.ToString() ?? string.Empty))
                .Concat(AllErrors.Select(e => e.ToString() + " " + e.ErrorDetails?.Message)));

        /// <summary>Fails with the errors' text when the script wrote any error.</summary>
        public ScriptResult AssertNoErrors()
        {
            if (AllErrors.Count > 0)
            {
                Assert.Fail("The script wrote errors:\n" + string.Join("\n", AllErrors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            }

            return this;
        }

        /// <summary>The value of a property of output object <paramref name="index"/>.</summary>
        public object? Property(int index, string name) => Output[index].Properties[name]?.Value;
    }
}
