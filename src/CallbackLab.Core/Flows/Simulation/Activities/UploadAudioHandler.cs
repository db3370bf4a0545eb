using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Upload Audio: takes the rendered <c>audioFileData</c> (a Record activity's FileInfo JSON) and records an AudioUploaded
    /// event with its file name, type and purpose; sets <c>status</c>; leaves by <c>default</c>. Data that is not a FileInfo
    /// object, or an activity the world lists in FailingActivities, is an error.
    /// </summary>
    internal sealed class UploadAudioHandler : IActivityHandler
    {
        /// <summary>The export's form, <c>{{ Record.audioFileData | json }}</c>: one output, serialised.</summary>
        private static readonly Regex s_oneOutput = new Regex(@"^\{\{\s*([A-Za-z0-9_.]+)\s*(\|\s*json\s*)?\}\}$", RegexOptions.CultureInvariant);

        /// <summary>
        /// The file data as JSON text. A template naming one output (with or without <c>| json</c>) reads the output itself, so
        /// the FileInfo object arrives whole whatever the expression engine makes of an object in text.
        /// </summary>
        private static string Data(SimulationContext context, FlowActivity activity)
        {
            string? output = OneOutput(activity);
            if (output != null && context.Variables.TryGetValue(output, out object? value))
            {
                return FlowValues.ToText(value).Trim();
            }

            return ActivityIo.Render(context, activity, "audioFileData").Trim();
        }

        /// <summary>
        /// The file name when the template names one output holding a Record activity's FileInfo dictionary: read as is,
        /// since serialising the dictionary to parse it back costs more than the rest of the activity.
        /// </summary>
        private static string? RecordedName(SimulationContext context, FlowActivity activity)
        {
            string? output = OneOutput(activity);
            return output != null && context.Variables.TryGetValue(output, out object? value)
                && value is IDictionary<string, object?> file && file.TryGetValue("name", out object? name) && name is string text && text.Length > 0
                ? text
                : null;
        }

        /// <summary>The one output <c>audioFileData</c> names (<c>{{ Record.audioFileData | json }}</c>); null for any other data. Read once per activity.</summary>
        private static string? OneOutput(FlowActivity activity) =>
            ActivityCache.Of(activity).HandlerState(a =>
            {
                Match one = s_oneOutput.Match((a.GetString("audioFileData") ?? string.Empty).Trim());
                return new NamedOutput(one.Success ? one.Groups[1].Value : null);
            }).Name;

        /// <summary>The output an activity's data names, or null (a class so the activity cache can hold it).</summary>
        private sealed class NamedOutput
        {
            internal NamedOutput(string? name)
            {
                Name = name;
            }

            internal string? Name { get; }
        }

        /// <summary>The file name in the JSON the data renders to; null with the data when it is not a FileInfo object.</summary>
        private static string? ParsedName(SimulationContext context, FlowActivity activity, out string data)
        {
            data = Data(context, activity);
            try
            {
                return (string?)(JToken.Parse(data.Length == 0 ? "null" : data) as JObject)?["name"];
            }
            catch (JsonReaderException)
            {
                return null;
            }
        }

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string data = string.Empty;
            string? name = RecordedName(context, activity) ?? ParsedName(context, activity, out data);
            if (string.IsNullOrEmpty(name) || ActivityIo.FailsInWorld(context, activity))
            {
                if (data.Length == 0)
                {
                    data = Data(context, activity);
                }

                ActivityIo.Output(context, activity, "status", "failure");
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Upload Audio '" + activity.Name + "': audioFileData is not a recorded file ('" + data + "')."));
            }

            var payload = ActivityIo.Payload();
            payload["FileName"] = name;
            payload["AudioFileType"] = activity.GetString("audioFileType") ?? string.Empty;
            payload["GreetingPurpose"] = ActivityIo.Render(context, activity, "greetingPurpose");
            payload["AgentId"] = ActivityIo.Render(context, activity, "agentId");
            context.RaiseEvent(activity, "AudioUploaded", payload);
            ActivityIo.Output(context, activity, "status", "success");
            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, "uploaded " + name));
        }
    }
}
