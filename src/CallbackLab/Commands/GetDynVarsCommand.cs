using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Completion;
using CallbackLab.Core.Http;
using CallbackLab.Core.MockApi;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets DynVars records from MockAPI, the way the lab's GET_CBID activity looks them up.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DynVars", DefaultParameterSetName = DnSet, HelpUri = HelpLinks.CmdletPages + "Get-DynVars.md")]
    [OutputType(typeof(DynVarsRecord))]
    public sealed class GetDynVarsCommand : ApiCmdlet
    {
        // -Dn and -Dnis are two ways to say the same filter, so each has its own set and the binder refuses both together.
        private const string DnSet = "Dn";
        private const string DnisSet = "Dnis";
        private const string IdSet = "Id";
        private const int AllPageSize = 100;

        private bool _warnedPublicProject;

        /// <summary>Filters on dn; MockAPI matches substrings unless -Exact.</summary>
        [Parameter(Position = 0, ParameterSetName = DnSet)]
        [ArgumentCompleter(typeof(DynVarsDnCompleter))]
        public string? Dn { get; set; }

        /// <summary>The number a caller dials, e.g. +14694096861; the flow's slice(2) turns it into the dn.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DnisSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DynVarsDnCompleter))]
        public string? Dnis { get; set; }

        /// <summary>One record by its MockAPI id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DynVarsIdCompleter))]
        public string Id { get; set; } = string.Empty;

        /// <summary>The MockAPI project prefix; default: the session's (a started emulator), else the lab's project.</summary>
        [Parameter]
        [ValidateNotNull]
        [ValidateHttpUri]
        public Uri? MockApiUri { get; set; }

        /// <summary>Keeps only records whose dn equals the filter (MockAPI itself matches substrings).</summary>
        [Parameter(ParameterSetName = DnSet)]
        [Parameter(ParameterSetName = DnisSet)]
        public SwitchParameter Exact { get; set; }

        /// <summary>The field to sort by.</summary>
        [Parameter(ParameterSetName = DnSet)]
        [Parameter(ParameterSetName = DnisSet)]
        [ValidateNotNullOrEmpty]
        public string? SortBy { get; set; }

        /// <summary>Sorts descending.</summary>
        [Parameter(ParameterSetName = DnSet)]
        [Parameter(ParameterSetName = DnisSet)]
        public SwitchParameter Descending { get; set; }

        /// <summary>The 1-based page to get (with -All: the first page).</summary>
        [Parameter(ParameterSetName = DnSet)]
        [Parameter(ParameterSetName = DnisSet)]
        [ValidateRange(1, int.MaxValue)]
        public int Page { get; set; }

        /// <summary>Records per page.</summary>
        [Parameter(ParameterSetName = DnSet)]
        [Parameter(ParameterSetName = DnisSet)]
        [ValidateRange(1, int.MaxValue)]
        public int Limit { get; set; }

        /// <summary>Gets every page, writing each record as its page arrives.</summary>
        [Parameter(ParameterSetName = DnSet)]
        [Parameter(ParameterSetName = DnisSet)]
        public SwitchParameter All { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            Uri mockApiUri = Session.Defaults.MockApiUriFor(MockApiUri);
            WarnIfReadingThePublicLabProject(mockApiUri);
            try
            {
                if (ParameterSetName == IdSet)
                {
                    DynVarsRecord record = RunApi((http, token) => new MockApiClient(mockApiUri, http).GetAsync(Id, token));
                    WriteObject(DynVarsOutput.ToPSObject(record));
                    return;
                }

                WritePages(mockApiUri);
            }
            catch (ApiException ex)
            {
                WriteApiError(ex);
            }
        }

        /// <summary>
        /// Warns once per call when nothing local is set up, so the read goes to the lab's public project on the internet:
        /// offline that fails only after the timeout, and the records are not the local emulator's.
        /// </summary>
        private void WarnIfReadingThePublicLabProject(Uri mockApiUri)
        {
            if (_warnedPublicProject || MockApiUri != null
                || Uri.Compare(mockApiUri, MockApiClient.LabUri, UriComponents.HttpRequestUrl, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return;
            }

            _warnedPublicProject = true;
            WriteWarning(string.Format(CultureInfo.CurrentCulture, ApiStrings.ReadingPublicLabProject, mockApiUri));
        }

        private void WritePages(Uri mockApiUri)
        {
            var query = new DynVarsQuery
            {
                Dn = Dnis != null ? DynVarsQuery.DnFromDnis(Dnis) : Dn,
                Exact = Exact.IsPresent,
                SortBy = SortBy,
                Descending = Descending.IsPresent,
                Page = Page > 0 ? Page : (int?)null,
                Limit = Limit > 0 ? Limit : (int?)null,
            };
            if (!All.IsPresent)
            {
                WriteRecords(RunApi((http, token) => new MockApiClient(mockApiUri, http).FindAsync(query, token)));
                return;
            }

            int limit = query.Limit ?? AllPageSize;
            for (int page = query.Page ?? 1; ; page++)
            {
                DynVarsQuery pageQuery = query.ForPage(page, limit);
                DynVarsPage result = RunApi((http, token) => new MockApiClient(mockApiUri, http).FindAsync(pageQuery, token));
                WriteRecords(result);
                if (result.Received < limit)
                {
                    return;
                }
            }
        }

        private void WriteRecords(DynVarsPage page)
        {
            foreach (DynVarsRecord record in page.Records)
            {
                WriteObject(DynVarsOutput.ToPSObject(record));
            }
        }
    }
}
