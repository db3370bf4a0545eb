using System;
using System.Collections.Generic;
using System.Threading;
using CallbackLab.Core.Expressions;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>The state of one simulated call: variables, the virtual clock, the caller's remaining inputs, the queue.</summary>
    internal sealed class SimulationContext
    {
        private int _nextDigit;

        internal SimulationContext(WxccFlow flow, IvrSimulationOptions options, IFlowHttpTransport transport, CancellationToken cancellationToken)
        {
            Flow = flow;
            Variables = new FlowVariableStore();
            Options = options;
            Transport = transport;
            CancellationToken = cancellationToken;
            StartTime = options.StartTime ?? DateTimeOffset.UtcNow;
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

        /// <summary>Virtual time since the call started.</summary>
        internal TimeSpan Elapsed { get; private set; }

        /// <summary>The virtual wall-clock time (what <c>now()</c> returns).</summary>
        internal DateTimeOffset Now => StartTime + Elapsed;

        /// <summary>When an agent answers the queued contact; null when not queued or no agent ever comes.</summary>
        internal TimeSpan? AgentAnswersAt { get; set; }

        internal List<CallbackRequest> Callbacks { get; } = new List<CallbackRequest>();

        internal SimulatedCallbackTask? CallbackTask { get; set; }

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

        /// <summary>Renders a template against the current variables at the current virtual time.</summary>
        internal string Render(string template) => FlowExpressions.Render(template, Variables, ExpressionOptions);

        /// <summary>Evaluates a single-expression template to its raw value.</summary>
        internal object? Evaluate(string template) => FlowExpressions.Evaluate(template, Variables, ExpressionOptions);
    }
}
