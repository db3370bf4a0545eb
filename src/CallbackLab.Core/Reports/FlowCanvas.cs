using System.Collections.Generic;

namespace CallbackLab.Core.Reports
{
    /// <summary>One canvas of a report (the main flow, the event flows, a subflow): its activities and links, positioned.</summary>
    public sealed class FlowCanvas
    {
        /// <summary>Creates a canvas.</summary>
        public FlowCanvas(string key, string title, CanvasKind kind, string flowName, IReadOnlyList<CanvasNode> nodes, IReadOnlyList<CanvasEdge> edges)
        {
            Key = key;
            Title = title;
            Kind = kind;
            FlowName = flowName;
            Nodes = nodes;
            Edges = edges;
        }

        /// <summary>A key unique within the report (<c>main:Flow</c>, <c>events:Flow</c>…).</summary>
        public string Key { get; }

        /// <summary>The tab title.</summary>
        public string Title { get; }

        /// <summary>What the canvas stands for.</summary>
        public CanvasKind Kind { get; }

        /// <summary>The flow the canvas belongs to.</summary>
        public string FlowName { get; }

        /// <summary>Every activity of the canvas.</summary>
        public IReadOnlyList<CanvasNode> Nodes { get; }

        /// <summary>Every link of the canvas.</summary>
        public IReadOnlyList<CanvasEdge> Edges { get; }
    }
}
