using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Expressions;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.Activities;
using CallbackLab.Core.Flows.Subflows;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>
    /// Runs a flow offline the way Flow Designer's Debug view shows it: activity by activity on a virtual clock, with the
    /// caller's digits, event flows (OnGlobalError, PhoneContactEnded, AgentAnswered, CallbackFailed) and a step limit.
    /// Thread-safe: one instance can run many calls at once.
    /// </summary>
    public sealed class IvrSimulator
    {
        private const string MainFlow = "Main";

        private readonly IFlowHttpTransport? _transport;

        /// <summary>
        /// Creates a simulator that sends HTTP requests through <paramref name="transport"/>. By default only the MockAPI base and
        /// the connector are reached (through the shared HttpClient); every other request is unmatched and never sent
        /// (<see cref="StubRoutingTransport"/> with no stubs).
        /// </summary>
        public IvrSimulator(IFlowHttpTransport? transport = null)
        {
            _transport = transport;
        }

        /// <summary>Simulates one call to <paramref name="flow"/>.</summary>
        public async Task<IvrSimulationResult> RunAsync(WxccFlow flow, IvrSimulationOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (flow is null) throw new ArgumentNullException(nameof(flow));
            options ??= new IvrSimulationOptions();
            IFlowHttpTransport transport = _transport ?? StubRoutingTransport.ForSimulation(options, new Stubs.StubEngine());
            var run = new Run(flow, new SimulationContext(flow, options, transport, cancellationToken));
            await run.ExecuteAsync().ConfigureAwait(false);
            IvrSimulationResult result = run.ToResult();
            Reports.SimulatedFlows.Remember(result, flow, options.Subflows.Flows); // a report of the result draws these canvases
            return result;
        }

        /// <summary>One call's run: the trace and how each path ended.</summary>
        private sealed class Run : ISubflowRunner
        {
            /// <summary>
            /// How deep subflows may nest. Flow Designer does not nest subflows at all (toolkit notes); the cap keeps a subflow
            /// that hands off to itself from exhausting the stack before the step limit stops it.
            /// </summary>
            private const int MaxSubflowDepth = 64;

            private readonly WxccFlow _flow;
            private readonly SimulationContext _context;
            private readonly List<SimulationStep> _steps = new List<SimulationStep>();
            private List<SimulationEvent> _events => _context.Events;
            private readonly Dictionary<string, object?> _contactOutputs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            private readonly Stack<SimulationFrame> _frames = new Stack<SimulationFrame>();
            private SimulationError? _globalError;
            private SimulationError? _failure;
            private SimulationStep? _handoffStep;
            private SimulationOutcome _outcome = SimulationOutcome.Ended;

            internal Run(WxccFlow flow, SimulationContext context)
            {
                _flow = flow;
                _context = context;
                context.SubflowRunner = this;
            }

            internal async Task ExecuteAsync()
            {
                InitializeVariables();
                FlowActivity? start = _flow.StartActivity;
                if (start == null)
                {
                    _failure = new SimulationError(0, string.Empty, _flow.Name, string.Empty, SimulationErrorKind.BrokenLink,
                        "The flow has no start activity (NewPhoneContact, NewContact or NewSubFlowStart).");
                    _outcome = SimulationOutcome.Failed;
                    return;
                }

                _events.Add(new SimulationEvent(FlowEvents.NewPhoneContact, TimeSpan.Zero, handled: true));
                PathResult main = await RunPathAsync(start, new SimulationFrame(_flow, _context.Variables, MainFlow, FrameRole.Main, 0)).ConfigureAwait(false);
                switch (main)
                {
                    case PathResult.Disconnected:
                        _outcome = SimulationOutcome.Disconnected;
                        break;
                    case PathResult.CallerHungUp:
                        _outcome = SimulationOutcome.CallerHungUp;
                        break;
                    case PathResult.AgentAnswered:
                        _outcome = SimulationOutcome.AgentAnswered;
                        await RaiseAsync(FlowEvents.AgentAnswered).ConfigureAwait(false);
                        break;
                    case PathResult.Error:
                        _outcome = SimulationOutcome.GlobalError;
                        await RaiseAsync(FlowEvents.OnGlobalError).ConfigureAwait(false);
                        break;
                    case PathResult.Terminal:
                        _outcome = _context.TerminalOutcome ?? SimulationOutcome.Ended;
                        break;
                    case PathResult.Stopped:
                        return;
                    case PathResult.SubflowEnded:
                        _outcome = SimulationOutcome.SubflowEnded;
                        break;
                    default:
                        _outcome = SimulationOutcome.Ended;
                        break;
                }

                if (_failure != null)
                {
                    return;
                }

                if (main != PathResult.AgentAnswered)
                {
                    await RaiseAsync(FlowEvents.PhoneContactEnded).ConfigureAwait(false);
                }

                foreach (CallbackRequest callback in _context.Callbacks.ToArray())
                {
                    if (!callback.Placed && _failure == null)
                    {
                        await RaiseAsync(FlowEvents.CallbackFailed).ConfigureAwait(false);
                    }
                }
            }

            internal IvrSimulationResult ToResult()
            {
                IvrSimulationOptions options = _context.Options;
                FlowVariableStore variables = _context.Variables;
                var subflowOutputs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                IReadOnlyDictionary<string, object?> flowVariables = variables.Snapshot(flowVariables: true);
                foreach (FlowVariableDefinition output in _flow.SubflowOutputs)
                {
                    subflowOutputs[output.Name] = flowVariables.TryGetValue(output.Name, out object? value) ? value : null;
                }

                return new IvrSimulationResult(
                    _flow.Name, options.Ani, options.Dnis, options.Digits, _outcome, _steps,
                    flowVariables, variables.Snapshot(flowVariables: false),
                    _events, _globalError, _failure, _context.Callbacks, _context.CallbackTask, _context.Elapsed, subflowOutputs)
                {
                    AssumedWorld = _context.World.Assumed,
                    Destination = _context.TerminalDestination,
                };
            }

            private void InitializeVariables()
            {
                FlowVariableStore store = _context.Variables;
                IvrSimulationOptions options = _context.Options;
                foreach (FlowVariableDefinition variable in _flow.Variables)
                {
                    store.Declare(variable.Name, InitialValue(variable));
                    if (variable.Source == FlowVariableSource.Global && TryGet(options.GlobalVariables, variable.Name, out object? global))
                    {
                        store.Declare(variable.Name, Typed(global, variable.VariableType));
                    }
                }

                string interactionId = options.InteractionId ?? Guid.NewGuid().ToString();
                SetContactOutput("ANI", options.Ani);
                SetContactOutput("DNIS", options.Dnis);
                SetContactOutput("InteractionID", interactionId);
                // The call runs in the export's own organization and flow, as it would on the tenant it came from.
                SetContactOutput("OrgId", _flow.OrgId ?? string.Empty);
                SetContactOutput("FlowId", _flow.FlowId ?? string.Empty);
                foreach (KeyValuePair<string, object?> pair in options.Variables)
                {
                    if (_flow.FindVariable(pair.Key) is { } declared)
                    {
                        store.Declare(declared.Name, Typed(pair.Value, declared.VariableType));
                    }
                    else
                    {
                        store.Declare(pair.Key, pair.Value);
                    }
                }
            }

            private static bool TryGet(IDictionary<string, object?> values, string name, out object? value)
            {
                if (values.TryGetValue(name, out value))
                {
                    return true;
                }

                foreach (KeyValuePair<string, object?> pair in values)
                {
                    if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                    {
                        value = pair.Value;
                        return true;
                    }
                }

                return false;
            }

            private void SetContactOutput(string name, object? value)
            {
                foreach (string key in new[] { FlowEvents.NewPhoneContact + "." + name, ActivityTypes.NewContact + "." + name, name })
                {
                    _context.Variables.Initialize(key, value);
                    _contactOutputs[key] = value;
                }
            }

            /// <summary>A text value given for a typed variable (from a CSV, say) takes the variable's type when it converts.</summary>
            private static object? Typed(object? value, FlowVariableType type)
            {
                if (!(value is string text) || type == FlowVariableType.String)
                {
                    return value;
                }

                try
                {
                    return FlowValueConverter.Coerce(text, type);
                }
                catch (FlowValueConversionException)
                {
                    return value;
                }
            }

            private static object? InitialValue(FlowVariableDefinition variable)
            {
                string? text = variable.DefaultValue;
                switch (variable.VariableType)
                {
                    case FlowVariableType.Integer:
                        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) ? l : 0L;
                    case FlowVariableType.Boolean:
                        return bool.TryParse(text, out bool b) && b;
                    case FlowVariableType.Decimal:
                        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : 0d;
                    case FlowVariableType.Json when !string.IsNullOrWhiteSpace(text):
                        // A JSON default is JSON text in the export; {{ params.service_app.client_id }} navigates it.
                        try
                        {
                            return Newtonsoft.Json.Linq.JToken.Parse(text!);
                        }
                        catch (Newtonsoft.Json.JsonReaderException)
                        {
                            return text;
                        }

                    default:
                        return text ?? string.Empty;
                }
            }

            /// <summary>Raises an event: records it and runs its event flow when the trigger is wired.</summary>
            private async Task<PathResult> RaiseAsync(string eventName)
            {
                FlowActivity? trigger = _flow.EventFlows.FindTrigger(eventName);
                bool wired = trigger != null && _flow.OutgoingLinks(trigger.Id).Count > 0;
                _events.Add(new SimulationEvent(eventName, _context.Elapsed, wired));
                if (!wired)
                {
                    return PathResult.Ended;
                }

                PathResult result = await RunPathAsync(trigger!, new SimulationFrame(_flow, _context.Variables, eventName, FrameRole.EventFlow, 0)).ConfigureAwait(false);
                if (result == PathResult.Error)
                {
                    // An error inside an event flow has nowhere to go: the run fails, whatever the contact's outcome was.
                    _outcome = SimulationOutcome.Failed;
                }

                return result;
            }

            /// <summary>Runs activities from <paramref name="start"/> until the path ends.</summary>
            private async Task<PathResult> RunPathAsync(FlowActivity start, SimulationFrame frame)
            {
                _frames.Push(frame);
                try
                {
                    return await RunActivitiesAsync(start, frame).ConfigureAwait(false);
                }
                finally
                {
                    _frames.Pop();
                }
            }

            private async Task<PathResult> RunActivitiesAsync(FlowActivity start, SimulationFrame frame)
            {
                FlowActivity current = start;
                WxccFlow flow = frame.Flow;
                while (true)
                {
                    _context.CancellationToken.ThrowIfCancellationRequested();
                    if (_steps.Count >= _context.Options.MaxSteps)
                    {
                        Fail(current, SimulationErrorKind.StepLimit, string.Format(CultureInfo.InvariantCulture,
                            "The simulation stopped after {0} steps, before activity '{1}': the flow loops without end (raise the step limit if the loop is meant to run longer).",
                            _context.Options.MaxSteps, current.Name), SimulationOutcome.StepLimitExceeded);
                        return PathResult.Stopped;
                    }

                    IActivityHandler? handler = ActivityHandlers.Find(current.Type);
                    if (handler == null)
                    {
                        Record(frame, current, null, succeeded: false, "the simulator does not know this activity type", null);
                        Fail(current, SimulationErrorKind.UnknownActivity, "Activity '" + current.Name + "' has type '" + current.Type
                            + "', which the simulator cannot run; the simulation stopped there.", SimulationOutcome.Failed);
                        return PathResult.Stopped;
                    }

                    ActivityOutcome outcome;
                    _handoffStep = null;
                    _context.TakeEvaluated(); // what ran between activities (an event's payload, a subflow's return) is no step's
                    try
                    {
                        outcome = await handler.RunAsync(_context, current).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is OutOfMemoryException))
                    {
                        // A property of an unexpected shape (an object where text belongs, say) fails the activity, as a
                        // misconfigured activity does in Flow Designer, instead of ending the whole simulation.
                        outcome = ActivityOutcome.Error(SimulationErrorKind.Activity, "Activity '" + current.Name + "' (" + current.Type + ") could not run: " + ex.Message);
                    }

                    SimulationStep? entered = _handoffStep;
                    _handoffStep = null;
                    switch (outcome.End)
                    {
                        // A subflow already decided these for the whole contact; its steps are in the trace.
                        case PathEnd.CallerHungUp:
                            Complete(entered, outcome, frame, current);
                            return PathResult.CallerHungUp;
                        case PathEnd.AgentAnswered:
                            Complete(entered, outcome, frame, current);
                            return PathResult.AgentAnswered;
                        case PathEnd.Stopped:
                            Complete(entered, outcome, frame, current);
                            return PathResult.Stopped;
                    }

                    bool hungUp = frame.HoldsCaller && CallerHungUp();
                    if (hungUp)
                    {
                        // The caller left while this activity ran: the trace ends here, at the moment they hung up.
                        Complete(entered, ActivityOutcome.Ends(PathEnd.CallerHungUp, HangUpMessage(outcome.Message)), frame, current, !outcome.Failed, outcome.Http);
                        return PathResult.CallerHungUp;
                    }

                    bool agentArrived = frame.HoldsCaller && AgentArrived();
                    Complete(entered, outcome, frame, current);
                    switch (outcome.End)
                    {
                        case PathEnd.Disconnect:
                            return PathResult.Disconnected;
                        case PathEnd.EndFlow:
                            return PathResult.Ended;
                        case PathEnd.EndSubflow:
                            return PathResult.SubflowEnded;
                    }

                    if (outcome.End == PathEnd.Terminal)
                    {
                        return frame.HoldsCaller ? PathResult.Terminal : PathResult.Ended;
                    }

                    if (agentArrived && !outcome.Failed)
                    {
                        return PathResult.AgentAnswered;
                    }

                    FlowLink? link = flow.FindLink(current.Id, outcome.Port!);
                    if (outcome.Failed && link == null)
                    {
                        var error = new SimulationError(_steps.Count - 1, current.Id, current.Name, current.Type, outcome.ErrorKind!.Value, outcome.Message!);
                        switch (frame.Role)
                        {
                            case FrameRole.EventFlow:
                                // An error inside an event flow does not raise OnGlobalError again.
                                _failure = error;
                                break;
                            case FrameRole.Subflow:
                                frame.Error = error; // the Subflow activity takes it to its error port, else OnGlobalError
                                break;
                            default:
                                _globalError = error;
                                break;
                        }

                        return PathResult.Error;
                    }

                    if (link == null)
                    {
                        return PathResult.Ended;
                    }

                    FlowActivity? next = flow.FindActivity(link.TargetActivityId);
                    if (next == null)
                    {
                        Fail(current, SimulationErrorKind.BrokenLink, "The '" + link.Port + "' link of activity '" + current.Name + "' leads to activity id '"
                            + link.TargetActivityId + "', which the flow does not have.", SimulationOutcome.Failed);
                        return PathResult.Stopped;
                    }

                    current = next;
                }
            }

            /// <summary>Records the step of <paramref name="activity"/>, or completes the one a Subflow activity opened.</summary>
            private void Complete(SimulationStep? entered, ActivityOutcome outcome, SimulationFrame frame, FlowActivity activity, bool? succeeded = null, HttpExchange? http = null)
            {
                bool ok = succeeded ?? (!outcome.Failed && outcome.End != PathEnd.Stopped);
                string? port = outcome.End == PathEnd.None ? outcome.Port : null;
                if (entered != null)
                {
                    string? message = outcome.Message == null ? entered.Message : entered.Message + "; " + outcome.Message;
                    entered.Complete(port, ok, _context.Elapsed, _context.Variables.TakeModified(), message, _context.TakeEvaluated());
                    return;
                }

                Record(frame, activity, port, ok, outcome.Message, http ?? outcome.Http);
            }

            /// <inheritdoc />
            public async Task<ActivityOutcome> HandOffAsync(FlowActivity handoff)
            {
                SimulationFrame caller = _frames.Peek();
                SubflowReference reference = SubflowReference.Of(handoff);
                WxccFlow? subflow = _context.Options.Subflows.Find(reference);
                if (subflow == null)
                {
                    _handoffStep = Record(caller, handoff, null, succeeded: false, "no subflow in the library matches " + reference.Describe(), null);
                    Fail(handoff, SimulationErrorKind.SubflowNotFound, "Subflow activity '" + handoff.Name + "': "
                        + _context.Options.Subflows.NotFoundMessage(reference), SimulationOutcome.Failed);
                    return ActivityOutcome.Ends(PathEnd.Stopped);
                }

                FlowActivity? start = subflow.StartActivity;
                if (caller.Depth + 1 > MaxSubflowDepth)
                {
                    _handoffStep = Record(caller, handoff, null, succeeded: false, "subflows nest deeper than " + MaxSubflowDepth, null);
                    Fail(handoff, SimulationErrorKind.StepLimit, string.Format(CultureInfo.InvariantCulture,
                        "Subflow activity '{0}' would nest subflow '{1}' {2} levels deep; the simulation stopped (a subflow that hands off to itself never ends).",
                        handoff.Name, subflow.Name, caller.Depth + 1), SimulationOutcome.StepLimitExceeded);
                    return ActivityOutcome.Ends(PathEnd.Stopped);
                }

                var variables = new FlowVariableStore();
                foreach (KeyValuePair<string, object?> output in _contactOutputs)
                {
                    variables.Initialize(output.Key, output.Value); // call metadata is shared with the subflow
                }

                foreach (FlowVariableDefinition variable in subflow.Variables)
                {
                    variables.Declare(variable.Name, InitialValue(variable));
                }

                var mappedIn = new List<string>();
                foreach (SubflowMapping mapping in SubflowMapping.Read(handoff, "subflowInputVariables"))
                {
                    object? value;
                    try
                    {
                        value = mapping.ReadCaller(_context);
                    }
                    catch (FlowExpressionFailure failure)
                    {
                        // An input template that does not render fails the Subflow activity before the subflow starts.
                        return ActivityOutcome.Error(failure.Kind, "Subflow input '" + mapping.Target + "' from '" + mapping.Source + "': " + failure.Message);
                    }

                    FlowVariableDefinition? target = subflow.FindVariable(mapping.Target);
                    variables.Declare(target?.Name ?? mapping.Target, Convert(value, target?.VariableType ?? mapping.Type));
                    mappedIn.Add(mapping.Target);
                }

                _handoffStep = Record(caller, handoff, null, succeeded: true, "runs subflow '" + subflow.Name + "'"
                    + (mappedIn.Count == 0 ? string.Empty : " with " + string.Join(", ", mappedIn)), null);
                SimulationStep entered = _handoffStep;
                if (start == null)
                {
                    _handoffStep = entered;
                    Fail(handoff, SimulationErrorKind.BrokenLink, "Subflow '" + subflow.Name + "' has no start activity (NewSubFlowStart).", SimulationOutcome.Failed);
                    return ActivityOutcome.Ends(PathEnd.Stopped);
                }

                var frame = new SimulationFrame(subflow, variables, caller.Label + " > " + subflow.Name, FrameRole.Subflow, caller.Depth + 1, caller.HoldsCaller);
                PathResult result;
                using (_context.Enter(subflow, variables))
                {
                    result = await RunPathAsync(start, frame).ConfigureAwait(false);
                }

                _handoffStep = entered;
                switch (result)
                {
                    case PathResult.Disconnected:
                        return ActivityOutcome.Ends(PathEnd.Disconnect, "subflow '" + subflow.Name + "' disconnected the contact");
                    case PathResult.CallerHungUp:
                        return ActivityOutcome.Ends(PathEnd.CallerHungUp, "the caller hung up in subflow '" + subflow.Name + "'");
                    case PathResult.AgentAnswered:
                        return ActivityOutcome.Ends(PathEnd.AgentAnswered, "an agent answered the contact subflow '" + subflow.Name + "' queued");
                    case PathResult.Stopped:
                        return ActivityOutcome.Ends(PathEnd.Stopped, "subflow '" + subflow.Name + "' stopped the simulation");
                    case PathResult.Terminal:
                        return ActivityOutcome.Ends(PathEnd.Terminal, "subflow '" + subflow.Name + "' sent the call on");
                    case PathResult.Error:
                        SimulationError inner = frame.Error!;
                        return ActivityOutcome.Error(inner.Kind, "Subflow '" + subflow.Name + "' failed at '" + inner.ActivityName + "': " + inner.Message);
                }

                var mappedOut = new List<string>();
                foreach (SubflowMapping mapping in SubflowMapping.Read(handoff, "subflowOutputVariables"))
                {
                    variables.TryGetValue(mapping.Target, out object? value);
                    FlowVariableDefinition? declared = _flow.FindVariable(mapping.Source) ?? caller.Flow.FindVariable(mapping.Source);
                    _context.Variables.Set(declared?.Name ?? mapping.Source, Convert(value, declared?.VariableType ?? mapping.Type));
                    mappedOut.Add(mapping.Source);
                }

                return ActivityOutcome.Next(ActivityPorts.Default, "subflow '" + subflow.Name + "' returned"
                    + (mappedOut.Count == 0 ? string.Empty : "; set " + string.Join(", ", mappedOut)));
            }

            /// <summary>
            /// A value crossing between flows takes the receiving variable's type: text converts (and stays text when it does
            /// not), a STRING receives the value's text, other typed values stay as they are.
            /// </summary>
            private static object? Convert(object? value, FlowVariableType type)
            {
                object? plain = value is Newtonsoft.Json.Linq.JValue json ? json.Value : value;
                if (plain == null)
                {
                    return type == FlowVariableType.String ? string.Empty : null;
                }

                return type == FlowVariableType.String ? FlowValues.ToText(plain) : Typed(plain, type);
            }

            /// <summary>
            /// True when the virtual clock reached the caller's patience before an agent answered; the clock goes back to
            /// the moment the caller hung up. An agent answering at that same moment wins (AgentArrived takes it).
            /// </summary>
            private bool CallerHungUp()
            {
                if (!(_context.Options.CallerHangsUpAfter is { } patience) || _context.Elapsed < patience)
                {
                    return false;
                }

                if (_context.AgentAnswersAt is { } agentAt && agentAt <= patience)
                {
                    return false;
                }

                _context.RewindTo(patience < TimeSpan.Zero ? TimeSpan.Zero : patience);
                return true;
            }

            private string HangUpMessage(string? activityMessage)
            {
                string hangUp = "the caller hung up at " + _context.Elapsed.ToString("c", CultureInfo.InvariantCulture) + ", before an agent answered";
                return string.IsNullOrEmpty(activityMessage) ? hangUp : activityMessage + "; " + hangUp;
            }

            private bool AgentArrived()
            {
                if (_context.AgentAnswersAt is { } at && _context.Elapsed >= at)
                {
                    _context.RewindTo(at);
                    return true;
                }

                return false;
            }

            private SimulationStep Record(SimulationFrame frame, FlowActivity activity, string? port, bool succeeded, string? message, HttpExchange? http)
            {
                var step = new SimulationStep(_steps.Count, frame.Label, activity.Id, activity.Name, activity.Type, port, succeeded,
                    _context.Elapsed, _context.Variables.TakeModified(), http, message, _context.TakeEvaluated());
                _steps.Add(step);
                return step;
            }

            private void Fail(FlowActivity activity, SimulationErrorKind kind, string message, SimulationOutcome outcome)
            {
                _failure = new SimulationError(Math.Max(0, _steps.Count - 1), activity.Id, activity.Name, activity.Type, kind, message);
                _outcome = outcome;
            }
        }

        /// <summary>How a path of activities ended.</summary>
        private enum PathResult
        {
            Ended,
            Disconnected,
            AgentAnswered,
            CallerHungUp,
            Error,
            Stopped,
            SubflowEnded,
            Terminal,
        }
    }
}
