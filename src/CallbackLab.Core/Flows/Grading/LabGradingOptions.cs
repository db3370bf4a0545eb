using System;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Lab;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>How to grade: the attendee's DNIS and where the lab scenario's requests go.</summary>
    public sealed class LabGradingOptions
    {
        /// <summary>The attendee's dialled number for the lab scenario (the caller presses 3); the lab's example by default.</summary>
        public string Dnis { get; set; } = LabFlow.ExampleDnis;

        /// <summary>The MockAPI prefix the lookup goes to instead of <see cref="MockApiPrefix"/>; null keeps the flow's URL.</summary>
        public Uri? MockApiUri { get; set; }

        /// <summary>The MockAPI project the lab's lookup URL is written with (the static check wants it; the scenario swaps it).</summary>
        public string MockApiPrefix { get; set; } = LabFlow.MockApiPrefix;

        /// <summary>Where CallBackAPI_Request goes (the WxCC API, a tenant's or the emulator's).</summary>
        public IConnectorEndpoint? Connector { get; set; }

        /// <summary>False grades the export only, without the lab scenario run.</summary>
        public bool RunScenario { get; set; } = true;

        /// <summary>The scenario's wall-clock start; now when null.</summary>
        public DateTimeOffset? StartTime { get; set; }
    }
}
