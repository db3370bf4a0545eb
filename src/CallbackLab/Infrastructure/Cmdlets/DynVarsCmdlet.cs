using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.Http;
using CallbackLab.Core.MockApi;
using CallbackLab.Resources;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Shared by the cmdlets that change DynVars records: the MockAPI address parameter, field building from parameters
    /// and -Property, and a progress bar with a running count for bulk pipelines (Import-Csv | New-DynVars), shown from the second input on.
    /// </summary>
    public abstract class DynVarsCmdlet : ApiCmdlet
    {
        private readonly int _progressId = new Random().Next(1, int.MaxValue);
        private int _done;
        private int _failed;
        private bool _progressStarted;
        private bool _warnedPublicProject;

        /// <summary>The MockAPI project prefix; default: the session's (a started emulator), else the lab's project.</summary>
        [Parameter]
        [ValidateNotNull]
        [ValidateHttpUri]
        public Uri? MockApiUri { get; set; }

        /// <summary>
        /// Warns once per call when a change would go to the lab's shared public MockAPI project only because nothing
        /// local is set up: other attendees read those records.
        /// </summary>
        internal void WarnIfChangingThePublicLabProject()
        {
            if (_warnedPublicProject || MockApiUri != null)
            {
                return;
            }

            _warnedPublicProject = true;
            Uri resolved = Session.Defaults.MockApiUriFor();
            if (Session.Defaults.IsPublicMockApi(resolved))
            {
                WriteWarning(string.Format(CultureInfo.CurrentCulture, ApiStrings.ChangingPublicLabProject, resolved));
            }
        }

        /// <summary>The client for the effective MockAPI address.</summary>
        internal MockApiClient Client(ApiHttpClient http) => new MockApiClient(Session.Defaults.MockApiUriFor(MockApiUri), http);

        /// <summary>As <see cref="Fields"/>; a bad -Property key stops the cmdlet with <c>InvalidPropertyName</c>.</summary>
        internal JObject FieldsOrStop(string? dn, string? outboundCallbackEp, string? tacNumber, IDictionary? property)
        {
            try
            {
                return Fields(dn, outboundCallbackEp, tacNumber, property);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ex, ErrorIds.InvalidPropertyName, ErrorCategory.InvalidArgument, property);
                throw; // unreachable: ThrowTerminatingError always throws
            }
        }

        /// <summary>The JSON fields to send: the non-null named fields and every -Property entry.</summary>
        internal static JObject Fields(string? dn, string? outboundCallbackEp, string? tacNumber, IDictionary? property)
        {
            var fields = new JObject();
            Add(fields, DynVarsRecord.DnField, dn);
            Add(fields, DynVarsRecord.OutboundCallbackEpField, outboundCallbackEp);
            Add(fields, DynVarsRecord.TacNumberField, tacNumber);
            if (property != null)
            {
                foreach (DictionaryEntry entry in property)
                {
                    string name = entry.Key?.ToString() ?? string.Empty;
                    if (name.Length == 0 || string.Equals(name, DynVarsRecord.IdField, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new ArgumentException(string.Format(CultureInfo.CurrentCulture, ApiStrings.InvalidPropertyName, name));
                    }

                    object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                    fields[name] = value is null ? JValue.CreateNull() : JToken.FromObject(value);
                }
            }

            return fields;
        }

        /// <summary>Counts one finished input and shows the running totals.</summary>
        internal void ReportProgress(string operation, bool succeeded)
        {
            if (succeeded)
            {
                _done++;
                Session.Completions.Clear(); // -Dn completion must offer the record just added or not offer the one removed
            }
            else
            {
                _failed++;
            }

            // A single quick call shows no bar; a bulk pipeline shows it from its second input on.
            if (_done + _failed < 2)
            {
                return;
            }

            _progressStarted = true;
            WriteProgress(new ProgressRecord(_progressId, ApiStrings.ProvisioningActivity,
                string.Format(CultureInfo.CurrentCulture, ApiStrings.ProvisioningStatus, operation, _done, _failed)));
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_progressStarted)
            {
                WriteProgress(new ProgressRecord(_progressId, ApiStrings.ProvisioningActivity, "-") { RecordType = ProgressRecordType.Completed });
            }
        }

        private static void Add(JObject fields, string name, string? value)
        {
            if (value != null)
            {
                fields[name] = value;
            }
        }
    }
}
