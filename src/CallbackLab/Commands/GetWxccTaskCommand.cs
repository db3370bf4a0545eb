using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists WxCC tasks (GET /v1/tasks), streaming every page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "WxccTask", HelpUri = HelpLinks.CmdletPages + "Get-WxccTask.md")]
    [OutputType(typeof(WxccTask))]
    public sealed class GetWxccTaskCommand : WxccCmdlet
    {
        /// <summary>How far back the window reaches when -From is not given.</summary>
        internal static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

        /// <summary>The earliest creation time; default 24 hours before -To (so, with neither, the last 24 hours).</summary>
        [Parameter(Position = 0)]
        public DateTime? From { get; set; }

        /// <summary>The latest creation time; default now.</summary>
        [Parameter]
        public DateTime? To { get; set; }

        /// <summary>telephony, chat, email or social; default all.</summary>
        [Parameter]
        [ValidateSet("telephony", "chat", "email", "social", IgnoreCase = true)]
        public string[]? ChannelType { get; set; }

        /// <summary>Tasks per request, 1 to 1000 (the API's default is 100).</summary>
        [Parameter]
        [ValidateRange(1, WxccTaskQuery.MaximumPageSize)]
        public int PageSize { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            DateTimeOffset from = From.HasValue ? ToOffset(From.Value) : (To.HasValue ? ToOffset(To.Value) : DateTimeOffset.Now) - DefaultWindow;
            if (To.HasValue && ToOffset(To.Value) < from)
            {
                // WxCC answers an inverted window with no tasks, which reads as "nothing happened"; refuse it before any request.
                ThrowTerminatingError(new ArgumentException(string.Format(CultureInfo.CurrentCulture, ApiStrings.TaskWindowInverted, To.Value, from), nameof(To)),
                    ErrorIds.TaskWindowInverted, ErrorCategory.InvalidArgument, To.Value);
            }

            if (!From.HasValue)
            {
                WriteVerbose(string.Format(CultureInfo.CurrentCulture, ApiStrings.TaskWindowDefaulted, from));
            }

            var query = new WxccTaskQuery(from) { To = To.HasValue ? ToOffset(To.Value) : (DateTimeOffset?)null };
            query.PageSize = PageSize > 0 ? PageSize : (int?)null;
            foreach (string channel in ChannelType ?? Array.Empty<string>())
            {
                query.ChannelTypes.Add(channel);
            }

            WxccConnection connection = RequireConnection(query);

            try
            {
                WxccTaskPage page = RunApi((http, token) => new WxccClient(connection, http).GetTasksAsync(query, token), connection);
                while (true)
                {
                    foreach (WxccTask task in page.Tasks)
                    {
                        WriteObject(task);
                    }

                    Uri? next = page.Next;
                    if (next is null)
                    {
                        return;
                    }

                    page = RunApi((http, token) => new WxccClient(connection, http).GetTaskPageAsync(next, token), connection);
                }
            }
            catch (ApiException ex)
            {
                ThrowTerminatingError(ApiErrorRecords.Create(ex));
            }
        }

        // An unspecified DateTime (from a string like '2026-11-24') is local time, as Get-Date would read it.
        private static DateTimeOffset ToOffset(DateTime value) =>
            value.Kind == DateTimeKind.Utc ? new DateTimeOffset(value) : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Local));
    }
}
