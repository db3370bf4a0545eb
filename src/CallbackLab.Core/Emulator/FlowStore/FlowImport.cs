using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator.FlowStore
{
    /// <summary>
    /// Checks the file of a Flow Store import the way the API documents its 400s: it must parse, have a name and a valid flow
    /// type, and read as a flow export (activities, links, variables), which <see cref="WxccFlowReader"/> decides.
    /// </summary>
    internal static class FlowImport
    {
        /// <summary>The export to store (flowType filled in), or why it is refused.</summary>
        internal static (JObject? Export, string? Error) Read(string file, string? queryFlowType)
        {
            JObject export;
            try
            {
                using var reader = new JsonTextReader(new System.IO.StringReader(file)) { DateParseHandling = DateParseHandling.None };
                if (!(JToken.ReadFrom(reader) is JObject obj))
                {
                    return (null, "The file is not a flow export: it is not a JSON object.");
                }

                export = obj;
            }
            catch (JsonReaderException ex)
            {
                return (null, "The file is not valid JSON: " + ex.Message);
            }

            if (!(export["name"] is JValue { Type: JTokenType.String } name) || ((string?)name)!.Trim().Length == 0)
            {
                return (null, "The flow name is empty.");
            }

            string flowType = queryFlowType ?? "FLOW";
            if (export["flowType"] is JToken typeToken && typeToken.Type != JTokenType.Null)
            {
                string? fileType = typeToken.Type == JTokenType.String ? (string?)typeToken : null;
                if (fileType != "FLOW" && fileType != "SUBFLOW")
                {
                    return (null, $"The flow type '{typeToken}' is not FLOW or SUBFLOW.");
                }

                if (queryFlowType != null && fileType != queryFlowType)
                {
                    return (null, $"The file is a {fileType} but the import asks for flowType={queryFlowType}.");
                }

                flowType = fileType;
            }

            try
            {
                WxccFlowReader.Parse(file, "import");
            }
            catch (FlowFormatException ex)
            {
                return (null, "The flow is not valid: " + ex.Message);
            }

            export["flowType"] = flowType;
            return (export, null);
        }
    }
}
