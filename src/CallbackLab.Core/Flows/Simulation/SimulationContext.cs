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
            Options = options;
            Transport = transport;
            CancellationToken = cancellationToken;
            StartTime = options.StartTime ?? DateTimeOffset.UtcNow;
            ExpressionOptions = new ExpressionOptions { Clock = () => Now };
        }

        /// <summary>Expression settings of this call: <c>now()</c> reads the virtual clock.</summary>
        internal ExpressionOptions ExpressionOptions { get; }

        internal WxccFlow Flow { get; }

        internal IvrSimulationOptions Options { get; }

        internal IFlowHttpTransport Transport { get; }

        internal CancellationToken CancellationToken { get; }

        internal FlowVariableStore Variables { get; } = new FlowVariableStore();

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
