using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>What an activity type offers a flow: its ports, its outputs, what it asks the world, whether it ends the call.</summary>
    public sealed class ActivityDescription
    {
        internal ActivityDescription(string type, string summary, IReadOnlyList<string> ports, ActivityPortSource portSource,
            IReadOnlyList<string> outputs, IReadOnlyList<string> world, bool endsPath)
        {
            Type = type;
            Summary = summary;
            Ports = ports;
            PortSource = portSource;
            Outputs = outputs;
            World = world;
            EndsPath = endsPath;
        }

        /// <summary>The <c>activityName</c>.</summary>
        public string Type { get; }

        /// <summary>What the simulator does with it, in a sentence.</summary>
        public string Summary { get; }

        /// <summary>The fixed ports (<c>conditionExpr</c> values) it can leave by; more come from <see cref="PortSource"/>.</summary>
        public IReadOnlyList<string> Ports { get; }

        /// <summary>Where ports named by the export come from (menu digits, case or allocation indexes).</summary>
        public ActivityPortSource PortSource { get; }

        /// <summary>The outputs it sets, written <c>&lt;Label&gt;.&lt;name&gt;</c>.</summary>
        public IReadOnlyList<string> Outputs { get; }

        /// <summary>The <see cref="World.IvrWorld"/> settings it reads.</summary>
        public IReadOnlyList<string> World { get; }

        /// <summary>True when the path (or the call) ends here: End, Disconnect, Blind Transfer, GoTo.</summary>
        public bool EndsPath { get; }

        /// <inheritdoc />
        public override string ToString() => Type;
    }
}
