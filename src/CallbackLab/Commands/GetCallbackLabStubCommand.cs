using System;
using System.Linq;
using System.Management.Automation;
using CallbackLab.Core.Stubs;
using CallbackLab.Infrastructure;
using CallbackLab.Models;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists an emulator's HTTP stubs (with how often each answered), or the requests no stub matched.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallbackLabStub", DefaultParameterSetName = DefaultSet, HelpUri = HelpLinks.CmdletPages + "Get-CallbackLabStub.md")]
    [OutputType(typeof(Stub), typeof(UnmatchedRequest))]
    public sealed class GetCallbackLabStubCommand : EmulatorTargetCmdlet
    {
        /// <summary>Only stubs whose name matches (wildcards allowed).</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Only the stubs with these ids.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StubId")]
        public Guid[]? Id { get; set; }

        /// <summary>List the requests that no stub matched and that were not sent, oldest first, instead of the stubs.</summary>
        [Parameter]
        public SwitchParameter Unmatched { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            CallbackLabEmulator? target = ResolveTarget();
            if (target == null)
            {
                return;
            }

            StubEngine stubs = target.Emulator.Stubs;
            if (Unmatched.IsPresent)
            {
                foreach (UnmatchedRequest request in stubs.Unmatched)
                {
                    WriteObject(request);
                }

                return;
            }

            WildcardPattern? pattern = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            foreach (Stub stub in stubs.Stubs.Where(s => (pattern == null || pattern.IsMatch(s.Name)) && (Id == null || Id.Contains(s.Id))))
            {
                WriteObject(stub);
            }
        }
    }
}
