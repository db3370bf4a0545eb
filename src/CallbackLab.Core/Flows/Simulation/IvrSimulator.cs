using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.Activities;

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
            return run.ToResult();
        }

        /// <summary>One call's run: the trace and how each path ended.</summary>
        private sealed class Run
        {
            private readonly WxccFlow _flow;
            private readonly SimulationContext _context;
            private readonly List<SimulationStep> _steps = new List<SimulationStep>();
            private readonly List<SimulationEvent> _events = new List<SimulationEvent>();
            private SimulationError? _globalError;
            private SimulationError? _failure;
            private SimulationOutcome _outcome = SimulationOutcome.Ended;

            internal Run(WxccFlow flow, SimulationContext context)
            {
                _flow = flow;
                _context = context;
            }

            internal async Task ExecuteAsync()
            {
                InitializeVariables();
                FlowActivity? start = _flow.StartActivity;
                if (start == null)
                {
                    _failure = new SimulationError(0, string.Empty, _flow.Name, string.Empty, "BrokenLink", "The flow has no start activity (NewPhoneContact).");
                    _outcome = SimulationOutcome.Failed;
                    return;
                }

                _events.Add(new SimulationEvent(FlowEvents.NewPhoneContact, TimeSpan.Zero, handled: true));
                PathResult main = await RunPathAsync(start, MainFlow).ConfigureAwait(false);
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
                    case PathResult.Stopped:
                        return;
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
                return new IvrSimulationResult(
                    _flow.Name, options.Ani, options.Dnis, options.Digits, _outcome, _steps,
                    _context.Variables.Snapshot(flowVariables: true), _context.Variables.Snapshot(flowVariables: false),
                    _events, _globalError, _failure, _context.Callbacks, _context.CallbackTask, _context.Elapsed);
            }

            private void InitializeVariables()
            {
                FlowVariableStore store = _context.Variables;
                foreach (FlowVariableDefinition variable in _flow.Variables)
                {
                    store.Declare(variable.Name, InitialValue(variable));
                }

                IvrSimulationOptions options = _context.Options;
                string interactionId = options.InteractionId ?? Guid.NewGuid().ToString();
                SetContactOutput("ANI", options.Ani);
                SetContactOutput("DNIS", options.Dnis);
                SetContactOutput("InteractionID", interactionId);
                foreach (KeyValuePair<string, object?> pair in options.Variables)
                {
                    if (_flow.FindVariable(pair.Key) is { } declared)
                    {
                        store.Declare(declared.Name, Typed(pair.Value, declared.Type));
                    }
                    else
                    {
                        store.Declare(pair.Key, pair.Value);
                    }
                }
            }

            private void SetContactOutput(string name, object? value)
            {
                _context.Variables.Initialize(FlowEvents.NewPhoneContact + "." + name, value);
                _context.Variables.Initialize(name, value);
            }

            /// <summary>A text value given for a typed variable (from a CSV, say) takes the variable's type when it converts.</summary>
            private static object? Typed(object? value, string type)
            {
                if (!(value is string text) || type == "STRING")
                {
                    return value;
                }

                try
                {
                    return FlowExpressions.Coerce(text, type);
                }
                catch (FlowExpressionFailure)
                {
                    return value;
                }
            }

            private static object? InitialValue(FlowVariableDefinition variable)
            {
                string? text = variable.DefaultValue;
                switch (variable.Type)
                {
                    case "INTEGER":
                        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) ? l : 0L;
                    case "BOOLEAN":
                        return bool.TryParse(text, out bool b) && b;
                    case "DECIMAL":
                        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : 0d;
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

                PathResult result = await RunPathAsync(trigger!, eventName).ConfigureAwait(false);
                if (result == PathResult.Error)
                {
                    // An error inside an event flow has nowhere to go: the run fails, whatever the contact's outcome was.
                    _outcome = SimulationOutcome.Failed;
                }

                return result;
            }

            /// <summary>Runs activities from <paramref name="start"/> until the path ends.</summary>
            private async Task<PathResult> RunPathAsync(FlowActivity start, string flowLabel)
            {
                FlowActivity current = start;
                while (true)
                {
                    _context.CancellationToken.ThrowIfCancellationRequested();
                    if (_steps.Count >= _context.Options.MaxSteps)
                    {
                        Fail(current, "StepLimit", string.Format(CultureInfo.InvariantCulture,
                            "The simulation stopped after {0} steps, before activity '{1}': the flow loops without end (raise the step limit if the loop is meant to run longer).",
                            _context.Options.MaxSteps, current.Name), SimulationOutcome.StepLimitExceeded);
                        return PathResult.Stopped;
                    }

                    IActivityHandler? handler = ActivityHandlers.Find(current.Type);
                    if (handler == null)
                    {
                        Record(flowLabel, current, null, succeeded: false, "the simulator does not know this activity type", null);
                        Fail(current, "UnknownActivity", "Activity '" + current.Name + "' has type '" + current.Type
                            + "', which the simulator cannot run; the simulation stopped there.", SimulationOutcome.Failed);
                        return PathResult.Stopped;
                    }

                    ActivityOutcome outcome;
                    try
                    {
                        outcome = await handler.RunAsync(_context, current).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is OutOfMemoryException))
                    {
                        // A property of an unexpected shape (an object where text belongs, say) fails the activity, as a
                        // misconfigured activity does in Flow Designer, instead of ending the whole simulation.
                        outcome = ActivityOutcome.Error("Activity", "Activity '" + current.Name + "' (" + current.Type + ") could not run: " + ex.Message);
                    }
                    // Only the main flow holds the caller; event flows run after the contact is answered or gone.
                    bool hungUp = flowLabel == MainFlow && CallerHungUp();
                    if (hungUp)
                    {
                        // The caller left while this activity ran: the trace ends here, at the moment they hung up.
                        Record(flowLabel, current, null, !outcome.Failed, HangUpMessage(outcome.Message), outcome.Http);
                        return PathResult.CallerHungUp;
                    }

                    bool agentArrived = flowLabel == MainFlow && AgentArrived();
                    Record(flowLabel, current, outcome.Port, !outcome.Failed, outcome.Message, outcome.Http);
                    if (outcome.End == PathEnd.Disconnect)
                    {
                        return PathResult.Disconnected;
                    }

                    if (outcome.End == PathEnd.EndFlow)
                    {
                        return PathResult.Ended;
                    }

                    if (agentArrived && !outcome.Failed)
                    {
                        return PathResult.AgentAnswered;
                    }

                    FlowLink? link = _flow.FindLink(current.Id, outcome.Port!);
                    if (outcome.Failed && link == null)
                    {
                        var error = new SimulationError(_steps.Count - 1, current.Id, current.Name, current.Type, outcome.ErrorKind!, outcome.Message!);
                        if (flowLabel != MainFlow)
                        {
                            // An error inside an event flow does not raise OnGlobalError again.
                            _failure = error;
                            return PathResult.Error;
                        }

                        _globalError = error;
                        return PathResult.Error;
                    }

                    if (link == null)
                    {
                        return PathResult.Ended;
                    }

                    FlowActivity? next = _flow.FindActivity(link.TargetActivityId);
                    if (next == null)
                    {
                        Fail(current, "BrokenLink", "The '" + link.Port + "' link of activity '" + current.Name + "' leads to activity id '"
                            + link.TargetActivityId + "', which the flow does not have.", SimulationOutcome.Failed);
                        return PathResult.Stopped;
                    }

                    current = next;
                }
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

            private void Record(string flowLabel, FlowActivity activity, string? port, bool succeeded, string? message, HttpExchange? http)
            {
                _steps.Add(new SimulationStep(_steps.Count, flowLabel, activity.Id, activity.Name, activity.Type, port, succeeded,
                    _context.Elapsed, _context.Variables.TakeModified(), http, message));
            }

            private void Fail(FlowActivity activity, string kind, string message, SimulationOutcome outcome)
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
        }
    }
}
