using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CallbackLab.Core.Emulator.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary>
    /// MockAPI.io's REST behaviour over <see cref="LabState"/>: CRUD with string ids, substring filters, sorting, paging,
    /// 404 <c>"Not found"</c>, the 100-record cap. Each choice is documented in docs/emulator.md.
    /// </summary>
    internal sealed class MockApiHandler
    {
        internal const string NotFoundBody = "\"Not found\"";
        internal const string MaxElementsBody = "\"Max number of elements reached for this resource!\"";
        private static readonly HashSet<string> s_reserved = new HashSet<string>(StringComparer.Ordinal) { "sortBy", "order", "page", "limit", "search", "filter" };
        private readonly LabState _state;
        private readonly LabEmulatorOptions _options;

        internal MockApiHandler(LabState state, LabEmulatorOptions options)
        {
            _state = state;
            _options = options;
        }

        internal EmulatorResponse Handle(EmulatorRequest request)
        {
            // HEAD answers what GET would, without the body (the listener loop leaves it out).
            string method = request.Method == "HEAD" ? "GET" : request.Method;
            bool isWrite = method == "POST" || method == "PUT" || method == "PATCH";
            JObject? body = null;
            if (isWrite)
            {
                EmulatorResponse? bad = ParseBody(request.Body, out body);
                if (bad != null)
                {
                    return bad;
                }
            }

            lock (_state.Sync)
            {
                MockApiRoute? route = MockApiRoute.Resolve(request.Segments, _state.Resources, method == "POST");
                if (route == null)
                {
                    return NotFound();
                }

                if (route.ParentKey != null && _state.Resources[route.ParentKey].Find(route.ParentId!) == null)
                {
                    return NotFound();
                }

                if (route.Id == null)
                {
                    switch (method)
                    {
                        case "GET":
                            return List(route, request);
                        case "POST":
                            return Create(route, body!);
                        default:
                            return MethodNotAllowed("GET, POST");
                    }
                }

                switch (method)
                {
                    case "GET":
                        return FindInRoute(route) is JObject found ? EmulatorResponse.Json(200, found) : NotFound();
                    case "PUT":
                    case "PATCH":
                        return Update(route, body!);
                    case "DELETE":
                        return Delete(route);
                    default:
                        return MethodNotAllowed("GET, PUT, PATCH, DELETE");
                }
            }
        }

        private static EmulatorResponse? ParseBody(string text, out JObject? body)
        {
            body = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                body = new JObject();
                return null;
            }

            JToken token;
            try
            {
                token = JToken.Parse(text);
            }
            catch (JsonReaderException ex)
            {
                return EmulatorResponse.Json(400, new JValue("Invalid JSON: " + ex.Message));
            }

            if (!(token is JObject obj))
            {
                return EmulatorResponse.Json(400, new JValue("The body must be a JSON object."));
            }

            body = obj;
            return null;
        }

        private EmulatorResponse List(MockApiRoute route, EmulatorRequest request)
        {
            IEnumerable<JObject> records = _state.Resources[route.Key].Records;
            bool filtered = false;
            if (route.ParentField != null)
            {
                records = records.Where(r => Text(r[route.ParentField]) == route.ParentId);
            }

            foreach (string? name in request.Query.AllKeys)
            {
                if (name == null || s_reserved.Contains(name))
                {
                    continue;
                }

                string value = request.Query[name] ?? string.Empty;
                string field = name;
                filtered = true;
                records = records.Where(r => Text(r[field]) is string text && text.IndexOf(value, StringComparison.Ordinal) >= 0);
            }

            string? search = request.Query["search"] ?? request.Query["filter"];
            if (search != null)
            {
                filtered = true;
                records = records.Where(r => r.Properties().Any(p => Text(p.Value) is string text && text.IndexOf(search, StringComparison.Ordinal) >= 0));
            }

            string? sortBy = request.Query["sortBy"];
            if (!string.IsNullOrEmpty(sortBy))
            {
                bool descending = string.Equals(request.Query["order"], "desc", StringComparison.OrdinalIgnoreCase);
                var comparer = new FieldValueComparer();
                records = descending
                    ? records.OrderByDescending(r => r[sortBy!], comparer)
                    : records.OrderBy(r => r[sortBy!], comparer);
            }

            if (PositiveInt(request.Query["limit"]) is int limit)
            {
                int page = PositiveInt(request.Query["page"]) ?? 1;
                filtered = true;
                records = records.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * limit)).Take(limit);
            }

            List<JObject> result = records.ToList();
            if (result.Count == 0 && filtered && !_options.NotFoundAsEmptyArray)
            {
                return NotFound();
            }

            return EmulatorResponse.JsonArray(200, result);
        }

        private EmulatorResponse Create(MockApiRoute route, JObject body)
        {
            _state.Resources.TryGetValue(route.Key, out MockResource? resource);
            if (resource != null && _options.RecordLimit is int cap && resource.Records.Count >= cap)
            {
                return EmulatorResponse.Raw(400, MaxElementsBody);
            }

            string? id = resource == null ? "1" : LabState.PeekId(resource);
            if (id == null)
            {
                return EmulatorResponse.Json(400, new JValue("This resource has used every id (nextId 9223372036854775807); no record can be added."));
            }

            var record = (JObject)body.DeepClone();
            record.Remove("id");
            if (route.ParentField != null)
            {
                record[route.ParentField] = route.ParentId;
            }

            record["id"] = id;
            long nextId = long.Parse(id, CultureInfo.InvariantCulture) + 1;
            return Save(StoreChange.Put(route.Key, record, nextId), 201, record);
        }

        private EmulatorResponse Update(MockApiRoute route, JObject body)
        {
            JObject? stored = FindInRoute(route);
            if (stored == null)
            {
                return NotFound();
            }

            // Changed on a copy: the stored record changes only once the change is durable.
            var record = (JObject)stored.DeepClone();
            foreach (JProperty property in body.Properties())
            {
                if (property.Name != "id" && property.Name != route.ParentField)
                {
                    record[property.Name] = property.Value.DeepClone();
                }
            }

            return Save(StoreChange.Put(route.Key, record, _state.Resources[route.Key].NextId), 200, record);
        }

        private EmulatorResponse Delete(MockApiRoute route)
        {
            JObject? record = FindInRoute(route);
            if (record == null)
            {
                return NotFound();
            }

            return Save(StoreChange.Delete(route.Key, route.Id!), 200, record);
        }

        /// <summary>Commits the change and answers <paramref name="record"/>; 500 (nothing changed) or 503 (writes stopped) when it cannot be saved.</summary>
        private EmulatorResponse Save(StoreChange change, int status, JObject record)
        {
            try
            {
                _state.Commit(change);
            }
            catch (DataWriteException ex)
            {
                return EmulatorResponse.Json(ex.WritesStopped ? 503 : 500, new JValue(ex.Message));
            }

            return EmulatorResponse.Json(status, record);
        }

        private JObject? FindInRoute(MockApiRoute route)
        {
            JObject? record = _state.Resources[route.Key].Find(route.Id!);
            if (record != null && route.ParentField != null && Text(record[route.ParentField]) != route.ParentId)
            {
                return null;
            }

            return record;
        }

        private static EmulatorResponse NotFound() => EmulatorResponse.Raw(404, NotFoundBody);

        private static EmulatorResponse MethodNotAllowed(string allow) =>
            EmulatorResponse.Json(405, new JValue("Method not allowed. Allowed: " + allow)).WithHeader("Allow", allow);

        private static int? PositiveInt(string? text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : (int?)null;

        /// <summary>A field as the text MockAPI compares: strings as-is, numbers and booleans in JSON form, objects and null never match.</summary>
        internal static string? Text(JToken? token)
        {
            if (!(token is JValue value) || value.Type == JTokenType.Null)
            {
                return null;
            }

            return value.Type == JTokenType.String ? (string?)value.Value : value.ToString(Formatting.None);
        }

        /// <summary>Numbers (and numeric strings such as ids) compare numerically, everything else ordinally; missing values first.</summary>
        private sealed class FieldValueComparer : IComparer<JToken?>
        {
            public int Compare(JToken? x, JToken? y)
            {
                string? a = Text(x);
                string? b = Text(y);
                if (a == null || b == null)
                {
                    return a == null ? (b == null ? 0 : -1) : 1;
                }

                if (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal da) &&
                    decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal db))
                {
                    return da.CompareTo(db);
                }

                return string.CompareOrdinal(a, b);
            }
        }
    }
}
