using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Completion;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Simulation.World;
using CallbackLab.Core.Flows.Subflows;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;
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

        private OrderedParallelRunner<IvrSimulationResult>? _runner;
        private SubflowLibrary _subflows = SubflowLibrary.Empty;
        private bool _warnedNoMockApi;
        private readonly HashSet<string> _warnedNoConnection = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, WxccFlow> _flows = new Dictionary<string, WxccFlow>(StringComparer.Ordinal);
        private bool _ranWithoutConnection;
        private int _received;
        private int _written;
        private bool _progressStarted;
        private SimulationNetwork? _network;

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
        public string[] Digits { get; set; } = Array.Empty<string>();

        /// <summary>
        /// How each virtual-agent turn of this caller ends and what it returns, in order: "Escalated LastIntent=billing",
        /// "Billing:Handled; Error", hashtables (@{ End = 'Escalated'; LastIntent = 'billing' }) or VirtualAgentTurn objects.
        /// Wins over the world's VirtualAgentTurns; a turn neither scripts takes the default (Handled).
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyCollection]
        [Alias("VirtualAgentScript")]
        public object[]? VirtualAgent { get; set; }

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

        /// <summary>The WxCC connection (or an emulator) authenticated HTTP requests use; the session default when omitted.</summary>
        [Parameter]
        [ValidateNotNull]
        [WxccConnectionTransformation]
        public WxccConnection? Connection { get; set; }

        /// <summary>How many callers run at once; results are still written in input order.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        /// <summary>Subflow exports (files, or folders of *.json exports) that Subflow activities hand off to.</summary>
        [Parameter]
        [Alias("SubflowLibrary")]
        [ValidateNotNullOrEmpty]
        public string[]? SubflowPath { get; set; }

        /// <summary>Values of the flow's global variables (source GLOBAL); the rest keep their defaults.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("GlobalVariables")]
        public Hashtable? GlobalVariable { get; set; }

        /// <summary>What the flow asks that no caller key decides (New-IvrWorld); documented defaults when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public IvrWorld? World { get; set; }

        /// <summary>Seeds the run's random source (Percent Allocation, Generate OTP) so runs repeat; wins over the world's seed.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? Seed { get; set; }

        /// <summary>The wall-clock time the call starts (with its offset); wins over the world's start time.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>The most activities one call may run before it stops as a runaway loop.</summary>
        [Parameter]
        [ValidateRange(1, 1000000)]
        public int MaxSteps { get; set; } = IvrSimulationOptions.DefaultMaxSteps;

        /// <summary>Let HTTP requests that no stub answers really go out, to the -NetworkHost hosts only (asks ShouldProcess per caller).</summary>
        [Parameter]
        public SwitchParameter AllowNetwork { get; set; }

        /// <summary>The hosts -AllowNetwork may reach: webhook.site, a glob (*.mock.pstmn.io) or host:port.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("AllowedHost")]
        public string[]? NetworkHost { get; set; }

        /// <summary>With -AllowNetwork: save every real exchange as a stub file (secrets masked) that a later, offline run loads.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RecordStubs { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            try
            {
                _network = SimulationNetwork.Create(Session, Connection, AllowNetwork.IsPresent, NetworkHost, RecordStubs);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ex, ErrorIds.InvalidNetworkParameters, ErrorCategory.InvalidArgument, NetworkHost);
            }

            if (SubflowPath != null)
            {
                _subflows = LoadSubflows(SubflowPath);
            }
        }

        /// <summary>Reads the subflow library once; a missing or malformed export stops the command (every caller needs it).</summary>
        private SubflowLibrary LoadSubflows(string[] paths)
        {
            if (SubflowLibraryLoader.TryLoad(SessionState, paths, out ErrorRecord? error) is not { } library)
            {
                ThrowTerminatingError(error!);
                return SubflowLibrary.Empty;
            }

            WriteVerbose(string.Format(CultureInfo.CurrentCulture, FlowStrings.SubflowLibraryVerbose, library.Flows.Count,
                string.Join(", ", System.Linq.Enumerable.Select(library.Flows, f => f.Name))));
            return library;
        }

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

            List<VirtualAgentTurn>? turns;
            try
            {
                turns = VirtualAgentScript.Read(VirtualAgent);
            }
            catch (ArgumentException ex)
            {
                // This caller's script does not read: say so and go on with the next caller.
                WriteError(new ArgumentException(string.Format(CultureInfo.CurrentCulture, FlowStrings.InvalidVirtualAgentScript, ex.Message), nameof(VirtualAgent), ex),
                    ErrorIds.InvalidVirtualAgentScript, ErrorCategory.InvalidArgument, VirtualAgent);
                return;
            }

            IvrSimulationOptions options = BuildOptions();
            options.VirtualAgentTurns = turns;

            WriteVerbose(string.Format(CultureInfo.CurrentCulture, FlowStrings.SimulatingVerbose, flow.Name, options.Ani, options.Dnis,
                string.Join(",", options.Digits), options.MockApiUri?.ToString() ?? "-", options.Connector?.BaseUri.ToString() ?? "-"));
            if (!RemoteSimulationConsent.Allows(this, flow, options) || !_network!.Allows(this, flow, options))
            {
                return; // declined before dispatch: nothing is sent for this caller
            }

            _flows[flow.Name] = flow;
            _ranWithoutConnection |= options.Connector == null;
            IvrSimulator simulator = _network.SimulatorFor(options);

            if (ThrottleLimit <= 1)
            {
                Emit(RunSync(token => simulator.RunAsync(flow, options, token)));
                return;
            }

            _runner ??= new OrderedParallelRunner<IvrSimulationResult>(ThrottleLimit);
            _runner.Submit(token => simulator.RunAsync(flow, options, token), StopToken);

            // Write finished results in input order; the runner makes us wait when too many are in flight.
            while (_runner.TryTakeNext(out Task<IvrSimulationResult> head))
            {
                Emit(RunSync(_ => head));
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            while (_runner != null && _runner.TryTakeAny(out Task<IvrSimulationResult> head))
            {
                Emit(RunSync(_ => head));
            }

            _network?.SaveRecording(this);
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
                _runner?.Dispose();
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
                MockApiUri = Session.Defaults.MockApiUriFor(MockApiUri, Connection),
                Connector = Session.Defaults.ConnectionFor(Connection),
                Subflows = _subflows,
                StartTime = StartTime,
                Variables = FlowVariablesOf(Variable),
                GlobalVariables = FlowVariablesOf(GlobalVariable),
            };
            if (World != null || Seed != null)
            {
                // A copy per caller: -Seed must not change the world object the user passed (or the next caller's).
                IvrWorld world = World == null ? new IvrWorld() : IvrWorldCopy.Of(World);
                world.Seed = Seed ?? world.Seed;
                options.World = world;
            }

            if (Session.Defaults.IsPublicMockApi(options.MockApiUri) && !_warnedNoMockApi)
            {
                _warnedNoMockApi = true;
                WriteWarning(FlowStrings.NoMockApiEndpoint);
            }

            return options;
        }

        /// <summary>
        /// Once per flow: a connector request of this run was not sent because there is no connection (Core's step message
        /// says only that); true when the run hit it, so its error can carry the same advice.
        /// </summary>
        private bool WarnIfConnectorHadNoConnection(IvrSimulationResult result)
        {
            if (!_ranWithoutConnection || !_flows.TryGetValue(result.FlowName, out WxccFlow? flow) || !ConnectorUse.HasUnsentConnectorRequest(flow, result))
            {
                return false;
            }

            if (_warnedNoConnection.Add(flow.Name))
            {
                WriteWarning(string.Format(CultureInfo.CurrentCulture, FlowStrings.ConnectorWithoutConnection, flow.Name));
            }

            return true;
        }

        private static Dictionary<string, object?> FlowVariablesOf(Hashtable? values) =>
            PowerShellFlowVariables.ToVariables(values) ?? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

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
            _network!.WarnUnmatched(this, result);
            bool missedConnection = WarnIfConnectorHadNoConnection(result);
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
                    SimulationErrorKind.UnknownActivity => (ErrorIds.UnknownActivityType, ErrorCategory.NotImplemented),
                    SimulationErrorKind.StepLimit => (ErrorIds.StepLimitExceeded, ErrorCategory.LimitsExceeded),
                    SimulationErrorKind.BrokenLink => (ErrorIds.BrokenFlowLink, ErrorCategory.InvalidData),
                    SimulationErrorKind.SubflowNotFound => (ErrorIds.SubflowNotFound, ErrorCategory.ObjectNotFound),
                    _ => (ErrorIds.EventFlowFailed, ErrorCategory.InvalidResult),
                };
                string? advice = failure.Kind switch
                {
                    SimulationErrorKind.SubflowNotFound => FlowStrings.SubflowNotFoundAction,
                    SimulationErrorKind.Http when missedConnection => ApiStrings.WxccNotConnectedAction,
                    _ => null,
                };
                WriteError(NewErrorRecord(new InvalidOperationException(message), id, category, result, advice == null ? null : message, advice));
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
