using System;
using System.Collections.Generic;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Emulator.Runs
{
    /// <summary>
    /// One EXECUTE_FLOW task the emulator ran: which entry point, flow version and caller, and the simulated call as an
    /// <see cref="IvrSimulationResult"/>. After a restart the result is rebuilt by replaying the run's recorded HTTP answers
    /// through the same flow version, so it reads as it did.
    /// </summary>
    public sealed class EmulatorRun
    {
        private readonly Lazy<IvrSimulationResult?> _result;

        internal EmulatorRun(
            string id, string entryPointId, string entryPointName, string flowId, string flowName, string versionId, int version, string tag,
            string ani, string dnis, IReadOnlyList<string> digits, DateTimeOffset time, string outcome, string? error, Func<IvrSimulationResult?> result)
        {
            Id = id;
            EntryPointId = entryPointId;
            EntryPointName = entryPointName;
            FlowId = flowId;
            FlowName = flowName;
            VersionId = versionId;
            Version = version;
            Tag = tag;
            Ani = ani;
            Dnis = dnis;
            Digits = digits;
            Time = time;
            Outcome = outcome;
            Error = error;
            _result = new Lazy<IvrSimulationResult?>(result);
        }

        /// <summary>The run's id: the id of the task that started it (<c>data.id</c>), also the call's <c>NewPhoneContact.InteractionID</c>.</summary>
        public string Id { get; }

        /// <summary>The inbound entry point the task named.</summary>
        public string EntryPointId { get; }

        /// <summary>That entry point's name when the task ran.</summary>
        public string EntryPointName { get; }

        /// <summary>The flow the entry point ran.</summary>
        public string FlowId { get; }

        /// <summary>The flow's name.</summary>
        public string FlowName { get; }

        /// <summary>The published version that ran.</summary>
        public string VersionId { get; }

        /// <summary>That version's number.</summary>
        public int Version { get; }

        /// <summary>The tag the entry point runs (its <c>flowTagId</c>, else Latest) and the version carried.</summary>
        public string Tag { get; }

        /// <summary>The caller's number, <c>NewPhoneContact.ANI</c>: the task's <c>destination</c> (the customer).</summary>
        public string Ani { get; }

        /// <summary>The dialled number, <c>NewPhoneContact.DNIS</c>: the task's <c>origin</c> (the number the call comes in on).</summary>
        public string Dnis { get; }

        /// <summary>The caller's inputs (the task attribute <c>callbackLabDigits</c>), in order.</summary>
        public IReadOnlyList<string> Digits { get; }

        /// <summary>When the task was accepted: the call's start on the virtual clock.</summary>
        public DateTimeOffset Time { get; }

        /// <summary>How the call ended (<see cref="SimulationOutcome"/> as text), or <c>Error</c> when the run could not be simulated.</summary>
        public string Outcome { get; }

        /// <summary>Why the run could not be simulated; null when it was.</summary>
        public string? Error { get; }

        /// <summary>The simulated call; null when <see cref="Error"/> is set.</summary>
        public IvrSimulationResult? Result => _result.Value;

        /// <inheritdoc />
        public override string ToString() => Id + " " + FlowName + " v" + Version + " " + Outcome;
    }
}
