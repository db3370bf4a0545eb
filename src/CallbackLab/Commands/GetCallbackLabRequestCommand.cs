using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CallbackLab.Completion;
using CallbackLab.Core.Emulator;
using CallbackLab.Infrastructure;
using CallbackLab.Models;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the requests an emulator received (its journal), oldest first; Authorization is redacted.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallbackLabRequest", DefaultParameterSetName = DefaultSet, HelpUri = HelpLinks.CmdletPages + "Get-CallbackLabRequest.md")]
    [OutputType(typeof(JournalEntry))]
    public sealed class GetCallbackLabRequestCommand : EmulatorTargetCmdlet
    {
        /// <summary>Only requests whose path matches this wildcard pattern, e.g. <c>*/DynVars*</c>.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(EmulatorRouteCompleter))]
        public string? Path { get; set; }

        /// <summary>Only requests with this HTTP method (GET, POST, …).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EmulatorRouteCompleter))]
        public string? Method { get; set; }

        /// <summary>Only requests answered with this status (0 = dropped connection).</summary>
        [Parameter]
        public int? StatusCode { get; set; }

        /// <summary>Only the last N matching requests.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Last { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            CallbackLabEmulator? target = ResolveTarget();
            if (target == null)
            {
                return;
            }

            WildcardPattern? path = Path == null ? null : new WildcardPattern(Path, WildcardOptions.IgnoreCase);
            IEnumerable<JournalEntry> entries = target.Emulator.Journal
                .Where(e => path == null || path.IsMatch(e.Path))
                .Where(e => Method == null || string.Equals(e.Method, Method, StringComparison.OrdinalIgnoreCase))
                .Where(e => StatusCode == null || e.StatusCode == StatusCode);
            List<JournalEntry> list = entries.ToList();
            if (Last is int last && list.Count > last)
            {
                list = list.GetRange(list.Count - last, last);
            }

            WriteObject(list, enumerateCollection: true);
        }
    }
}
