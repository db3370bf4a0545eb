using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// Masks secrets in what a report shows of one call, with the journal's rules (<see cref="LogRedactor"/>): secret query
    /// parameters, headers and JSON token fields. A secret found once (a token in a response, a variable named like one)
    /// is also scrubbed wherever else it turns up in that call: in variables, messages, URLs and evaluated expressions.
    /// </summary>
    internal sealed class ReportRedaction
    {
        private static readonly string[] s_credentialSchemes = { "Bearer ", "Basic ", "Token ", "Digest " };
        private readonly List<string> _secrets = new List<string>();

        internal ReportRedaction(IvrSimulationResult result)
        {
            foreach (SimulationStep step in result.Steps)
            {
                foreach (KeyValuePair<string, object?> variable in step.ModifiedVariables)
                {
                    if (IsSecretVariable(variable.Key) && variable.Value is string text)
                    {
                        AddSecret(text);
                    }
                }

                if (step.Http != null)
                {
                    CollectJsonSecrets(step.Http.RequestBody);
                    CollectJsonSecrets(step.Http.ResponseBody);
                }
            }

            foreach (KeyValuePair<string, object?> variable in result.Variables.Concat(result.Outputs))
            {
                if (IsSecretVariable(variable.Key) && variable.Value is string text)
                {
                    AddSecret(text);
                }
            }

            // Longest first, so a secret that contains another is masked whole.
            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }

        /// <summary>True for a variable or output whose name says it holds a secret (<c>access_token</c>, <c>Refresh.token</c>…).</summary>
        internal static bool IsSecretVariable(string name)
        {
            string last = name.Substring(name.LastIndexOf('.') + 1);
            return LogRedactor.IsSecretName(last)
                || last.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0
                || last.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0
                || last.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>Free text (messages, values) with every known secret masked.</summary>
        internal string Text(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            string result = text!;
            foreach (string secret in _secrets)
            {
                result = LogRedactor.Scrub(result, secret);
            }

            return result;
        }

        /// <summary>A variable's value as text: masked whole for a secret name, else scrubbed.</summary>
        internal string Variable(string name, object? value) => IsSecretVariable(name) && value != null ? LogRedactor.Mask : Text(Display(value));

        /// <summary>A URL with secret query parameters masked.</summary>
        internal string Url(string url) =>
            Text(Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) ? LogRedactor.RedactUri(parsed) : url);

        /// <summary>A body with JSON token fields (or form secrets) masked.</summary>
        internal string Body(string body, string? contentType) => Text(LogRedactor.RedactBody(body, contentType ?? "application/json"));

        /// <summary>
        /// What an expression rendered to, where the record does not say what it was for (a header, a URL, a body): a
        /// credential (<c>Bearer …</c>, <c>Basic …</c>) keeps only its scheme, a URL its safe query, JSON its safe fields.
        /// </summary>
        internal string Evaluated(string value)
        {
            string trimmed = value.Trim();
            foreach (string scheme in s_credentialSchemes)
            {
                if (trimmed.Length > scheme.Length && trimmed.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                {
                    return trimmed.Substring(0, scheme.Length) + LogRedactor.Mask;
                }
            }

            if (trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal))
            {
                return Body(value, "application/json");
            }

            return Url(value);
        }

        /// <summary>A header value, masked for secret headers.</summary>
        internal string Header(string name, string value) => Text(LogRedactor.RedactHeader(name, value));

        /// <summary>A value as the report prints it: text as is, null as <c>null</c>, the rest as compact JSON.</summary>
        internal static string Display(object? value)
        {
            switch (value)
            {
                case null:
                    return "null";
                case string text:
                    return text;
                case bool b:
                    return b ? "true" : "false";
                default:
                    try
                    {
                        return JsonConvert.SerializeObject(value, Formatting.None);
                    }
                    catch (JsonException)
                    {
                        return value.ToString() ?? string.Empty;
                    }
            }
        }

        private void AddSecret(string value)
        {
            if (value.Length >= 4 && !_secrets.Contains(value))
            {
                _secrets.Add(value);
            }
        }

        private void CollectJsonSecrets(string? body)
        {
            if (string.IsNullOrEmpty(body) || (body![0] != '{' && body[0] != '['))
            {
                return;
            }

            JToken token;
            try
            {
                token = JToken.Parse(body);
            }
            catch (JsonException)
            {
                return;
            }

            foreach (JProperty property in token.SelectTokens("$..*").OfType<JToken>().Select(t => t.Parent).OfType<JProperty>())
            {
                if (property.Value.Type == JTokenType.String && IsSecretVariable(property.Name))
                {
                    AddSecret((string)property.Value!);
                }
            }
        }
    }
}
