using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Simulation.World;
using Newtonsoft.Json;

namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// Writes a <see cref="SimulationReport"/> as the compact JSON the HTML page draws from. Text is HTML-escaped inside the
    /// JSON (so it can sit in a script element), bodies are clipped, secrets masked (<see cref="ReportRedaction"/>).
    /// </summary>
    internal static class ReportDataWriter
    {
        internal const int MaxBodyLength = 2000;
        internal const int MaxMessageLength = 1000;

        internal static string Write(SimulationReport report, string title, bool coverage, DateTimeOffset generated)
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var json = new JsonTextWriter(text) { Formatting = Formatting.None, StringEscapeHandling = StringEscapeHandling.EscapeHtml })
            {
                json.WriteStartObject();
                Property(json, "title", title);
                Property(json, "generated", generated.ToString("u", CultureInfo.InvariantCulture));
                json.WritePropertyName("coverageMode");
                json.WriteValue(coverage);
                json.WritePropertyName("missingFlows");
                json.WriteStartArray();
                foreach (string name in report.MissingFlows)
                {
                    json.WriteValue(name);
                }

                json.WriteEndArray();
                json.WritePropertyName("canvases");
                json.WriteStartArray();
                foreach (FlowCanvas canvas in report.Canvases)
                {
                    WriteCanvas(json, canvas, report.CanvasFlows.TryGetValue(canvas.Key, out string? flow) ? flow : null);
                }

                json.WriteEndArray();
                json.WritePropertyName("coverage");
                json.WriteStartArray();
                foreach (FlowCoverage flowCoverage in report.Coverage)
                {
                    WriteCoverage(json, flowCoverage);
                }

                json.WriteEndArray();
                json.WritePropertyName("runs");
                json.WriteStartArray();
                foreach (ReportRun run in report.Runs)
                {
                    WriteRun(json, run, generated);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return text.ToString();
        }

        private static void WriteCanvas(JsonTextWriter json, FlowCanvas canvas, string? coverageFlow)
        {
            json.WriteStartObject();
            Property(json, "key", canvas.Key);
            Property(json, "title", canvas.Title);
            Property(json, "kind", canvas.Kind.ToString());
            Property(json, "flow", canvas.FlowName);
            if (coverageFlow != null)
            {
                Property(json, "coverageFlow", coverageFlow);
            }

            json.WritePropertyName("nodes");
            json.WriteStartArray();
            foreach (CanvasNode node in canvas.Nodes)
            {
                json.WriteStartObject();
                Property(json, "id", node.ActivityId);
                Property(json, "name", node.Name);
                Property(json, "type", node.Type);
                Number(json, "x", node.X);
                Number(json, "y", node.Y);
                Number(json, "w", node.Width);
                Number(json, "h", node.Height);
                json.WritePropertyName("ports");
                json.WriteStartArray();
                foreach (CanvasPort port in node.Ports)
                {
                    json.WriteStartArray();
                    json.WriteValue(port.Name);
                    json.WriteValue(port.Label);
                    Coordinate(json, port.X);
                    Coordinate(json, port.Y);
                    json.WriteValue(port.IsInput ? 1 : 0);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("edges");
            json.WriteStartArray();
            foreach (CanvasEdge edge in canvas.Edges)
            {
                json.WriteStartObject();
                Property(json, "id", edge.LinkId);
                Property(json, "s", edge.SourceActivityId);
                Property(json, "t", edge.TargetActivityId);
                Property(json, "port", edge.Port);
                json.WritePropertyName("pts");
                json.WriteStartArray();
                foreach (DiagramPoint point in edge.Points)
                {
                    Coordinate(json, point.X);
                    Coordinate(json, point.Y);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void WriteCoverage(JsonTextWriter json, FlowCoverage coverage)
        {
            json.WriteStartObject();
            Property(json, "flow", coverage.FlowName);
            json.WritePropertyName("runs");
            json.WriteValue(coverage.Runs);
            json.WritePropertyName("activitiesCovered");
            json.WriteValue(coverage.ActivitiesCovered);
            json.WritePropertyName("activitiesTotal");
            json.WriteValue(coverage.ActivitiesTotal);
            json.WritePropertyName("portsCovered");
            json.WriteValue(coverage.PortsCovered);
            json.WritePropertyName("portsTotal");
            json.WriteValue(coverage.PortsTotal);
            json.WritePropertyName("neverRun");
            json.WriteStartArray();
            foreach (ActivityCoverage activity in coverage.Activities.Where(a => !a.Covered))
            {
                json.WriteValue(activity.ActivityId);
            }

            json.WriteEndArray();
            json.WritePropertyName("neverTaken");
            json.WriteStartArray();
            foreach (ActivityCoverage activity in coverage.Activities)
            {
                foreach (string port in activity.PortsNeverTaken)
                {
                    json.WriteStartArray();
                    json.WriteValue(activity.ActivityId);
                    json.WriteValue(port);
                    json.WriteEndArray();
                }
            }

            json.WriteEndArray();
            json.WritePropertyName("eventFlowsNeverRun");
            json.WriteStartArray();
            foreach (string name in coverage.EventFlowsNeverRun)
            {
                json.WriteValue(name);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void WriteRun(JsonTextWriter json, ReportRun run, DateTimeOffset generated)
        {
            IvrSimulationResult result = run.Result;
            var redaction = new ReportRedaction(result);
            var expressions = new StepExpressions(run.Flow, result, generated);
            json.WriteStartObject();
            Property(json, "title", redaction.Text(run.Title));
            Property(json, "flow", result.FlowName);
            Property(json, "outcome", result.Outcome.ToString());
            json.WritePropertyName("durationMs");
            json.WriteValue((long)result.Duration.TotalMilliseconds);
            Property(json, "ani", redaction.Text(result.Ani));
            Property(json, "dnis", redaction.Text(result.Dnis));
            json.WritePropertyName("digits");
            json.WriteStartArray();
            foreach (string digit in result.Digits)
            {
                json.WriteValue(digit);
            }

            json.WriteEndArray();
            json.WritePropertyName("events");
            json.WriteStartArray();
            foreach (SimulationEvent e in result.Events)
            {
                json.WriteStartArray();
                json.WriteValue(e.Name);
                json.WriteValue((long)e.At.TotalMilliseconds);
                json.WriteValue(e.Handled);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            WriteError(json, "globalError", result.GlobalError, redaction);
            WriteError(json, "failure", result.Failure, redaction);
            json.WritePropertyName("callbacks");
            json.WriteStartArray();
            foreach (CallbackRequest callback in result.Callbacks)
            {
                json.WriteStartObject();
                Property(json, "activity", callback.ActivityName);
                Property(json, "number", redaction.Text(callback.Number));
                Property(json, "queue", callback.Queue);
                json.WritePropertyName("placed");
                json.WriteValue(callback.Placed);
                Property(json, "failure", redaction.Text(callback.FailureReason));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (result.CallbackTask != null)
            {
                Property(json, "callbackTask", redaction.Text(result.CallbackTask.ToString()));
            }

            if (result.Destination != null)
            {
                Property(json, "destination", redaction.Text(result.Destination));
            }

            // What the simulation assumed about the world the flow asked about (business hours, queue state…).
            json.WritePropertyName("world");
            json.WriteStartArray();
            foreach (AssumedWorldEntry entry in result.AssumedWorld)
            {
                json.WriteStartArray();
                json.WriteValue(entry.Setting);
                json.WriteValue(redaction.Text(entry.Value));
                json.WriteValue(entry.ActivityName);
                json.WriteValue(entry.Reason);
                json.WriteEndArray();
            }

            json.WriteEndArray();

            json.WritePropertyName("steps");
            json.WriteStartArray();
            for (int i = 0; i < result.Steps.Count; i++)
            {
                SimulationStep step = result.Steps[i];
                FlowActivity? activity = run.Flow != null && FlowCoverageCalculator.Belongs(run.Flow, step) ? run.Flow.FindActivity(step.ActivityId) : null;
                WriteStep(json, step, run.StepCanvases[i], redaction, expressions.Next(activity, step));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void WriteStep(JsonTextWriter json, SimulationStep step, string canvas, ReportRedaction redaction,
            IReadOnlyList<KeyValuePair<string, string>> evaluated)
        {
            json.WriteStartObject();
            json.WritePropertyName("i");
            json.WriteValue(step.Index);
            Property(json, "c", canvas);
            Property(json, "id", step.ActivityId);
            Property(json, "name", step.ActivityName);
            Property(json, "type", step.ActivityType);
            Property(json, "flow", step.Flow);
            Property(json, "port", step.Port);
            json.WritePropertyName("ok");
            json.WriteValue(step.Succeeded);
            json.WritePropertyName("at");
            json.WriteValue((long)step.At.TotalMilliseconds);
            if (!string.IsNullOrEmpty(step.Message))
            {
                Property(json, "msg", Clip(redaction.Text(step.Message), MaxMessageLength));
            }

            if (step.ModifiedVariables.Count > 0)
            {
                json.WritePropertyName("vars");
                json.WriteStartArray();
                foreach (KeyValuePair<string, object?> variable in step.ModifiedVariables)
                {
                    json.WriteStartArray();
                    json.WriteValue(variable.Key);
                    json.WriteValue(Clip(redaction.Variable(variable.Key, variable.Value), MaxMessageLength));
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            if (evaluated.Count > 0)
            {
                json.WritePropertyName("expr");
                json.WriteStartArray();
                foreach (KeyValuePair<string, string> pair in evaluated)
                {
                    json.WriteStartArray();
                    json.WriteValue(redaction.Text(pair.Key));
                    json.WriteValue(redaction.Text(pair.Value));
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            if (step.Http is HttpExchange http)
            {
                string? contentType = http.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
                json.WritePropertyName("http");
                json.WriteStartObject();
                Property(json, "method", http.Method);
                Property(json, "url", redaction.Url(http.Url));
                json.WritePropertyName("auth");
                json.WriteValue(http.Authenticated);
                if (http.RequestBody != null)
                {
                    Property(json, "request", Clip(redaction.Body(http.RequestBody, null), MaxBodyLength));
                }

                if (http.StatusCode is int status)
                {
                    json.WritePropertyName("status");
                    json.WriteValue(status);
                }

                if (http.ResponseBody != null)
                {
                    Property(json, "response", Clip(redaction.Body(http.ResponseBody, contentType), MaxBodyLength));
                }

                json.WritePropertyName("headers");
                json.WriteStartArray();
                foreach (KeyValuePair<string, string> header in http.ResponseHeaders)
                {
                    json.WriteStartArray();
                    json.WriteValue(header.Key);
                    json.WriteValue(redaction.Header(header.Key, header.Value));
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WritePropertyName("attempts");
                json.WriteValue(http.Attempts);
                if (http.Error != null)
                {
                    Property(json, "error", redaction.Text(http.Error));
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        private static void WriteError(JsonTextWriter json, string name, SimulationError? error, ReportRedaction redaction)
        {
            json.WritePropertyName(name);
            if (error == null)
            {
                json.WriteNull();
                return;
            }

            json.WriteStartObject();
            json.WritePropertyName("step");
            json.WriteValue(error.StepIndex);
            Property(json, "id", error.ActivityId);
            Property(json, "name", error.ActivityName);
            Property(json, "kind", error.Kind.ToString());
            Property(json, "message", redaction.Text(error.Message));
            json.WriteEndObject();
        }

        private static void Property(JsonTextWriter json, string name, string? value)
        {
            json.WritePropertyName(name);
            json.WriteValue(value);
        }

        private static void Number(JsonTextWriter json, string name, double value)
        {
            json.WritePropertyName(name);
            Coordinate(json, value);
        }

        /// <summary>A canvas coordinate to a tenth of a unit; whole numbers without ".0" (the page carries thousands).</summary>
        private static void Coordinate(JsonTextWriter json, double value)
        {
            double rounded = Math.Round(value, 1);
            if (rounded == Math.Floor(rounded) && Math.Abs(rounded) < 1e9)
            {
                json.WriteValue((long)rounded);
            }
            else
            {
                json.WriteValue(rounded);
            }
        }

        private static string Clip(string text, int max) => text.Length <= max ? text : text.Substring(0, max) + "… (" + (text.Length - max) + " more characters)";
    }
}
