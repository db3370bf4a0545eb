using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Reports
{
    /// <summary>Sizes an activity box and places its ports: from the export's widget where there is one, else on a fixed grid.</summary>
    internal static class NodeGeometry
    {
        internal const double DefaultWidth = 200;
        internal const double HeaderHeight = 70;
        internal const double PortSpacing = 22;
        internal const string InputPort = "in";

        /// <summary>The box and ports of an activity at <paramref name="x"/>,<paramref name="y"/>.</summary>
        internal static CanvasNode Build(FlowActivity activity, double x, double y, DiagramActivity? widget, IReadOnlyList<string> wiredPorts)
        {
            var ports = new List<CanvasPort>();
            var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            double right = x + DefaultWidth;
            double bottom = y + HeaderHeight;
            if (widget != null)
            {
                foreach (DiagramPort port in widget.Ports)
                {
                    if (port.Position is DiagramPoint p && named.Add(port.Name))
                    {
                        ports.Add(new CanvasPort(port.Name, port.Label, p.X, p.Y, port.IsInput));
                        if (!port.IsInput)
                        {
                            right = Math.Max(right, p.X + 8);
                        }

                        bottom = Math.Max(bottom, p.Y + 18);
                    }
                }

                double exportWidth = ports.Where(p => !p.IsInput).Select(p => p.X + 8 - x).DefaultIfEmpty(DefaultWidth).Max();
                right = x + Math.Max(120, Math.Min(420, exportWidth));
            }

            if (activity.Group != "event" && activity.Type != ActivityTypes.Event && !ports.Any(p => p.IsInput) && activity.Group != "start")
            {
                ports.Insert(0, new CanvasPort(InputPort, InputPort, x, y + 20, isInput: true));
                named.Add(InputPort);
            }

            // Ports the links use but the widget does not draw (or there is no widget) go below the drawn ones.
            foreach (string port in wiredPorts)
            {
                if (named.Add(port))
                {
                    double portY = Math.Max(bottom, y + HeaderHeight) + (!ports.Any(p => !p.IsInput) && widget == null ? 0 : 4);
                    ports.Add(new CanvasPort(port, port, right, portY, isInput: false));
                    bottom = portY + PortSpacing;
                }
            }

            double height = Math.Max(64, bottom - y + 6);
            return new CanvasNode(activity.Id, activity.Name, activity.Type, x, y, right - x, height, ports, widget != null);
        }

        /// <summary>Where a link leaves <paramref name="node"/> by <paramref name="port"/>.</summary>
        internal static DiagramPoint PortPoint(CanvasNode node, string port)
        {
            CanvasPort? found = node.Ports.FirstOrDefault(p => !p.IsInput && string.Equals(p.Name, port, StringComparison.OrdinalIgnoreCase));
            return found != null ? new DiagramPoint(found.X, found.Y) : new DiagramPoint(node.X + node.Width, node.Y + HeaderHeight / 2);
        }

        /// <summary>Where a link enters <paramref name="node"/>.</summary>
        internal static DiagramPoint EntryPoint(CanvasNode node)
        {
            CanvasPort? found = node.Ports.FirstOrDefault(p => p.IsInput);
            return found != null ? new DiagramPoint(found.X, found.Y) : new DiagramPoint(node.X, node.Y + 20);
        }
    }
}
