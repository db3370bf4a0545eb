using System.Globalization;

namespace CallbackLab.Core.Flows.Model
{
    /// <summary>A point on a Flow Designer canvas, in the export's canvas units (pixels at 100 % zoom).</summary>
    public readonly struct DiagramPoint
    {
        /// <summary>Creates a point.</summary>
        public DiagramPoint(double x, double y)
        {
            X = x;
            Y = y;
        }

        /// <summary>Left to right.</summary>
        public double X { get; }

        /// <summary>Top to bottom.</summary>
        public double Y { get; }

        /// <inheritdoc />
        public override string ToString() => X.ToString("0.##", CultureInfo.InvariantCulture) + "," + Y.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
