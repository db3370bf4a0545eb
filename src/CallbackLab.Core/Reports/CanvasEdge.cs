using System.Collections.Generic;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Reports
{
    /// <summary>A link as the report draws it: from a port of one activity to the entry of another, through at least two points.</summary>
    public sealed class CanvasEdge
    {
        /// <summary>Creates an edge.</summary>
        public CanvasEdge(string linkId, string sourceActivityId, string targetActivityId, string port, IReadOnlyList<DiagramPoint> points)
        {
            LinkId = linkId;
            SourceActivityId = sourceActivityId;
            TargetActivityId = targetActivityId;
            Port = port;
            Points = points;
        }

        /// <summary>The link id.</summary>
        public string LinkId { get; }

        /// <summary>The activity the link leaves.</summary>
        public string SourceActivityId { get; }

        /// <summary>The activity the link enters.</summary>
        public string TargetActivityId { get; }

        /// <summary>The port it leaves by.</summary>
        public string Port { get; }

        /// <summary>The drawn points: the first at the source port, the last at the target's entry; always two or more.</summary>
        public IReadOnlyList<DiagramPoint> Points { get; }
    }
}
