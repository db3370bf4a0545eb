using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PebbleGolden
{
    /// <summary>Every string of a Flow Designer export that holds an expression (<c>{{</c> or <c>{%</c>), run with no variables and with the flow set.</summary>
    internal static class FlowExpressionCases
    {
        public const string SampleCategory = "flow";
        public const string LabCategory = "labflow";

        /// <summary>Adds the sample exports' expressions (kept in a data file, refreshed by <c>extract-flows</c>) and the lab flow's.</summary>
        public static void AddAll(CaseSink sink, IEnumerable<string> sampleExpressions, string labExport)
        {
            foreach (string template in sampleExpressions) AddBoth(sink, SampleCategory, template);
            foreach (string template in Collect(new[] { labExport })) AddBoth(sink, LabCategory, template);
        }

        private static void AddBoth(CaseSink sink, string category, string template)
        {
            sink.Add(category, template, VariableSets.Flow);
            sink.Add(category, template, VariableSets.None);
        }

        public static SortedSet<string> Collect(IEnumerable<string> files)
        {
            var found = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (string file in files)
            {
                using (JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file)))
                {
                    Walk(document.RootElement, found);
                }
            }

            return found;
        }

        private static void Walk(JsonElement element, SortedSet<string> found)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (JsonProperty property in element.EnumerateObject()) Walk(property.Value, found);
                    break;
                case JsonValueKind.Array:
                    foreach (JsonElement item in element.EnumerateArray()) Walk(item, found);
                    break;
                case JsonValueKind.String:
                    string text = element.GetString()!;
                    if (text.Contains("{{") || text.Contains("{%")) found.Add(text);
                    break;
            }
        }
    }
}
