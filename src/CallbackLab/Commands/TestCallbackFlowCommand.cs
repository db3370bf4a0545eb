using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Completion;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Wxcc;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Proves the callback-on-global-error path: OnGlobalError ran, CallBackAPI_Request answered 201 and HTTPStatusCode took True.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "CallbackFlow", DefaultParameterSetName = RunSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletPages + "Test-CallbackFlow.md")]
    [OutputType(typeof(CallbackFlowTestResult), typeof(bool))]
    public sealed class TestCallbackFlowCommand : CallbackLabCmdlet
    {
        private const string InputSet = "InputObject";
        private const string RunSet = "Run";

        private readonly IvrSimulator _simulator = new IvrSimulator();

        /// <summary>A simulation result to check (from Invoke-IvrSimulation).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputSet)]
        [ValidateNotNull]
        public IvrSimulationResult? InputObject { get; set; }

        /// <summary>The dialled number for the lab scenario run without input.</summary>
        [Parameter(ParameterSetName = RunSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DynVarsDnCompleter))]
        public string Dnis { get; set; } = LabFlow.ExampleDnis;

        /// <summary>The MockAPI prefix for the lab scenario run without input; the session default when omitted.</summary>
        [Parameter(ParameterSetName = RunSet)]
        public Uri? MockApiUri { get; set; }

        /// <summary>The WxCC connection (or an emulator) for the lab scenario run without input; the session default when omitted.</summary>
        [Parameter(ParameterSetName = RunSet)]
        [ValidateNotNull]
        [WxccConnectionTransformation]
        public WxccConnection? Connection { get; set; }

        /// <summary>The label of the HTTP activity that creates the task.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FlowActivityNameCompleter))]
        public string RequestActivity { get; set; } = CallbackFlowCheck.DefaultRequestActivity;

        /// <summary>The label of the condition that checks the status code.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FlowActivityNameCompleter))]
        public string ConditionActivity { get; set; } = CallbackFlowCheck.DefaultConditionActivity;

        /// <summary>Returns only True or False.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            IvrSimulationResult simulation;
            if (ParameterSetName == InputSet)
            {
                simulation = InputObject!;
            }
            else
            {
                var options = new IvrSimulationOptions
                {
                    Dnis = Dnis,
                    Digits = new[] { "3" },
                    MockApiUri = Session.Defaults.MockApiUriFor(MockApiUri, Connection),
                    Connector = Session.Defaults.ConnectionFor(Connection),
                };

                if (!RemoteSimulationConsent.Allows(this, LabFlow.Flow, options))
                {
                    return; // declined: the lab run would create a real callback task
                }

                simulation = RunSync(token => _simulator.RunAsync(LabFlow.Flow, options, token));
                if (options.Connector == null && ConnectorUse.HasUnsentConnectorRequest(LabFlow.Flow, simulation))
                {
                    WriteWarning(string.Format(CultureInfo.CurrentCulture, FlowStrings.ConnectorWithoutConnection, LabFlow.Flow.Name));
                }
            }

            CallbackFlowTestResult result = CallbackFlowCheck.Check(simulation, RequestActivity, ConditionActivity);
            WriteVerbose(result.Reason);
            if (Quiet.IsPresent)
            {
                WriteObject(result.Passed);
            }
            else
            {
                WriteObject(result);
            }
        }
    }
}
