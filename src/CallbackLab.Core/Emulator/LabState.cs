using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary>
    /// Everything the emulator stores: MockAPI resources and recorded WxCC tasks, behind one lock.
    /// With a data file, every change is written atomically before the request is answered, so an acknowledged change survives a kill.
    /// </summary>
    internal sealed class LabState
    {
        private const int FileFormatVersion = 1;
        private readonly string _seedJson;
        private readonly string? _dataPath;

        internal LabState(string seedJson, string? dataPath)
        {
            _seedJson = seedJson;
            _dataPath = dataPath;
            if (dataPath != null && File.Exists(dataPath))
            {
                LoadDataFile(File.ReadAllText(dataPath));
            }
            else
            {
                LoadSeed(seedJson);
                Persist();
            }
        }

        /// <summary>Taken by handlers around every read and change.</summary>
        internal object Sync { get; } = new object();

        /// <summary>Resources by path without leading or trailing slash, e.g. <c>flowdesigner/Lab/DynVars</c>. Paths are case-sensitive, like URLs.</summary>
        internal Dictionary<string, MockResource> Resources { get; } = new Dictionary<string, MockResource>(StringComparer.Ordinal);

        internal List<RecordedTask> Tasks { get; } = new List<RecordedTask>();

        /// <summary>Parses a seed: an array (the DynVars records) or an object mapping resource paths to arrays.</summary>
        internal static Dictionary<string, JArray> ParseSeed(string seedJson)
        {
            JToken token = JToken.Parse(seedJson);
            var result = new Dictionary<string, JArray>(StringComparer.Ordinal);
            if (token is JArray array)
            {
                result[LabSeed.DynVarsResource] = array;
            }
            else if (token is JObject obj)
            {
                foreach (KeyValuePair<string, JToken?> pair in obj)
                {
                    if (!(pair.Value is JArray records))
                    {
                        throw new FormatException($"Seed resource '{pair.Key}' must be a JSON array of objects.");
                    }

                    result[pair.Key.Trim('/')] = records;
                }
            }
            else
            {
                throw new FormatException("A seed must be a JSON array of records or an object mapping resource paths to arrays.");
            }

            foreach (KeyValuePair<string, JArray> pair in result)
            {
                foreach (JToken record in pair.Value)
                {
                    if (!(record is JObject))
                    {
                        throw new FormatException($"Seed resource '{pair.Key}' holds a value that is not a JSON object.");
                    }
                }
            }

            return result;
        }

        /// <summary>Back to the seed: resources reloaded, tasks forgotten. Caller holds <see cref="Sync"/>.</summary>
        internal void ResetToSeed()
        {
            Resources.Clear();
            Tasks.Clear();
            LoadSeed(_seedJson);
            Persist();
        }

        /// <summary>Writes the data file, if any. Caller holds <see cref="Sync"/>.</summary>
        internal void Persist()
        {
            if (_dataPath == null)
            {
                return;
            }

            var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented })
            {
                writer.WriteStartObject();
                writer.WritePropertyName("version");
                writer.WriteValue(FileFormatVersion);
                writer.WritePropertyName("resources");
                writer.WriteStartObject();
                foreach (KeyValuePair<string, MockResource> pair in Resources)
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
                foreach (RecordedTask task in Tasks)
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
                writer.WriteEndObject();
            }

            AtomicFile.WriteAllText(_dataPath, text.ToString());
        }

        private void LoadSeed(string seedJson)
        {
            foreach (KeyValuePair<string, JArray> pair in ParseSeed(seedJson))
            {
                var resource = new MockResource(1);
                foreach (JToken record in pair.Value)
                {
                    resource.AddExisting((JObject)record.DeepClone());
                }

                Resources[pair.Key] = resource;
            }
        }

        private void LoadDataFile(string json)
        {
            try
            {
                LoadDataDocument(JObject.Parse(json));
            }
            catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidCastException || ex is OverflowException || ex is ArgumentException)
            {
                Resources.Clear();
                Tasks.Clear();
                throw new InvalidDataException($"The emulator data file '{_dataPath}' is not a valid data file: {ex.Message}", ex);
            }
        }

        private void LoadDataDocument(JObject document)
        {
            if (document["resources"] is JObject resources)
            {
                foreach (KeyValuePair<string, JToken?> pair in resources)
                {
                    long nextId = (long?)pair.Value?["nextId"] ?? 1;
                    var resource = new MockResource(nextId);
                    if (pair.Value?["records"] is JArray records)
                    {
                        foreach (JObject record in records.OfType<JObject>())
                        {
                            resource.AddExisting((JObject)record.DeepClone());
                        }
                    }

                    Resources[pair.Key] = resource;
                }
            }

            if (document["tasks"] is JArray tasks)
            {
                foreach (JToken task in tasks)
                {
                    if (task["request"] is JObject request && (string?)task["id"] is string id)
                    {
                        long time = (long?)task["time"] ?? 0;
                        Tasks.Add(new RecordedTask(id, (JObject)request.DeepClone(), DateTimeOffset.FromUnixTimeMilliseconds(time)));
                    }
                }
            }
        }

        /// <summary>The next id of a resource as MockAPI shows it: a string.</summary>
        internal static string TakeId(MockResource resource)
        {
            string id = resource.NextId.ToString(CultureInfo.InvariantCulture);
            resource.NextId++;
            return id;
        }
    }
}
