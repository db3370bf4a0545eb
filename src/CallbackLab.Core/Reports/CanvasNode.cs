using System.Collections.Generic;

namespace CallbackLab.Core.Reports
{
    /// <summary>An activity as the report draws it: its box on the canvas and its ports.</summary>
    public sealed class CanvasNode
    {
        /// <summary>Creates a node.</summary>
        public CanvasNode(string activityId, string name, string type, double x, double y, double width, double height,
            IReadOnlyList<CanvasPort> ports, bool placedByExport)
        {
            ActivityId = activityId;
            Name = name;
            Type = type;
            X = x;
            Y = y;
            Width = width;
            Height = height;
            Ports = ports;
            PlacedByExport = placedByExport;
        }

        /// <summary>The activity id.</summary>
        public string ActivityId { get; }

        /// <summary>The activity label.</summary>
        public string Name { get; }

        /// <summary>The activity type (<c>play-message</c>, <c>event</c>…).</summary>
        public string Type { get; }

        /// <summary>Left edge.</summary>
        public double X { get; }

        /// <summary>Top edge.</summary>
        public double Y { get; }

        /// <summary>Box width.</summary>
        public double Width { get; }

        /// <summary>Box height.</summary>
        public double Height { get; }

        /// <summary>The entry port and every output port (drawn or wired).</summary>
        public IReadOnlyList<CanvasPort> Ports { get; }

        /// <summary>True when the position is the export's (<c>diagram.widgets</c>); false when the report laid the activity out.</summary>
        public bool PlacedByExport { get; }
    }
}
