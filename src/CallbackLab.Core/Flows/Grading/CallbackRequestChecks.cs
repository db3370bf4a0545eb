using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.Activities;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>
    /// The first step 8: CallBackAPI_Request in the event flows, wired from OnGlobalError, authenticated through the
    /// WxCC_API connector, POST /v1/tasks with the lab's body. The body is rendered with each variable's own name as its
    /// value, so a field that reads the wrong variable shows which one it reads.
    /// </summary>
    internal static class CallbackRequestChecks
    {
        /// <summary>The body fields the task API needs as the lab sends them; <c>attributes</c> is free text and only noted.</summary>
        private static readonly string[] s_requiredFields =
        {
            "entryPointId", "destination", "outboundType", "mediaType", "callback.callbackOrigin", "callback.callbackType",
        };

        private static readonly Lazy<JObject> s_labBody = new Lazy<JObject>(() =>
            Body(LabFlow.Flow.FindActivityByName(LabNames.CallbackRequest)!.GetString("httpRequestBody")!, out _)!);

        internal static void Check(LabCheckContext context)
        {
            LabStep step = LabSteps.CallbackRequest;
            FlowActivity? request = context.CallbackRequest;
            if (!context.RequireHttpRequest(step, request, LabNames.CallbackRequest))
            {
                return;
            }

            context.NoteLabelCase(step, request, LabNames.CallbackRequest);
            string name = request.Name;
            if (!request.InEventFlow)
            {
                context.Fail(step, name, name + " is in the main flow; the lab adds it to the event flows, after " + FlowEvents.OnGlobalError + ".");
            }

            if (context.Trigger != null && !context.Leads(context.Trigger, request))
            {
                context.Fail(step, name, FlowEvents.OnGlobalError + " leads to " + context.Targets(context.Trigger) + ", not " + LabNames.CallbackRequest + ".");
            }

            CheckEndpoint(context, request);
            CheckBody(context, request);
        }

        private static void CheckEndpoint(LabCheckContext context, FlowActivity request)
        {
            LabStep step = LabSteps.CallbackRequest;
            string name = request.Name;
            if (!HttpRequestHandler.IsAuthenticated(request))
            {
                context.Fail(step, name, name + " does not use an authenticated endpoint; the lab turns it On with the connector " + LabNames.Connector + ".");
            }
            else if (string.IsNullOrEmpty(request.GetString("connectorId")))
            {
                context.Fail(step, name, name + " names no connector; the lab's connector is " + LabNames.Connector + ".");
            }
            else
            {
                string? connector = request.GetString("connectorId:name") ?? request.GetString("connectorId_name");
                if (!string.Equals(connector, LabNames.Connector, StringComparison.OrdinalIgnoreCase))
                {
                    context.Note(step, name, name + " uses the connector '" + (connector ?? request.GetString("connectorId")) + "'; the lab's is " + LabNames.Connector + ".");
                }
            }

            string template = request.GetString("httpRequestPath") ?? request.GetString("httpRequestUrl") ?? string.Empty;
            string? path = GradingExpressions.Render(template, out string? error);
            if (path == null || !string.Equals("/" + path.Trim().TrimStart('/').TrimEnd('/'), LabNames.TasksPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Fail(step, name, name + "'s request path is '" + template + "'" + (error == null ? string.Empty : " (" + error + ")") + "; the lab's is " + LabNames.TasksPath + ".");
            }

            string method = (request.GetString("httpRequestMethod") ?? "GET").Trim();
            if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
            {
                context.Fail(step, name, name + " sends " + method + "; the lab's method is POST.");
            }
        }

        private static void CheckBody(LabCheckContext context, FlowActivity request)
        {
            LabStep step = LabSteps.CallbackRequest;
            string name = request.Name;
            JObject? body = Body(request.GetString("httpRequestBody") ?? string.Empty, out string? error);
            if (body == null)
            {
                context.Fail(step, name, name + "'s body is not a JSON object (" + error + "); the lab's body is " + s_labBody.Value.ToString(Formatting.None) + ".");
                return;
            }

            var wrong = new List<string>();
            foreach (string field in s_requiredFields)
            {
                string expected = Text(s_labBody.Value.SelectToken(field))!;
                JToken? actual = body.SelectToken(field);
                if (actual == null)
                {
                    wrong.Add("it has no " + field + " (the lab sends '" + expected + "')");
                }
                else if (Text(actual) != expected)
                {
                    wrong.Add(field + " is '" + Text(actual) + "', the lab sends '" + expected + "'");
                }
            }

            if (wrong.Count > 0)
            {
                context.Fail(step, name, name + "'s body: " + string.Join("; ", wrong) + ".");
            }

            if (!JToken.DeepEquals(body["attributes"], s_labBody.Value["attributes"]))
            {
                context.Note(step, name, name + "'s attributes are " + (body["attributes"]?.ToString(Formatting.None) ?? "missing")
                    + "; the lab sends " + s_labBody.Value["attributes"]!.ToString(Formatting.None) + ".");
            }
        }

        /// <summary>The body rendered with every lab variable standing for itself (<c>{{customANI}}</c> renders as that text).</summary>
        private static JObject? Body(string template, out string? error)
        {
            KeyValuePair<string, object?>[] selves = LabNames.Variables.Select(v => GradingExpressions.Value(v, "{{" + v + "}}")).ToArray();
            string? rendered = GradingExpressions.Render(template, out error, selves);
            if (rendered == null)
            {
                return null;
            }

            try
            {
                return JToken.Parse(rendered) as JObject ?? throw new JsonReaderException("it is " + JToken.Parse(rendered).Type);
            }
            catch (JsonReaderException ex)
            {
                error = ex.Message;
                return null;
            }
        }

        private static string? Text(JToken? token) => token == null || token.Type == JTokenType.Null ? null : token.Type == JTokenType.String ? (string?)token : token.ToString(Formatting.None);
    }
}
