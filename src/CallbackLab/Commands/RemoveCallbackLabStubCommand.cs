using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using CallbackLab.Core.Stubs;
using CallbackLab.Infrastructure;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes HTTP stubs from an emulator: by id (from Get-CallbackLabStub), by name, or all of them.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "CallbackLabStub", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DefaultSet, HelpUri = HelpLinks.CmdletPages + "Remove-CallbackLabStub.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveCallbackLabStubCommand : EmulatorTargetCmdlet
    {
        /// <summary>The ids of the stubs to remove; Get-CallbackLabStub output binds here.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StubId")]
        public Guid[]? Id { get; set; }

        /// <summary>Remove the stubs whose name matches (wildcards allowed).</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Remove every stub (and the unmatched-request log).</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (Id == null && Name == null && !All.IsPresent)
            {
                WriteError(new ArgumentException(StubStrings.StubSelectionRequired), ErrorIds.StubSelectionRequired, ErrorCategory.InvalidArgument, null);
                return;
            }

            CallbackLabEmulator? target = ResolveTarget();
            if (target == null)
            {
                return;
            }

            StubEngine stubs = target.Emulator.Stubs;
            if (All.IsPresent)
            {
                if (ShouldProcess(target.Uri.ToString(), string.Format(CultureInfo.CurrentCulture, StubStrings.RemoveStubAction, "*")))
                {
                    stubs.Clear();
                }

                return;
            }

            foreach (Guid id in Id ?? Array.Empty<Guid>())
            {
                Stub? stub = stubs.Stubs.FirstOrDefault(s => s.Id == id);
                if (stub == null)
                {
                    WriteError(new ItemNotFoundException(string.Format(CultureInfo.CurrentCulture, StubStrings.StubNotFound, id, target.Uri)),
                        ErrorIds.StubNotFound, ErrorCategory.ObjectNotFound, id);
                    continue;
                }

                Remove(target, stub);
            }

            if (Name != null)
            {
                var pattern = new WildcardPattern(Name, WildcardOptions.IgnoreCase);
                var matching = stubs.Stubs.Where(s => pattern.IsMatch(s.Name)).ToList();
                if (matching.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(Name))
                {
                    WriteError(new ItemNotFoundException(string.Format(CultureInfo.CurrentCulture, StubStrings.StubNotFound, Name, target.Uri)),
                        ErrorIds.StubNotFound, ErrorCategory.ObjectNotFound, Name);
                }

                foreach (Stub stub in matching)
                {
                    Remove(target, stub);
                }
            }
        }

        private void Remove(CallbackLabEmulator target, Stub stub)
        {
            if (ShouldProcess(target.Uri.ToString(), string.Format(CultureInfo.CurrentCulture, StubStrings.RemoveStubAction, stub.Name)))
            {
                target.Emulator.Stubs.Remove(stub.Id);
            }
        }
    }
}
