namespace CallbackLab.Core.Flows.Model
{
    /// <summary>A port drawn on an activity: <c>in</c> on the left, the output ports (<c>out</c>, <c>true</c>, <c>error</c>, a digit…) on the right.</summary>
    public sealed class DiagramPort
    {
        /// <summary>Creates a port.</summary>
        public DiagramPort(string id, string name, string label, DiagramPoint? position, bool isInput)
        {
            Id = id;
            Name = name;
            Label = label;
            Position = position;
            IsInput = isInput;
        }

        /// <summary>The export's port id (link widgets refer to it).</summary>
        public string Id { get; }

        /// <summary>The port name, which a link's <c>conditionExpr</c> matches (<c>in</c>, <c>out</c>, <c>3</c>, <c>timeout</c>).</summary>
        public string Name { get; }

        /// <summary>What the canvas shows next to the port.</summary>
        public string Label { get; }

        /// <summary>Where the export draws the port; null when it does not say.</summary>
        public DiagramPoint? Position { get; }

        /// <summary>True for the entry port (<c>in</c>, aligned left).</summary>
        public bool IsInput { get; }
    }
}
