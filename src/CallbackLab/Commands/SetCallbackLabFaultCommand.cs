using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Completion;
using CallbackLab.Core.Emulator;
using CallbackLab.Infrastructure;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Makes an emulator fail on purpose for a route: a status code (500, 503, 429 with Retry-After), latency or a dropped connection.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "CallbackLabFault", SupportsShouldProcess = true, DefaultParameterSetName = DefaultSet, HelpUri = HelpLinks.CmdletPages + "Set-CallbackLabFault.md")]
    [OutputType(typeof(FaultRule))] // with -PassThru only
    public sealed class SetCallbackLabFaultCommand : EmulatorTargetCmdlet
    {
        /// <summary>The path pattern (<c>*</c> any characters, <c>?</c> one), e.g. <c>/v1/tasks</c>.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [Alias("PathPattern")]
        [ArgumentCompleter(typeof(EmulatorRouteCompleter))]
        public string Path { get; set; } = "*";

        /// <summary>The HTTP method to fault, or <c>*</c> for any.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EmulatorRouteCompleter))]
        public string Method { get; set; } = "*";

        /// <summary>The status to answer (300-599: a redirect or an error), e.g. 500, 503 or 429.</summary>
        [Parameter(Position = 1)]
        [ValidateRange(300, 599)]
        public int? StatusCode { get; set; }

        /// <summary>The Retry-After header (seconds) sent with the status.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? RetryAfterSeconds { get; set; }

        /// <summary>The body sent with the status (sent as is; JSON is expected).</summary>
        [Parameter]
        [AllowEmptyString]
        public string? Body { get; set; }

        /// <summary>Fault only the next N matching requests; without it, every one.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Count { get; set; }

        /// <summary>The chance, 0 to 1, that a matching request is faulted.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double Probability { get; set; } = 1.0;

        /// <summary>Latency added before answering, in milliseconds.</summary>
        [Parameter]
        [ValidateRange(0, 600000)]
        public int LatencyMilliseconds { get; set; }

        /// <summary>Close the connection without an answer.</summary>
        [Parameter]
        public SwitchParameter DropConnection { get; set; }

        /// <summary>Write the installed rule.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            CallbackLabEmulator? target = ResolveTarget();
            if (target == null)
            {
                return;
            }

            var rule = new FaultRule
            {
                Method = Method,
                PathPattern = Path,
                StatusCode = StatusCode,
                RetryAfterSeconds = RetryAfterSeconds,
                Body = Body,
                Count = Count,
                Probability = Probability,
                Latency = TimeSpan.FromMilliseconds(LatencyMilliseconds),
                DropConnection = DropConnection.IsPresent,
            };

            try
            {
                rule.Validate();
            }
            catch (ArgumentException ex)
            {
                WriteError(
                    new ArgumentException(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.InvalidFaultRule, ex.Message), ex),
                    ErrorIds.InvalidFaultRule, ErrorCategory.InvalidArgument, rule);
                return;
            }

            if (!ShouldProcess(target.Uri.ToString(), string.Format(CultureInfo.CurrentCulture, EmulatorStrings.SetFaultAction, rule)))
            {
                return;
            }

            target.Emulator.SetFault(rule);
            if (PassThru.IsPresent)
            {
                WriteObject(rule);
                return;
            }

            // Like other Set- cmdlets it writes nothing by default; -Verbose confirms what was installed.
            WriteVerbose(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.FaultInstalled, target.Uri, rule));
        }
    }
}
