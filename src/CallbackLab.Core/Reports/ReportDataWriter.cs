using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
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
        internal const int MaxExpressionsPerStep = 20;
        internal const int MaxExpressionLength = 300;

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
                List(json, "missingFlows", report.MissingFlows, json.WriteValue);
                List(json, "canvases", report.Canvases, canvas => WriteCanvas(json, canvas, report.CanvasFlows.TryGetValue(canvas.Key, out string? flow) ? flow : null));
                List(json, "coverage", report.Coverage, flowCoverage => WriteCoverage(json, flowCoverage));
                List(json, "runs", report.Runs, run => WriteRun(json, run));
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

            List(json, "nodes", canvas.Nodes, node =>
            {
                json.WriteStartObject();
                Property(json, "id", node.ActivityId);
                Property(json, "name", node.Name);
                Property(json, "type", node.Type);
                Number(json, "x", node.X);
                Number(json, "y", node.Y);
                Number(json, "w", node.Width);
                Number(json, "h", node.Height);
                List(json, "ports", node.Ports, port => Row(json, port.Name, port.Label, port.X, port.Y, port.IsInput ? 1 : 0));
                json.WriteEndObject();
            });
            List(json, "edges", canvas.Edges, edge =>
            {
                json.WriteStartObject();
                Property(json, "id", edge.LinkId);
                Property(json, "s", edge.SourceActivityId);
                Property(json, "t", edge.TargetActivityId);
                Property(json, "port", edge.Port);
                List(json, "pts", edge.Points.SelectMany(p => new[] { p.X, p.Y }), value => Coordinate(json, value));
                json.WriteEndObject();
            });
            json.WriteEndObject();
        }

        private static void WriteCoverage(JsonTextWriter json, FlowCoverage coverage)
        {
            json.WriteStartObject();
            Property(json, "flow", coverage.FlowName);
            Count(json, "runs", coverage.Runs);
            Count(json, "activitiesCovered", coverage.ActivitiesCovered);
            Count(json, "activitiesTotal", coverage.ActivitiesTotal);
            Count(json, "portsCovered", coverage.PortsCovered);
            Count(json, "portsTotal", coverage.PortsTotal);
            List(json, "neverRun", coverage.Activities.Where(a => !a.Covered).Select(a => a.ActivityId), json.WriteValue);
            List(json, "neverTaken", coverage.Activities.SelectMany(a => a.PortsNeverTaken.Select(p => (a.ActivityId, Port: p))), never => Row(json, never.ActivityId, never.Port));
            List(json, "eventFlowsNeverRun", coverage.EventFlowsNeverRun, json.WriteValue);
            json.WriteEndObject();
        }

        private static void WriteRun(JsonTextWriter json, ReportRun run)
        {
            IvrSimulationResult result = run.Result;
            var redaction = new ReportRedaction(result);
            json.WriteStartObject();
            Property(json, "title", redaction.Text(run.Title));
            Property(json, "flow", result.FlowName);
            Property(json, "outcome", result.Outcome.ToString());
            json.WritePropertyName("durationMs");
            json.WriteValue((long)result.Duration.TotalMilliseconds);
            Property(json, "ani", redaction.Text(result.Ani));
            Property(json, "dnis", redaction.Text(result.Dnis));
            List(json, "digits", result.Digits, json.WriteValue);
            List(json, "events", result.Events, e => Row(json, e.Name, (long)e.At.TotalMilliseconds, e.Handled));
            WriteError(json, "globalError", result.GlobalError, redaction);
            WriteError(json, "failure", result.Failure, redaction);
            List(json, "callbacks", result.Callbacks, callback =>
            {
                json.WriteStartObject();
                Property(json, "activity", callback.ActivityName);
                Property(json, "number", redaction.Text(callback.Number));
                Property(json, "queue", callback.Queue);
                json.WritePropertyName("placed");
                json.WriteValue(callback.Placed);
                Property(json, "failure", redaction.Text(callback.FailureReason));
                json.WriteEndObject();
            });
            if (result.CallbackTask != null)
            {
                Property(json, "callbackTask", redaction.Text(result.CallbackTask.ToString()));
            }

            if (result.Destination != null)
            {
                Property(json, "destination", redaction.Text(result.Destination));
            }

            // What the simulation assumed about the world the flow asked about (business hours, queue state…).
            List(json, "world", result.AssumedWorld, (AssumedWorldEntry entry) => Row(json, entry.Setting, redaction.Text(entry.Value), entry.ActivityName, entry.Reason));
            // The tabs in the order shown: [key, canvas key, title].
            List(json, "tabs", run.Tabs, tab => Row(json, tab.Key, tab.CanvasKey, tab.Title));
            List(json, "steps", Enumerable.Range(0, result.Steps.Count), i => WriteStep(json, result.Steps[i], run.StepCanvases[i], run.StepTabs[i], redaction));
            json.WriteEndObject();
        }

        private static void WriteStep(JsonTextWriter json, SimulationStep step, string canvas, string tab, ReportRedaction redaction)
        {
            json.WriteStartObject();
            json.WritePropertyName("i");
            json.WriteValue(step.Index);
            Property(json, "c", canvas);
            if (tab != canvas)
            {
                Property(json, "t", tab); // a subflow run's tab (main:Sub#2); the canvas's own key otherwise
            }

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
                List(json, "vars", step.ModifiedVariables, variable => Row(json, variable.Key, Clip(redaction.Variable(variable.Key, variable.Value), MaxMessageLength)));
            }

            if (step.Expressions.Count > 0)
            {
                // What the simulator evaluated while the activity ran: [expression, value, 1 when it failed].
                List(json, "expr", step.Expressions.Take(MaxExpressionsPerStep), e => Row(json, Clip(redaction.Text(e.Expression), MaxExpressionLength),
                    Clip(e.Failed ? "error: " + redaction.Text(e.Error) : redaction.Evaluated(ReportRedaction.Display(e.Value)), MaxExpressionLength), e.Failed ? 1 : 0));
            }

            if (step.Http is HttpExchange http)
            {
                WriteHttp(json, http, redaction);
            }

            json.WriteEndObject();
        }

        private static void WriteHttp(JsonTextWriter json, HttpExchange http, ReportRedaction redaction)
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
                Count(json, "status", status);
            }

            if (http.ResponseBody != null)
            {
                Property(json, "response", Clip(redaction.Body(http.ResponseBody, contentType), MaxBodyLength));
            }

            List(json, "headers", http.ResponseHeaders, header => Row(json, header.Key, redaction.Header(header.Key, header.Value)));
            Count(json, "attempts", http.Attempts);
            if (http.Error != null)
            {
                Property(json, "error", redaction.Text(http.Error));
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
            Count(json, "step", error.StepIndex);
            Property(json, "id", error.ActivityId);
            Property(json, "name", error.ActivityName);
            Property(json, "kind", error.Kind.ToString());
            Property(json, "message", redaction.Text(error.Message));
            json.WriteEndObject();
        }

        /// <summary>A named array, one <paramref name="write"/> per item.</summary>
        private static void List<T>(JsonTextWriter json, string name, IEnumerable<T> items, Action<T> write)
        {
            json.WritePropertyName(name);
            json.WriteStartArray();
            foreach (T item in items)
            {
                write(item);
            }

            json.WriteEndArray();
        }

        /// <summary>A compact row (an array of values): the page reads its fields by position. Doubles are coordinates.</summary>
        private static void Row(JsonTextWriter json, params object?[] values)
        {
            json.WriteStartArray();
            foreach (object? value in values)
            {
                if (value is double coordinate)
                {
                    Coordinate(json, coordinate);
                }
                else
                {
                    json.WriteValue(value);
                }
            }

            json.WriteEndArray();
        }

        private static void Property(JsonTextWriter json, string name, string? value)
        {
            json.WritePropertyName(name);
            json.WriteValue(value);
        }

        private static void Count(JsonTextWriter json, string name, long value)
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
