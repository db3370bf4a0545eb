using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator.Storage
{
    /// <summary>
    /// One change to the store, as one line of the data log. Every change states its result (the whole record, the id removed),
    /// so replaying a change the snapshot already holds leaves the same state.
    /// </summary>
    internal sealed class StoreChange
    {
        private StoreChange(string kind)
        {
            Kind = kind;
        }

        internal const string PutKind = "put";
        internal const string DeleteKind = "delete";
        internal const string TaskKind = "task";
        internal const string ResetKind = "reset";
        internal const string WxccKind = "wxcc";

        internal string Kind { get; }

        internal string? Resource { get; private set; }

        internal JObject? Record { get; private set; }

        internal string? Id { get; private set; }

        internal long NextId { get; private set; }

        internal RecordedTask? Task { get; private set; }

        /// <summary>Creates or replaces <paramref name="record"/> (which holds its id) in a resource, created if missing.</summary>
        internal static StoreChange Put(string resource, JObject record, long nextId) =>
            new StoreChange(PutKind) { Resource = resource, Record = record, Id = (string?)record["id"], NextId = nextId };

        /// <summary>Creates or replaces <paramref name="record"/> (which holds its id) in one of the WxCC collections (<see cref="WxccRecords.Names"/>).</summary>
        internal static StoreChange PutWxcc(string collection, JObject record) =>
            new StoreChange(WxccKind) { Resource = collection, Record = record, Id = (string?)record["id"] };

        internal static StoreChange Delete(string resource, string id) => new StoreChange(DeleteKind) { Resource = resource, Id = id };

        internal static StoreChange AddTask(RecordedTask task) => new StoreChange(TaskKind) { Task = task, Id = task.Id };

        internal static StoreChange Reset() => new StoreChange(ResetKind);

        /// <summary>The change as one line of JSON, without the line end. Written directly, so the record is not re-parented.</summary>
        internal string ToLine()
        {
            var text = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
            {
                writer.WriteStartObject();
                writer.WritePropertyName("op");
                writer.WriteValue(Kind);
                switch (Kind)
                {
                    case PutKind:
                        writer.WritePropertyName("resource");
                        writer.WriteValue(Resource);
                        writer.WritePropertyName("nextId");
                        writer.WriteValue(NextId);
                        writer.WritePropertyName("record");
                        Record!.WriteTo(writer);
                        break;
                    case WxccKind:
                        writer.WritePropertyName("collection");
                        writer.WriteValue(Resource);
                        writer.WritePropertyName("record");
                        Record!.WriteTo(writer);
                        break;
                    case DeleteKind:
                        writer.WritePropertyName("resource");
                        writer.WriteValue(Resource);
                        writer.WritePropertyName("id");
                        writer.WriteValue(Id);
                        break;
                    case TaskKind:
                        writer.WritePropertyName("id");
                        writer.WriteValue(Task!.Id);
                        writer.WritePropertyName("time");
                        writer.WriteValue(Task.Time.ToUnixTimeMilliseconds());
                        writer.WritePropertyName("request");
                        Task.Request.WriteTo(writer);
                        break;
                }

                writer.WriteEndObject();
            }

            return text.ToString();
        }

        /// <summary>Reads a line written by <see cref="ToLine"/>; null when it is not one (the caller decides whether that is a torn tail).</summary>
        internal static StoreChange? Parse(string line)
        {
            JObject obj;
            try
            {
                using var reader = new JsonTextReader(new System.IO.StringReader(line)) { DateParseHandling = DateParseHandling.None };
                obj = JObject.Load(reader);
            }
            catch (JsonException)
            {
                return null;
            }

            try
            {
                switch ((string?)obj["op"])
                {
                    case PutKind when obj["resource"] is JValue { Type: JTokenType.String } resource && obj["record"] is JObject record &&
                                      record["id"] is JValue { Type: JTokenType.String } && obj["nextId"] is JValue { Type: JTokenType.Integer }:
                        return Put((string)resource!, record, (long)obj["nextId"]!);
                    case DeleteKind when obj["resource"] is JValue { Type: JTokenType.String } resource && obj["id"] is JValue { Type: JTokenType.String } id:
                        return Delete((string)resource!, (string)id!);
                    case TaskKind when obj["id"] is JValue { Type: JTokenType.String } id && obj["request"] is JObject request &&
                                       obj["time"] is JValue { Type: JTokenType.Integer } time:
                        return AddTask(new RecordedTask((string)id!, request, DateTimeOffset.FromUnixTimeMilliseconds((long)time)));
                    case WxccKind when obj["collection"] is JValue { Type: JTokenType.String } collection && WxccRecords.IsName((string)collection!) &&
                                       obj["record"] is JObject wxccRecord && wxccRecord["id"] is JValue { Type: JTokenType.String }:
                        return PutWxcc((string)collection!, wxccRecord);
                    case ResetKind:
                        return Reset();
                    default:
                        return null;
                }
            }
            catch (Exception ex) when (ex is OverflowException || ex is ArgumentOutOfRangeException || ex is InvalidCastException)
            {
                return null;
            }
        }

        public override string ToString() => Kind + " " + (Resource ?? string.Empty) + " " + (Id ?? string.Empty);
    }
}
