using System;
using System.Collections.Generic;
using System.Threading;
using CallbackLab.Core.Expressions;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>The state of one simulated call: variables, the virtual clock, the caller's remaining inputs, the queue.</summary>
    internal sealed class SimulationContext
    {
        /// <summary>The most expressions one step records.</summary>
        internal const int MaxEvaluatedPerStep = 64;

        private int _nextDigit;
        private List<EvaluatedExpression>? _evaluated;

        internal SimulationContext(WxccFlow flow, IvrSimulationOptions options, IFlowHttpTransport transport, CancellationToken cancellationToken)
        {
            Flow = flow;
            Variables = new FlowVariableStore(ExpectedNames(flow));
            Options = options;
            Transport = transport;
            CancellationToken = cancellationToken;
            World = new SimulationWorld(options.World ?? new IvrWorld(), options.VirtualAgentTurns);
            StartTime = options.StartTime ?? World.Settings.StartTime ?? AssumeStartNow();
            ExpressionOptions = new ExpressionOptions { Clock = () => Now };
        }

        /// <summary>Expression settings of this call: <c>now()</c> reads the virtual clock.</summary>
        internal ExpressionOptions ExpressionOptions { get; }

        /// <summary>The flow whose activity is running: the main flow, or the subflow a Subflow activity handed off to.</summary>
        internal WxccFlow Flow { get; private set; }

        internal IvrSimulationOptions Options { get; }

        internal IFlowHttpTransport Transport { get; }

        internal CancellationToken CancellationToken { get; }

        /// <summary>The variables the running activity sees: the main flow's, or the running subflow's own.</summary>
        internal FlowVariableStore Variables { get; private set; }

        /// <summary>Runs Subflow activities (the engine); null outside a run.</summary>
        internal ISubflowRunner? SubflowRunner { get; set; }

        /// <summary>
        /// Makes <paramref name="flow"/> and <paramref name="variables"/> the ones activities see until the returned scope is
        /// disposed (a subflow runs with its own variables; the caller's come back when it returns).
        /// </summary>
        internal FlowScope Enter(WxccFlow flow, FlowVariableStore variables)
        {
            var scope = new FlowScope(this, Flow, Variables);
            Flow = flow;
            Variables = variables;
            return scope;
        }

        /// <summary>Restores the flow and variables that were current before <see cref="Enter"/>.</summary>
        internal readonly struct FlowScope : IDisposable
        {
            private readonly SimulationContext _context;
            private readonly WxccFlow _flow;
            private readonly FlowVariableStore _variables;

            internal FlowScope(SimulationContext context, WxccFlow flow, FlowVariableStore variables)
            {
                _context = context;
                _flow = flow;
                _variables = variables;
            }

            public void Dispose()
            {
                _context.Flow = _flow;
                _context.Variables = _variables;
            }
        }

        internal DateTimeOffset StartTime { get; }

        /// <summary>The world this call runs in, with the defaults it assumed.</summary>
        internal SimulationWorld World { get; }

        /// <summary>How long after queueing an agent answers: the option, else the world's; null: never.</summary>
        internal TimeSpan? AgentAvailableAfter => Options.AgentAvailableAfter ?? World.Settings.AgentAvailableAfter;

        /// <summary>Events raised so far, in order (the simulator's and the activities' own, such as ScreenPop).</summary>
        internal List<SimulationEvent> Events { get; } = new List<SimulationEvent>();

        /// <summary>How a terminal activity (a transfer, a goto) ended the call; null when none did.</summary>
        internal SimulationOutcome? TerminalOutcome { get; set; }

        /// <summary>Where a terminal activity sent the call (transfer number, goto target).</summary>
        internal string? TerminalDestination { get; set; }

        /// <summary>Virtual time since the call started.</summary>
        internal TimeSpan Elapsed { get; private set; }

        /// <summary>The virtual wall-clock time (what <c>now()</c> returns).</summary>
        internal DateTimeOffset Now => StartTime + Elapsed;

        /// <summary>When an agent answers the queued contact; null when not queued or no agent ever comes.</summary>
        internal TimeSpan? AgentAnswersAt { get; set; }

        internal List<CallbackRequest> Callbacks { get; } = new List<CallbackRequest>();

        internal SimulatedCallbackTask? CallbackTask { get; set; }

        /// <summary>Records an event an activity raised (a screen pop, a media stream) with its rendered payload.</summary>
        internal void RaiseEvent(FlowActivity activity, string name, IReadOnlyDictionary<string, object?> payload) =>
            Events.Add(new SimulationEvent(name, Elapsed, handled: true, payload, activity.Id, activity.Name));

        /// <summary>
        /// About how many names a call to <paramref name="flow"/> stores (variables, the start's call metadata, a few outputs per
        /// activity), so the store is sized once instead of growing, and rehashing, through the run.
        /// </summary>
        private static int ExpectedNames(WxccFlow flow) => Math.Min(1024, flow.Variables.Count + 16 + (2 * flow.Activities.Count));

        private DateTimeOffset AssumeStartNow()
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            World.Assume(nameof(IvrWorld.StartTime), now.ToString("o", System.Globalization.CultureInfo.InvariantCulture), string.Empty,
                "no start time was given: the call starts now, so business hours and now() depend on when it runs");
            return now;
        }

        /// <summary>Moves the virtual clock forward.</summary>
        internal void Advance(TimeSpan duration)
        {
            if (duration > TimeSpan.Zero)
            {
                Elapsed += duration;
            }
        }

        /// <summary>Moves the clock back to <paramref name="at"/> when an event (an agent answering) cut an activity short.</summary>
        internal void RewindTo(TimeSpan at)
        {
            if (at < Elapsed)
            {
                Elapsed = at;
            }
        }

        /// <summary>Takes the caller's next input; false when none is left (the caller stays silent).</summary>
        internal bool TryTakeInput(out string input)
        {
            IReadOnlyList<string> digits = Options.Digits;
            if (_nextDigit < digits.Count)
            {
                input = digits[_nextDigit++] ?? string.Empty;
                return true;
            }

            input = string.Empty;
            return false;
        }

        /// <summary>Renders a template against the current variables at the current virtual time; the step records it.</summary>
        internal string Render(string template)
        {
            try
            {
                string text = FlowExpressions.Render(template, Variables, ExpressionOptions);
                if (HoldsExpression(template))
                {
                    Note(new EvaluatedExpression(template, text, rendered: true, error: null));
                }

                return text;
            }
            catch (FlowExpressionFailure failure)
            {
                Note(new EvaluatedExpression(template, null, rendered: true, failure.Message));
                throw;
            }
        }

        /// <summary>Evaluates a single-expression template to its raw value; the step records it.</summary>
        internal object? Evaluate(string template)
        {
            try
            {
                object? value = FlowExpressions.Evaluate(template, Variables, ExpressionOptions);
                Note(new EvaluatedExpression(template, value, rendered: false, error: null));
                return value;
            }
            catch (FlowExpressionFailure failure)
            {
                Note(new EvaluatedExpression(template, null, rendered: false, failure.Message));
                throw;
            }
        }

        /// <summary>The expressions evaluated since the last call, for the step being recorded; empty when none.</summary>
        internal IReadOnlyList<EvaluatedExpression> TakeEvaluated()
        {
            if (_evaluated == null)
            {
                return Array.Empty<EvaluatedExpression>();
            }

            IReadOnlyList<EvaluatedExpression> taken = _evaluated;
            _evaluated = null;
            return taken;
        }

        /// <summary>Plain text (a fixed URL, a literal prompt) renders to itself: nothing was evaluated, nothing to record.</summary>
        private static bool HoldsExpression(string template) =>
            template.IndexOf("{{", StringComparison.Ordinal) >= 0 || template.IndexOf("{%", StringComparison.Ordinal) >= 0;

        private void Note(EvaluatedExpression expression)
        {
            // Bounded: an activity looping over a large array must not grow one step without end.
            _evaluated ??= new List<EvaluatedExpression>();
            if (_evaluated.Count < MaxEvaluatedPerStep)
            {
                _evaluated.Add(expression);
            }
        }
    }
}
