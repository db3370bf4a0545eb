using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.JsonPath;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// HTTP Request (http-request-v2): renders URL, query parameters, headers and body; sends through the connector (authenticated)
    /// or to the URL (with the MockAPI prefix swapped for the session's); retries on no response or 5xx; sets
    /// <c>Label.httpStatusCode</c> (a number), <c>Label.httpResponseBody</c>, <c>Label.httpResponseHeaders</c>; parses JSON into
    /// output variables. Every completed status leaves by <c>default</c>; no response at all is an error (the global error).
    /// </summary>
    internal sealed class HttpRequestHandler : IActivityHandler
    {
        internal const int DefaultTimeoutMilliseconds = 2000;

        /// <summary>The virtual time one answered request takes.</summary>
        internal static readonly TimeSpan RoundTrip = TimeSpan.FromMilliseconds(100);

        public async Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            FlowHttpRequest request;
            bool authenticated = IsAuthenticated(activity);
            try
            {
                request = await BuildAsync(context, activity, authenticated).ConfigureAwait(false);
            }
            catch (FlowExpressionFailure invalid)
            {
                return ActivityOutcome.Error(invalid.Kind, invalid.Message);
            }
            catch (ConnectorUnavailableException missing)
            {
                return ActivityOutcome.Error(SimulationErrorKind.Http, missing.Message);
            }

            TimeSpan timeout = TimeSpan.FromMilliseconds(ReadInt(activity, "httpResponseTimeout", DefaultTimeoutMilliseconds));
            int attemptsAllowed = 1 + Math.Max(0, ReadInt(activity, "retryAttempts", 1));
            FlowHttpResponse? response = null;
            string? failure = null;
            int attempts = 0;
            while (attempts < attemptsAllowed)
            {
                attempts++;
                try
                {
                    response = await context.Transport.SendAsync(request, timeout, context.CancellationToken).ConfigureAwait(false);
                    failure = null;
                    context.Advance(response.VirtualDuration ?? RoundTrip); // a stub's delay is virtual time
                    if (response.StatusCode < 500)
                    {
                        break;
                    }
                }
                catch (FlowHttpTransportException ex)
                {
                    failure = ex.Message;
                    context.Advance(ex.TimedOut ? timeout : ex.VirtualDuration ?? RoundTrip);
                }
            }

            string url = request.Uri.ToString();
            if (response == null)
            {
                var failed = new HttpExchange(request.Method, url, authenticated, request.Body, null, null, null, attempts, failure);
                return ActivityOutcome.Error(SimulationErrorKind.Http, failure ?? "No response.", failed);
            }

            var exchange = new HttpExchange(request.Method, url, authenticated, request.Body, response.StatusCode, response.Body, response.Headers, attempts, null, response.Unmatched);
            FlowVariableStore variables = context.Variables;
            variables.Set(activity.Name + ".httpStatusCode", (long)response.StatusCode);
            variables.Set(activity.Name + ".httpResponseBody", response.Body);
            var headers = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, string> header in response.Headers)
            {
                headers[header.Key] = header.Value;
            }

            variables.Set(activity.Name + ".httpResponseHeaders", headers);
            string parseNote = ParseOutputs(context, activity, response.Body);
            RecordCallbackTask(context, activity, request, response, authenticated);
            return ActivityOutcome.Next(ActivityPorts.Default, request.Method + " " + response.StatusCode + parseNote, exchange);
        }

        internal static bool IsAuthenticated(FlowActivity activity)
        {
            JToken? flag = activity.Json["authenticated"];
            if (flag != null && flag.Type == JTokenType.Boolean)
            {
                return (bool)flag;
            }

            if (flag != null && flag.Type == JTokenType.String)
            {
                return string.Equals((string?)flag, "true", StringComparison.OrdinalIgnoreCase);
            }

            return !string.IsNullOrEmpty(activity.GetString("connectorId"));
        }

        private static async Task<FlowHttpRequest> BuildAsync(SimulationContext context, FlowActivity activity, bool authenticated)
        {
            string method = (activity.GetString("httpRequestMethod") ?? "GET").ToUpperInvariant();
            var headers = new List<KeyValuePair<string, string>>();
            string url;
            if (authenticated)
            {
                IConnectorEndpoint connector = context.Options.Connector
                    ?? throw new ConnectorUnavailableException("The activity uses the connector '" + (activity.GetString("connectorId:name") ?? activity.GetString("connectorId") ?? "?")
                        + "' but no WxCC connection is set.");
                string path = context.Render(activity.GetString("httpRequestPath") ?? activity.GetString("httpRequestUrl") ?? string.Empty);
                url = Uri.IsWellFormedUriString(path, UriKind.Absolute) ? path : connector.BaseUri.ToString().TrimEnd('/') + "/" + path.TrimStart('/');
                string token;
                try
                {
                    token = await connector.GetAccessTokenAsync(context.CancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    throw new ConnectorUnavailableException("The connector could not supply an access token: " + ex.Message);
                }

                headers.Add(new KeyValuePair<string, string>("Authorization", "Bearer " + token));
            }
            else
            {
                url = RewriteMockApi(context.Options, context.Render(activity.GetString("httpRequestUrl") ?? string.Empty));
            }

            url = AppendQuery(context, activity, url);
            if (activity.Json["httpRequestHeaders"] is JObject headerObject)
            {
                foreach (KeyValuePair<string, JToken?> header in headerObject)
                {
                    headers.Add(new KeyValuePair<string, string>(header.Key, context.Render(FlowValues.ToText(header.Value))));
                }
            }

            string? body = null;
            string? bodyTemplate = activity.GetString("httpRequestBody");
            if (method != "GET" && method != "HEAD" && !string.IsNullOrEmpty(bodyTemplate))
            {
                body = context.Render(bodyTemplate!);
            }
            else if (method != "GET" && method != "HEAD" && activity.Json["httpRequestBodyGQL"] is JObject graphQl)
            {
                body = GraphQlBody(context, graphQl);
            }

            // A URL written without a scheme (Cars_Export's "INSERTYOURMOCKAPI.io/YOURRESOURCE/") is read as https, as a
            // browser address bar reads it; anything else that is not absolute is an error.
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri)
                && !(url.IndexOf("://", StringComparison.Ordinal) < 0 && Uri.TryCreate("https://" + url.TrimStart('/'), UriKind.Absolute, out uri) && uri.Host.IndexOf('.') > 0))
            {
                throw new FlowExpressionFailure(Simulation.SimulationErrorKind.Http, "The request URL '" + url + "' is not an absolute URL.");
            }

            return new FlowHttpRequest(method, uri, headers, body, MediaType(activity.GetString("httpContentType")));
        }

        /// <summary>
        /// The body of a GraphQL request (<c>httpRequestBodyGQL</c>: <c>query</c> text, <c>variables</c> JSON text or object),
        /// rendered and sent as <c>{"query": …, "variables": {…}}</c>.
        /// </summary>
        private static string GraphQlBody(SimulationContext context, JObject graphQl)
        {
            var payload = new JObject { ["query"] = context.Render(FlowValues.ToText(graphQl["query"])) };
            JToken? variables = graphQl["variables"];
            if (variables != null && variables.Type != JTokenType.Null)
            {
                string rendered = context.Render(variables.Type == JTokenType.String ? (string)variables! : variables.ToString(Formatting.None));
                try
                {
                    payload["variables"] = string.IsNullOrWhiteSpace(rendered) ? new JObject() : JToken.Parse(rendered);
                }
                catch (JsonReaderException ex)
                {
                    throw new FlowExpressionFailure(Simulation.SimulationErrorKind.Http, "The GraphQL variables are not JSON: " + ex.Message);
                }
            }

            return payload.ToString(Formatting.None);
        }

        internal static string RewriteMockApi(IvrSimulationOptions options, string url)
        {
            if (options.MockApiUri == null || string.IsNullOrEmpty(options.MockApiPrefix)
                || !url.StartsWith(options.MockApiPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return url;
            }

            return options.MockApiUri.ToString().TrimEnd('/') + url.Substring(options.MockApiPrefix.TrimEnd('/').Length);
        }

        private static string AppendQuery(SimulationContext context, FlowActivity activity, string url)
        {
            if (!(activity.Json["httpQueryParameters"] is JObject query) || query.Count == 0)
            {
                return url;
            }

            var builder = new StringBuilder(url);
            bool hasQuery = url.IndexOf('?') >= 0;
            foreach (KeyValuePair<string, JToken?> parameter in query)
            {
                builder.Append(hasQuery ? '&' : '?');
                hasQuery = true;
                builder.Append(Uri.EscapeDataString(parameter.Key)).Append('=')
                    .Append(Uri.EscapeDataString(context.Render(FlowValues.ToText(parameter.Value))));
            }

            return builder.ToString();
        }

        private static string? MediaType(string? designerContentType)
        {
            if (NullableStrings.IsNullOrEmpty(designerContentType) || string.Equals(designerContentType, "None", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return string.Equals(designerContentType, "GraphQL", StringComparison.OrdinalIgnoreCase)
                ? "application/json"
                : designerContentType.ToLowerInvariant();
        }

        private static string ParseOutputs(SimulationContext context, FlowActivity activity, string body)
        {
            if (!(activity.Json["outputVariableArray"] is JArray outputs) || outputs.Count == 0)
            {
                return string.Empty;
            }

            JToken document;
            try
            {
                document = JToken.Parse(body);
            }
            catch (JsonReaderException)
            {
                return "; the response is not JSON, so no output variable was set";
            }

            // The same mapping as Parse, BRE and Function outputs: placeholder rows skipped, values typed as the variable.
            List<string> missed = ActivityIo.MapOutputs(context, document, outputs);
            return missed.Count == 0 ? string.Empty : "; no match for " + string.Join(", ", missed);
        }

        private static void RecordCallbackTask(SimulationContext context, FlowActivity activity, FlowHttpRequest request, FlowHttpResponse response, bool authenticated)
        {
            if (!authenticated || request.Method != "POST" || !request.Uri.AbsolutePath.TrimEnd('/').EndsWith("/v1/tasks", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            string? entryPoint = null, destination = null, taskId = null;
            try
            {
                if (JToken.Parse(request.Body ?? "null") is JObject sent)
                {
                    entryPoint = (string?)sent["entryPointId"];
                    destination = (string?)sent["destination"];
                }

                if (response.StatusCode == 201 && JToken.Parse(response.Body) is JObject answer)
                {
                    taskId = (string?)answer.SelectToken("data.id");
                }
            }
            catch (JsonReaderException)
            {
                // A body that is not JSON still gets recorded, without the fields.
            }

            context.CallbackTask = new SimulatedCallbackTask(activity.Name, request.Body ?? string.Empty, entryPoint, destination, response.StatusCode, taskId);
        }

        private static int ReadInt(FlowActivity activity, string property, int fallback) =>
            int.TryParse(activity.GetString(property), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;

        /// <summary>An authenticated activity has no connector configured, or the connector gave no token.</summary>
        private sealed class ConnectorUnavailableException : Exception
        {
            internal ConnectorUnavailableException(string message)
                : base(message)
            {
            }
        }
    }
}
