using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.FlowStore;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the flows in the tenant's Flow Store (name, id, type, status, versions, tags, modified), following every page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "WxccFlow", HelpUri = HelpLinks.CmdletPages + "Get-WxccFlow.md")]
    [OutputType(typeof(WxccFlowSummary))]
    public sealed class GetWxccFlowCommand : ConnectedWxccCmdlet
    {
        private readonly HashSet<string> _written = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Flow names; wildcards allowed. Default: every flow.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FlowName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Only flows (Flow) or only subflows (Subflow).</summary>
        [Parameter]
        public FlowKind? Type { get; set; }

        /// <summary>Only the flows with these ids.</summary>
        [Parameter]
        [Alias("FlowId")]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Flows per request (the server may use fewer).</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int PageSize { get; set; } = FlowListQuery.DefaultPageSize;

        /// <inheritdoc />
        protected override void ProcessRecordWithConnection(WxccConnection connection)
        {
            if (Name is null || Name.Length == 0)
            {
                Write(List(connection, null), null);
                return;
            }

            foreach (string name in Name)
            {
                Write(List(connection, FlowNameSearch.LongestLiteral(name)), name);
            }
        }

        private IReadOnlyList<WxccFlowSummary> List(WxccConnection connection, string? partialName)
        {
            var query = new FlowListQuery { Kind = Type, PartialName = partialName, PageSize = PageSize };
            foreach (string id in Id ?? Array.Empty<string>())
            {
                query.Ids.Add(id);
            }

            try
            {
                return RunApi((http, token) => new FlowStoreClient(connection, http).ListFlowsAsync(query, token), connection);
            }
            catch (OrganizationIdRequiredException ex)
            {
                ThrowTerminatingError(FlowStoreErrorRecords.OrgIdRequired(ex, query));
            }
            catch (ApiException ex)
            {
                ThrowTerminatingError(FlowStoreErrorRecords.ApiFailure(ex, query));
            }

            return Array.Empty<WxccFlowSummary>(); // unreachable: ThrowTerminatingError always throws
        }

        /// <summary>Writes the flows <paramref name="name"/> matches (all when null), each once; a plain name that matches none is an error.</summary>
        private void Write(IReadOnlyList<WxccFlowSummary> flows, string? name)
        {
            var pattern = name is null ? null : new WildcardPattern(name, WildcardOptions.IgnoreCase);
            bool any = false;
            foreach (WxccFlowSummary flow in flows.Where(f => pattern is null || pattern.IsMatch(f.Name)))
            {
                any = true;
                if (_written.Add(flow.Id.Length > 0 ? flow.Id : flow.Name))
                {
                    WriteObject(flow);
                }
            }

            if (!any && name != null && !FlowNameSearch.HasWildcard(name))
            {
                WriteError(new ItemNotFoundException(string.Format(CultureInfo.CurrentCulture, FlowStoreStrings.FlowNotFound, name)),
                    ErrorIds.WxccFlowNotFound, ErrorCategory.ObjectNotFound, name);
            }
        }
    }
}
