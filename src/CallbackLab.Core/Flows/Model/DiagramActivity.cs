using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Model
{
    /// <summary>An activity's widget on the canvas: where the admin put it and the ports it draws.</summary>
    public sealed class DiagramActivity
    {
        /// <summary>Creates a widget.</summary>
        public DiagramActivity(string activityId, DiagramPoint position, IReadOnlyList<DiagramPort> ports)
        {
            ActivityId = activityId;
            Position = position;
            Ports = ports;
        }

        /// <summary>The activity the widget draws (the key of <c>diagram.widgets</c>, the same as the activity id).</summary>
        public string ActivityId { get; }

        /// <summary>The widget's top-left corner (<c>point.x</c>, <c>point.y</c>).</summary>
        public DiagramPoint Position { get; }

        /// <summary>The widget's ports, in export order.</summary>
        public IReadOnlyList<DiagramPort> Ports { get; }
    }
}
