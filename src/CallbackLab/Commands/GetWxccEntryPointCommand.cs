using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using CallbackLab.Core.FlowStore;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets WxCC entry points and the flow each runs: all or by name (a listing), or by id (every field).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "WxccEntryPoint", DefaultParameterSetName = NameSet, HelpUri = HelpLinks.CmdletPages + "Get-WxccEntryPoint.md")]
    [OutputType(typeof(WxccEntryPoint))]
    public sealed class GetWxccEntryPointCommand : ConnectedWxccCmdlet
    {
        private const string NameSet = "Name";
        private const string IdSet = "Id";

        private IReadOnlyList<WxccEntryPoint>? _listing;

        /// <summary>Entry point ids: each is read by id, with every field (the listing strips array fields).</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("EntryPointId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Entry point names; wildcards allowed. Default: every entry point.</summary>
        [Parameter(Position = 0, ParameterSetName = NameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecordWithConnection(WxccConnection connection)
        {
            if (ParameterSetName == IdSet)
            {
                foreach (string id in Id)
                {
                    try
                    {
                        WriteObject(RunApi((http, token) => new EntryPointClient(connection, http).GetEntryPointAsync(id, token), connection));
                    }
                    catch (OrganizationIdRequiredException ex)
                    {
                        ThrowTerminatingError(FlowStoreErrorRecords.OrgIdRequired(ex, id));
                    }
                    catch (ApiException ex)
                    {
                        WriteError(FlowStoreErrorRecords.ApiFailure(ex, id));
                    }
                }

                return;
            }

            IReadOnlyList<WxccEntryPoint> all = List(connection);
            if (Name is null)
            {
                WriteObject(all, enumerateCollection: true);
                return;
            }

            foreach (string name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = all.Where(e => pattern.IsMatch(e.Name)).ToList();
                WriteObject(matches, enumerateCollection: true);
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteError(new ItemNotFoundException(string.Format(CultureInfo.CurrentCulture, FlowStoreStrings.EntryPointNotFound, name)),
                        ErrorIds.WxccEntryPointNotFound, ErrorCategory.ObjectNotFound, name);
                }
            }
        }

        /// <summary>The listing, read once per pipeline.</summary>
        private IReadOnlyList<WxccEntryPoint> List(WxccConnection connection)
        {
            if (_listing != null)
            {
                return _listing;
            }

            try
            {
                _listing = RunApi((http, token) => new EntryPointClient(connection, http).ListEntryPointsAsync(token), connection);
            }
            catch (OrganizationIdRequiredException ex)
            {
                ThrowTerminatingError(FlowStoreErrorRecords.OrgIdRequired(ex, Name));
            }
            catch (ApiException ex)
            {
                ThrowTerminatingError(FlowStoreErrorRecords.ApiFailure(ex, Name));
            }

            return _listing!;
        }
    }
}
