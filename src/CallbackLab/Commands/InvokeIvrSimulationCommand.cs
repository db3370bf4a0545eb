using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Completion;
using CallbackLab.Core.Http;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.MockApi;
using CallbackLab.Infrastructure;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Simulates a call to a Flow Designer flow offline (the lab flow by default) and returns the Debug-view trace.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "IvrSimulation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletPages + "Invoke-IvrSimulation.md")]
    [OutputType(typeof(IvrSimulationResult))]
    public sealed class InvokeIvrSimulationCommand : CallbackLabCmdlet
    {
        private static readonly char[] s_digitSeparators = { ',', ';', ' ' };

        private readonly IvrSimulator _simulator = new IvrSimulator();
        private readonly Queue<Task<IvrSimulationResult>> _pending = new Queue<Task<IvrSimulationResult>>();
        private SemaphoreSlim? _throttle;
        private bool _warnedNoMockApi;
        private int _received;
        private int _written;
        private bool _progressStarted;

        /// <summary>The flow: a WxccFlow or the path of an export; the lab flow when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [WxccFlowTransformation]
        public WxccFlowSource? Flow { get; set; }

        /// <summary>The caller's number (NewPhoneContact.ANI).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CallerId", "From")]
        [ValidateNotNullOrEmpty]
        public string Ani { get; set; } = "+14085550100";

        /// <summary>The dialled number (NewPhoneContact.DNIS); the lab's +14694096861 by default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("DialedNumber", "To")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DynVarsDnCompleter))]
        public string Dnis { get; set; } = LabFlow.ExampleDnis;

        /// <summary>The caller's inputs in order, one per menu or collect-digits activity; "1,2" is split at commas.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyCollection]
        [AllowEmptyString]
        [Alias("Dtmf")]
        [ValidateDtmfDigits]
        public string[] Digits { get; set; } = new string[0];

        /// <summary>Initial flow variable values (override the defaults).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Variables")]
        public Hashtable? Variable { get; set; }

        /// <summary>How long after queueing an agent answers; never when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNonNegativeTimeSpan]
        public TimeSpan? AgentAvailableAfter { get; set; }

        /// <summary>
        /// How long the caller waits (virtual time since the call started) before hanging up if no agent has answered;
        /// 10 minutes by default, $null: never.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Patience")]
        [ValidateNonNegativeTimeSpan]
        public TimeSpan? CallerHangsUpAfter { get; set; } = IvrSimulationOptions.DefaultCallerHangsUpAfter;

        /// <summary>The MockAPI prefix used instead of the flow's; the session default (the started emulator) when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Uri? MockApiUri { get; set; }

        /// <summary>The WxCC connection authenticated HTTP requests use; the session default (the started emulator) when omitted.</summary>
        [Parameter]
        public object? Connection { get; set; }

        /// <summary>How many callers run at once; results are still written in input order.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        /// <summary>The most activities one call may run before it stops as a runaway loop.</summary>
        [Parameter]
        [ValidateRange(1, 1000000)]
        public int MaxSteps { get; set; } = IvrSimulationOptions.DefaultMaxSteps;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            _received++;
            WxccFlow flow = LabFlow.Flow;
            if (Flow != null)
            {
                if (FlowFileLoader.TryLoad(SessionState, Flow, out ErrorRecord? error) is not { } loaded)
                {
                    WriteError(error!);
                    return;
                }

                flow = loaded;
            }

            IvrSimulationOptions options;
            try
            {
                options = BuildOptions();
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ex, "InvalidConnection", ErrorCategory.InvalidArgument, Connection);
                return;
            }

            WriteVerbose(string.Format(CultureInfo.CurrentCulture, FlowStrings.SimulatingVerbose, flow.Name, options.Ani, options.Dnis,
                string.Join(",", options.Digits), options.MockApiUri?.ToString() ?? "-", options.Connector?.BaseUri.ToString() ?? "-"));
            if (!RemoteSimulationConsent.Allows(this, flow, options))
            {
                return; // declined before dispatch: nothing is sent for this caller
            }

            if (ThrottleLimit <= 1)
            {
                Emit(RunSync(token => _simulator.RunAsync(flow, options, token)));
                return;
            }

            _throttle ??= new SemaphoreSlim(ThrottleLimit);
            SemaphoreSlim throttle = _throttle;
            CancellationToken token = StopToken;
            _pending.Enqueue(Task.Run(async () =>
            {
                await throttle.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    return await _simulator.RunAsync(flow, options, token).ConfigureAwait(false);
                }
                finally
                {
                    throttle.Release();
                }
            }));

            // Write finished results at the head of the queue; wait when too many are in flight so memory stays bounded.
            while (_pending.Count > 0 && (_pending.Peek().IsCompleted || _pending.Count > ThrottleLimit * 4))
            {
                Task<IvrSimulationResult> head = _pending.Dequeue();
                Emit(RunSync(_ => head));
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            while (_pending.Count > 0)
            {
                Task<IvrSimulationResult> head = _pending.Dequeue();
                Emit(RunSync(_ => head));
            }

            if (_progressStarted)
            {
                WriteProgress(new ProgressRecord(1, FlowStrings.SimulationProgress, string.Format(CultureInfo.CurrentCulture, FlowStrings.SimulationProgressStatus, _written))
                {
                    RecordType = ProgressRecordType.Completed,
                });
            }
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _throttle?.Dispose();
            }

            base.Dispose(disposing);
        }

        private IvrSimulationOptions BuildOptions()
        {
            var options = new IvrSimulationOptions
            {
                Ani = Ani,
                Dnis = Dnis,
                Digits = SplitDigits(Digits),
                AgentAvailableAfter = AgentAvailableAfter,
                CallerHangsUpAfter = CallerHangsUpAfter,
                MaxSteps = MaxSteps,
                MockApiUri = Session.ResolveSimulationMockApiUri(MockApiUri, Connection),
                Connector = Session.ResolveSimulationConnector(Connection),
            };
            if (Variable != null)
            {
                foreach (DictionaryEntry entry in Variable)
                {
                    object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                    options.Variables[entry.Key.ToString()!] = value is int i ? (long)i : value;
                }
            }

            if (Uri.Compare(options.MockApiUri, MockApiClient.LabUri, UriComponents.HttpRequestUrl, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
                && !_warnedNoMockApi)
            {
                _warnedNoMockApi = true;
                WriteWarning(FlowStrings.NoMockApiEndpoint);
            }

            return options;
        }

        internal static IReadOnlyList<string> SplitDigits(string[] digits)
        {
            var inputs = new List<string>();
            foreach (string entry in digits)
            {
                if (entry == null || entry.IndexOfAny(s_digitSeparators) < 0)
                {
                    inputs.Add(entry ?? string.Empty);
                    continue;
                }

                foreach (string part in entry.Split(s_digitSeparators, StringSplitOptions.RemoveEmptyEntries))
                {
                    inputs.Add(part);
                }
            }

            return inputs;
        }

        private void Emit(IvrSimulationResult result)
        {
            WriteTrace(result);
            WriteObject(result);
            _written++;
            // One caller shows no bar, whatever -ThrottleLimit says; a pipeline of callers shows it from its second input on.
            if (_received > 1)
            {
                _progressStarted = true;
                WriteProgress(new ProgressRecord(1, FlowStrings.SimulationProgress,
                    string.Format(CultureInfo.CurrentCulture, FlowStrings.SimulationProgressStatus, _written)));
            }

            if (result.Failure is { } failure)
            {
                string message = string.Format(CultureInfo.CurrentCulture, FlowStrings.SimulationFailed, result.FlowName, failure.Message);
                (string id, ErrorCategory category) = failure.Kind switch
                {
                    "UnknownActivity" => ("UnknownActivityType", ErrorCategory.NotImplemented),
                    "StepLimit" => ("StepLimitExceeded", ErrorCategory.LimitsExceeded),
                    "BrokenLink" => ("BrokenFlowLink", ErrorCategory.InvalidData),
                    _ => ("EventFlowFailed", ErrorCategory.InvalidResult),
                };
                WriteError(new InvalidOperationException(message), id, category, result);
            }
        }
    
        /// <summary>
        /// -Verbose shows the Debug-view trace as it is written: one line per step and one per HTTP exchange (method,
        /// URL with secret query values masked, status); -Debug adds the request and response bodies.
        /// The Authorization header is never part of the trace.
        /// </summary>
        private void WriteTrace(IvrSimulationResult result)
        {
            foreach (SimulationStep step in result.Steps)
            {
                WriteVerbose(string.Format(CultureInfo.CurrentCulture, FlowStrings.StepVerbose, step.Index, step.Flow, step.ActivityName,
                    step.ActivityType, step.Port ?? "(end)", string.IsNullOrEmpty(step.Message) ? string.Empty : ": " + step.Message));
                if (step.Http is { } http)
                {
                    string url = Uri.TryCreate(http.Url, UriKind.Absolute, out Uri? parsed) ? LogRedactor.RedactUri(parsed) : http.Url;
                    WriteVerbose(string.Format(CultureInfo.CurrentCulture, FlowStrings.StepHttpVerbose, step.Index, http.Method, url,
                        http.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no response"));
                    WriteDebug(string.Format(CultureInfo.CurrentCulture, FlowStrings.StepHttpDebug, step.Index,
                        http.RequestBody == null ? "(none)" : LogRedactor.RedactBody(http.RequestBody, "application/json"),
                        http.ResponseBody == null ? "(none)" : LogRedactor.RedactBody(http.ResponseBody, "application/json")));
                }
            }
        }
    }
}
