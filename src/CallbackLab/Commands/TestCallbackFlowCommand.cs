using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Completion;
using CallbackLab.Core.Flows.Grading;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;
using CallbackLab.Infrastructure;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Proves the callback-on-global-error path: OnGlobalError ran, CallBackAPI_Request answered 201 and HTTPStatusCode took True.</para>
    /// <para type="description">With -Flow it grades an attendee's flow: every Build step of the lab text, then the lab scenario run against it.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "CallbackFlow", DefaultParameterSetName = RunSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.CmdletPages + "Test-CallbackFlow.md")]
    [OutputType(typeof(CallbackFlowTestResult), typeof(LabGrade), typeof(bool))]
    public sealed class TestCallbackFlowCommand : CallbackLabCmdlet
    {
        private const string InputSet = "InputObject";
        private const string RunSet = "Run";
        private const string FlowSet = "Flow";

        private readonly IvrSimulator _simulator = new IvrSimulator();
        private readonly AttendeeDnisLookup _attendees = new AttendeeDnisLookup();

        /// <summary>A simulation result to check (from Invoke-IvrSimulation).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputSet)]
        [ValidateNotNull]
        public IvrSimulationResult? InputObject { get; set; }

        /// <summary>An attendee's flow to grade: the path of an export, a file, or a WxccFlow (Export-WxccFlow -PassThru).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = FlowSet)]
        [Alias("FullName", "Path")]
        [WxccFlowTransformation]
        public WxccFlowSource? Flow { get; set; }

        /// <summary>
        /// The dialled number: for the lab scenario run without input, or the attendee's when grading (by property name, e.g. a
        /// CSV column; empty or absent: the attendee's DynVars record).
        /// </summary>
        [Parameter(ParameterSetName = RunSet)]
        [Parameter(ParameterSetName = FlowSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(DynVarsDnCompleter))]
        public string? Dnis { get; set; } // no default: a pipeline input without one restores null, not a number (Run: the lab's)

        /// <summary>The MockAPI prefix for the lab scenario (and the attendees' DynVars records); the session default when omitted.</summary>
        [Parameter(ParameterSetName = RunSet)]
        [Parameter(ParameterSetName = FlowSet)]
        public Uri? MockApiUri { get; set; }

        /// <summary>The WxCC connection (or an emulator) for the lab scenario; the session default when omitted.</summary>
        [Parameter(ParameterSetName = RunSet)]
        [Parameter(ParameterSetName = FlowSet)]
        [ValidateNotNull]
        [WxccConnectionTransformation]
        public WxccConnection? Connection { get; set; }

        /// <summary>Grades the export alone, without the lab scenario run (needs no DNIS, sends nothing).</summary>
        [Parameter(ParameterSetName = FlowSet)]
        public SwitchParameter SkipScenario { get; set; }

        /// <summary>The label of the HTTP activity that creates the task.</summary>
        [Parameter(ParameterSetName = RunSet)]
        [Parameter(ParameterSetName = InputSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FlowActivityNameCompleter))]
        public string RequestActivity { get; set; } = CallbackFlowCheck.DefaultRequestActivity;

        /// <summary>The label of the condition that checks the status code.</summary>
        [Parameter(ParameterSetName = RunSet)]
        [Parameter(ParameterSetName = InputSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FlowActivityNameCompleter))]
        public string ConditionActivity { get; set; } = CallbackFlowCheck.DefaultConditionActivity;

        /// <summary>Returns only True or False.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == FlowSet)
            {
                Grade();
                return;
            }

            IvrSimulationResult simulation;
            if (ParameterSetName == InputSet)
            {
                simulation = InputObject!;
            }
            else
            {
                if (Dnis?.Length == 0)
                {
                    ThrowTerminatingError(NewErrorRecord(new PSArgumentException(FlowStrings.EmptyDnis), ErrorIds.InvalidDnis, ErrorCategory.InvalidArgument, Dnis));
                }

                var options = new IvrSimulationOptions
                {
                    Dnis = Dnis ?? LabFlow.ExampleDnis,
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

        /// <summary>Grades the flow of this input: the static check of every lab step, then the lab scenario with the attendee's DNIS.</summary>
        private void Grade()
        {
            if (FlowFileLoader.TryLoad(SessionState, Flow!, out ErrorRecord? error) is not { } flow)
            {
                WriteError(error!);
                return;
            }

            WxccConnection? connection = Session.Defaults.ConnectionFor(Connection);
            var options = new LabGradingOptions
            {
                MockApiUri = Session.Defaults.MockApiUriFor(MockApiUri, Connection),
                Connector = connection,
                RunScenario = !SkipScenario.IsPresent,
            };
            if (options.RunScenario)
            {
                string? dnis = GivenDnis() ?? AttendeeDnis(flow, options.MockApiUri);
                if (dnis == null)
                {
                    return; // the error is written; the next flow is graded
                }

                options.Dnis = dnis;
                var call = new IvrSimulationOptions { Dnis = dnis, Digits = LabScenario.Digits, Connector = connection };
                if (!RemoteSimulationConsent.Allows(this, flow, call))
                {
                    // Declined (or -WhatIf): the call would create a real callback task on the tenant; the export is still graded.
                    WriteVerbose(string.Format(CultureInfo.CurrentCulture, FlowStrings.GradeScenarioSkipped, flow.Name));
                    options.RunScenario = false;
                }
            }

            LabGrade grade = RunSync(token => LabGrader.GradeAsync(flow, options, token));
            WriteVerbose(grade.ToString());
            WriteObject(Quiet.IsPresent ? grade.Passed : grade);
        }

        /// <summary>The DNIS given for this input (a parameter or a pipeline property); null when none or empty.</summary>
        private string? GivenDnis() => string.IsNullOrWhiteSpace(Dnis) ? null : Dnis!.Trim();

        /// <summary>The DNIS of the flow's attendee from DynVars; null (and the error written) when there is none.</summary>
        private string? AttendeeDnis(WxccFlow flow, Uri? mockApiUri)
        {
            string? attendee = AttendeeFlowName.AttendeeId(flow.Name);
            if (attendee == null || mockApiUri == null)
            {
                WriteError(NewErrorRecord(
                    new ItemNotFoundException(string.Format(CultureInfo.CurrentCulture, FlowStrings.FlowNotAnAttendeeFlow, flow.Name)),
                    ErrorIds.AttendeeDnisNotFound, ErrorCategory.ObjectNotFound, flow, recommendedAction: FlowStrings.FlowNotAnAttendeeFlowAction));
                return null;
            }

            string? dnis;
            try
            {
                if (_attendees.MustRead(mockApiUri))
                {
                    WriteVerbose(string.Format(CultureInfo.CurrentCulture, FlowStrings.ReadingAttendeeRecords, mockApiUri));
                }

                dnis = _attendees.Find(mockApiUri, attendee, work => RunSync(work));
            }
            catch (ApiException ex)
            {
                WriteError(ApiErrorRecords.Create(ex, flow));
                return null;
            }

            if (dnis == null)
            {
                WriteError(NewErrorRecord(
                    new ItemNotFoundException(string.Format(CultureInfo.CurrentCulture, FlowStrings.AttendeeDnisNotFound, flow.Name, mockApiUri, attendee)),
                    ErrorIds.AttendeeDnisNotFound, ErrorCategory.ObjectNotFound, flow,
                    recommendedAction: string.Format(CultureInfo.CurrentCulture, FlowStrings.AttendeeDnisNotFoundAction, attendee)));
            }

            return dnis;
        }
    }
}
