using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator.Storage
{
    /// <summary>
    /// The data file (the snapshot): <c>{"version":1,"orgId":…,"resources":{"path":{"nextId":n,"records":[…]}},"tasks":[{"id","time","request"}],
    /// "wxcc":{"flows":[…],"entryPoints":[…],"queues":[…],"runs":[…]}}</c>. <c>orgId</c> and <c>wxcc</c> are optional, so files
    /// written before them still read. Reading checks every value's type and names the JSON path of the first that is wrong.
    /// </summary>
    internal static class DataSnapshot
    {
        internal const int FormatVersion = 1;

        internal static string Write(IReadOnlyDictionary<string, MockResource> resources, IReadOnlyList<RecordedTask> tasks) =>
            Write(resources, tasks, null, null);

        internal static string Write(IReadOnlyDictionary<string, MockResource> resources, IReadOnlyList<RecordedTask> tasks, WxccRecords? wxcc, string? orgId)
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented })
            {
                writer.WriteStartObject();
                writer.WritePropertyName("version");
                writer.WriteValue(FormatVersion);
                if (orgId != null)
                {
                    writer.WritePropertyName("orgId");
                    writer.WriteValue(orgId);
                }

                writer.WritePropertyName("resources");
                writer.WriteStartObject();
                foreach (KeyValuePair<string, MockResource> pair in resources)
                {
                    writer.WritePropertyName(pair.Key);
                    writer.WriteStartObject();
                    writer.WritePropertyName("nextId");
                    writer.WriteValue(pair.Value.NextId);
                    writer.WritePropertyName("records");
                    writer.WriteStartArray();
                    foreach (JObject record in pair.Value.Records)
                    {
                        record.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WritePropertyName("tasks");
                writer.WriteStartArray();
                foreach (RecordedTask task in tasks)
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("id");
                    writer.WriteValue(task.Id);
                    writer.WritePropertyName("time");
                    writer.WriteValue(task.Time.ToUnixTimeMilliseconds());
                    writer.WritePropertyName("request");
                    task.Request.WriteTo(writer);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                if (wxcc != null)
                {
                    writer.WritePropertyName("wxcc");
                    writer.WriteStartObject();
                    foreach (string name in WxccRecords.Names)
                    {
                        writer.WritePropertyName(name);
                        writer.WriteStartArray();
                        foreach (JObject record in wxcc[name].Records)
                        {
                            record.WriteTo(writer);
                        }

                        writer.WriteEndArray();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            return text.ToString();
        }

        /// <summary>Fills <paramref name="resources"/> and <paramref name="tasks"/> from the file's text.</summary>
        /// <exception cref="InvalidDataException">The text is not a data file; the message names the JSON path that is wrong.</exception>
        internal static void Read(string json, Dictionary<string, MockResource> resources, List<RecordedTask> tasks) => Read(json, resources, tasks, null, out _);

        /// <summary>
        /// Fills the collections from the file's text; returns the file's organization id, null when it has none.
        /// <paramref name="hasWxcc"/> tells whether the file has a <c>wxcc</c> section (files written before it have none).
        /// </summary>
        /// <exception cref="InvalidDataException">The text is not a data file; the message names the JSON path that is wrong.</exception>
        internal static string? Read(string json, Dictionary<string, MockResource> resources, List<RecordedTask> tasks, WxccRecords? wxcc, out bool hasWxcc)
        {
            hasWxcc = false;
            JToken root;
            try
            {
                using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
                root = JToken.ReadFrom(reader);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException("It is not valid JSON: " + ex.Message, ex);
            }

            if (!(root is JObject document))
            {
                throw Wrong("$", "an object with version, resources and tasks");
            }

            if (document["version"] is JToken version && !(version.Type == JTokenType.Integer && (long)version == FormatVersion))
            {
                throw Wrong("version", FormatVersion.ToString(CultureInfo.InvariantCulture));
            }

            if (document["resources"] is JToken resourcesToken && resourcesToken.Type != JTokenType.Null)
            {
                if (!(resourcesToken is JObject resourceMap))
                {
                    throw Wrong("resources", "an object mapping resource paths to {nextId, records}");
                }

                foreach (JProperty pair in resourceMap.Properties())
                {
                    string path = "resources." + pair.Name;
                    resources[pair.Name] = ReadResource(pair.Value, path);
                }
            }

            if (document["tasks"] is JToken tasksToken && tasksToken.Type != JTokenType.Null)
            {
                if (!(tasksToken is JArray taskArray))
                {
                    throw Wrong("tasks", "an array of {id, time, request}");
                }

                for (int i = 0; i < taskArray.Count; i++)
                {
                    tasks.Add(ReadTask(taskArray[i], "tasks[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
                }
            }

            string? orgId = null;
            if (document["orgId"] is JToken orgToken && orgToken.Type != JTokenType.Null)
            {
                if (!(orgToken is JValue { Type: JTokenType.String }) || ((string?)orgToken)!.Length == 0)
                {
                    throw Wrong("orgId", "a non-empty string");
                }

                orgId = (string?)orgToken;
            }

            if (wxcc != null && document["wxcc"] is JToken wxccToken && wxccToken.Type != JTokenType.Null)
            {
                ReadWxcc(wxccToken, wxcc);
                hasWxcc = true;
            }

            return orgId;
        }

        private static void ReadWxcc(JToken token, WxccRecords wxcc)
        {
            if (!(token is JObject map))
            {
                throw Wrong("wxcc", "an object mapping flows, entryPoints, queues and runs to arrays");
            }

            foreach (JProperty pair in map.Properties())
            {
                string path = "wxcc." + pair.Name;
                if (!WxccRecords.IsName(pair.Name))
                {
                    throw Wrong(path, "one of " + string.Join(", ", WxccRecords.Names));
                }

                if (!(pair.Value is JArray records))
                {
                    throw Wrong(path, "an array of objects");
                }

                for (int i = 0; i < records.Count; i++)
                {
                    string recordPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    if (!(records[i] is JObject record))
                    {
                        throw Wrong(recordPath, "an object");
                    }

                    if (!(record["id"] is JValue { Type: JTokenType.String } id) || ((string?)id)!.Length == 0)
                    {
                        throw Wrong(recordPath + ".id", "a non-empty string");
                    }

                    wxcc[pair.Name].Put((JObject)record.DeepClone());
                }
            }
        }

        private static MockResource ReadResource(JToken token, string path)
        {
            if (!(token is JObject resource))
            {
                throw Wrong(path, "an object with nextId and records");
            }

            long nextId = 1;
            if (resource["nextId"] is JToken next && next.Type != JTokenType.Null)
            {
                if (next.Type != JTokenType.Integer || !(next is JValue { Value: long value }) || value < 1)
                {
                    throw Wrong(path + ".nextId", "a whole number from 1 to 9223372036854775807");
                }

                nextId = value;
            }

            var result = new MockResource(nextId);
            if (resource["records"] is JToken recordsToken && recordsToken.Type != JTokenType.Null)
            {
                if (!(recordsToken is JArray records))
                {
                    throw Wrong(path + ".records", "an array of objects");
                }

                for (int i = 0; i < records.Count; i++)
                {
                    string recordPath = path + ".records[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    if (!(records[i] is JObject record))
                    {
                        throw Wrong(recordPath, "an object");
                    }

                    if (record["id"] is JToken id && !(id is JValue))
                    {
                        throw Wrong(recordPath + ".id", "a string or a number");
                    }

                    result.AddExisting((JObject)record.DeepClone());
                }
            }

            return result;
        }

        private static RecordedTask ReadTask(JToken token, string path)
        {
            if (!(token is JObject task))
            {
                throw Wrong(path, "an object with id, time and request");
            }

            if (!(task["id"] is JValue { Type: JTokenType.String } id))
            {
                throw Wrong(path + ".id", "a string");
            }

            long time = 0;
            if (task["time"] is JToken timeToken && timeToken.Type != JTokenType.Null)
            {
                if (!(timeToken is JValue { Value: long milliseconds }) || milliseconds < -62135596800000L || milliseconds > 253402300799999L)
                {
                    throw Wrong(path + ".time", "epoch milliseconds");
                }

                time = milliseconds;
            }

            if (!(task["request"] is JObject request))
            {
                throw Wrong(path + ".request", "an object (the request body)");
            }

            return new RecordedTask((string)id!, (JObject)request.DeepClone(), DateTimeOffset.FromUnixTimeMilliseconds(time));
        }

        private static InvalidDataException Wrong(string path, string expected) =>
            new InvalidDataException($"'{path}' must be {expected}.");
    }
}
