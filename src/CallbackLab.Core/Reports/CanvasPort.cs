namespace CallbackLab.Core.Reports
{
    /// <summary>A port of a <see cref="CanvasNode"/>, where the canvas draws it.</summary>
    public sealed class CanvasPort
    {
        /// <summary>Creates a port.</summary>
        public CanvasPort(string name, string label, double x, double y, bool isInput)
        {
            Name = name;
            Label = label;
            X = x;
            Y = y;
            IsInput = isInput;
        }

        /// <summary>The port name a link's <c>conditionExpr</c> matches.</summary>
        public string Name { get; }

        /// <summary>The text drawn beside the port.</summary>
        public string Label { get; }

        /// <summary>Left to right, in canvas units.</summary>
        public double X { get; }

        /// <summary>Top to bottom, in canvas units.</summary>
        public double Y { get; }

        /// <summary>True for the entry port.</summary>
        public bool IsInput { get; }
    }
}
