using System;
using System.Collections.Generic;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Tests.Flows.Activities
{
    /// <summary>
    /// One scripted call through a hand-made flow in tests/TestData/Flows/Activities: the activity under test, the port it
    /// must leave by, how the call ends, the outputs it must set, and anything else to check.
    /// </summary>
    public sealed class ActivityCase
    {
        internal ActivityCase(string name, string file, string activity, string? port)
        {
            Name = name;
            File = file;
            Activity = activity;
            Port = port;
        }

        public string Name { get; }

        /// <summary>The flow file (without .json).</summary>
        internal string File { get; }

        /// <summary>The label of the activity under test.</summary>
        internal string Activity { get; }

        /// <summary>The port it leaves by; null when it ends the call (a transfer, a goto).</summary>
        internal string? Port { get; }

        /// <summary>The last activity of the run; by default <c>On_&lt;port&gt;</c>, the disconnect each port leads to.</summary>
        internal string? Last { get; set; }

        internal SimulationOutcome Outcome { get; set; } = SimulationOutcome.Disconnected;

        internal Dictionary<string, object?> Variables { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        internal List<string> Digits { get; } = new List<string>();

        internal Action<IvrSimulationOptions>? Arrange { get; set; }

        internal Func<IFlowHttpTransport>? Transport { get; set; }

        /// <summary>Outputs (<c>Label.name</c>) and flow variables the run must end with.</summary>
        internal Dictionary<string, object?> Expect { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        internal Action<IvrSimulationResult>? Check { get; set; }

        internal ActivityCase With(string variable, object? value)
        {
            Variables[variable] = value;
            return this;
        }

        internal ActivityCase Expecting(string name, object? value)
        {
            Expect[name] = value;
            return this;
        }

        public override string ToString() => Name;
    }
}
