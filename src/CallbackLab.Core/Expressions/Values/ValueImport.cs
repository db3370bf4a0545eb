using System;
using System.Collections.Generic;
using System.Globalization;
using CallbackLab.Core.Expressions.Runtime;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Expressions.Values
{
    /// <summary>
    /// The boundary of the evaluator: a value from outside (a resolver's variable, an element of a caller's collection, a
    /// .NET property) is brought into the evaluator's value set once, where it is read. JSON becomes Java-shaped maps and
    /// lists (deeply, once), numbers become long/double/<see cref="JavaBigDecimal"/>. Operators and filters then work on
    /// these values only.
    /// </summary>
    internal static class ValueImport
    {
        /// <summary>Brings a value from outside (variables, collections, JSON) to the evaluator's value set.</summary>
        public static object? Import(object? value)
        {
            // The shapes that are already the evaluator's own come back untouched without walking the type switch.
            if (value is string || value is long || value is Dictionary<string, object?> || value is List<object?>) return value;
            switch (value)
            {
                case null: return null;
                case string _: return value;
                case long _: return value;
                case bool b: return PebbleValues.Box(b);
                case int i: return JavaNumbers.Box(i);
                case double _: return value;
                case JavaBigDecimal _: return value;
                case decimal m: return JavaBigDecimal.FromDecimal(m);
                case System.Numerics.BigInteger big: return new JavaBigDecimal(big, 0);
                case JValue j: return NormalizeJValue(j);
                case JObject o: return ImportObject(o);
                case JArray a: return ImportArray(a);
                case JToken _: return value;
                case short s: return JavaNumbers.Box(s);
                case byte by: return JavaNumbers.Box(by);
                case sbyte sb: return JavaNumbers.Box(sb);
                case ushort us: return JavaNumbers.Box(us);
                case uint ui: return JavaNumbers.Box(ui);
                case ulong ul: return ul <= long.MaxValue ? JavaNumbers.Box((long)ul) : new JavaBigDecimal(ul, 0);
                case float f: return (double)f;
                case char c: return c.ToString();
                case DateTime dt: return dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(dt, TimeSpan.Zero) : new DateTimeOffset(dt);
                case Enum e: return e.ToString();
                case Guid g: return g.ToString();
                case Uri u: return u.OriginalString;
                default: return value;
            }
        }

        /// <summary>A JSON object as Pebble sees one (a LinkedHashMap: keys in document order), converted once, deeply.</summary>
        private static Dictionary<string, object?> ImportObject(JObject source)
        {
            var map = new Dictionary<string, object?>(source.Count, StringComparer.Ordinal);
            foreach (JProperty property in source.Properties()) map[property.Name] = Import(property.Value);
            return map;
        }

        private static List<object?> ImportArray(JArray source)
        {
            var list = new List<object?>(source.Count);
            foreach (JToken item in source) list.Add(Import(item));
            return list;
        }

        /// <summary>The value handed back by <see cref="FlowTemplate.Evaluate"/>: public .NET types only.</summary>
        public static object? ToPublic(object? value)
        {
            switch (value)
            {
                case JavaBigDecimal m:
                    return decimal.TryParse(m.ToPlainString(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) ? (object)d : m.ToDouble();
                case SafeString safe: return safe.Text;
                case MapEntry entry: return new KeyValuePair<object?, object?>(ToPublic(entry.Key), ToPublic(entry.Value));
                case JavaArray array: return array.ConvertAll(ToPublic);
                default: return value;
            }
        }

        private static object? NormalizeJValue(JValue j)
        {
            switch (j.Type)
            {
                case JTokenType.Null:
                case JTokenType.Undefined:
                    return null;
                case JTokenType.Integer:
                    return j.Value is long l ? JavaNumbers.Box(l) : j.Value is System.Numerics.BigInteger big ? new JavaBigDecimal(big, 0) : Import(j.Value);
                case JTokenType.Date:
                    return Import(j.Value);
                default:
                    return Import(j.Value);
            }
        }

    }
}
