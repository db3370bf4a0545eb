using System.Collections.Generic;

namespace CallbackLab.Core.Flows.Model
{
    /// <summary>A link's widget on the canvas: the bends the export draws it through, from the source port to the target port.</summary>
    public sealed class DiagramLink
    {
        /// <summary>Creates a link widget.</summary>
        public DiagramLink(string linkId, IReadOnlyList<DiagramPoint> points)
        {
            LinkId = linkId;
            Points = points;
        }

        /// <summary>The link it draws (the key of <c>diagram.widgets</c>, the same as the link id).</summary>
        public string LinkId { get; }

        /// <summary>The drawn points, source end first; empty when the export gives none.</summary>
        public IReadOnlyList<DiagramPoint> Points { get; }
    }
}
