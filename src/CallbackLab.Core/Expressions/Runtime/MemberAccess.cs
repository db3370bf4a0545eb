using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>
    /// Pebble's attribute resolution: map keys, list indexes, then Java members through attribute syntax
    /// (<c>s.length</c> is <c>String.length()</c>, a list has <c>size</c>, not <c>length</c>), then .NET properties.
    /// </summary>
    internal static class MemberAccess
    {
        private static readonly ConcurrentDictionary<KeyValuePair<Type, string>, PropertyInfo?> PropertyCache =
            new ConcurrentDictionary<KeyValuePair<Type, string>, PropertyInfo?>();

        /// <summary>
        /// Pebble's GetAttributeExpression. In strict mode a null target is reported as the missing root variable
        /// (<paramref name="rootName"/>, when the target is a plain variable) or as an attribute of a null object.
        /// </summary>
        public static object? GetAttribute(object? target, object? key, EvaluationContext context, int offset, string? rootName = null)
        {
            if (TryGetAttribute(target, key, out object? value)) return value;
            if (context.StrictNow)
            {
                if (target is null)
                {
                    throw context.Error(offset, rootName != null
                        ? $"Root attribute [{rootName}] does not exist or can not be accessed and strict variables is set to true."
                        : "Attempt to get attribute of null object and strict variables is set to true.");
                }

                throw context.Error(offset,
                    $"Attribute [{PebbleValues.ToJavaString(key)}] of [{PebbleValues.JavaTypeName(target)}] does not exist or can not be accessed and strict variables is set to true.");
            }

            return null;
        }

        public static bool TryGetAttribute(object? target, object? key, out object? value)
        {
            value = null;
            if (target is null) return false;
            key = PebbleValues.Normalize(key);

            if (PebbleCollections.IsMap(target))
            {
                if (PebbleCollections.TryGetMapValue(target, key, out value)) return true;
                return key is string mapMember && TryMapMember(target, mapMember, out value);
            }

            if (PebbleCollections.IsList(target))
            {
                if (key is long index) return PebbleCollections.TryGetAt(target, index, out value);
                if (key is string s)
                {
                    if (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed)) return PebbleCollections.TryGetAt(target, parsed, out value);
                    return TryListMember(target, s, out value);
                }

                return false;
            }

            if (!(key is string member)) return false;
            if (target is string text) return TryStringMember(text, member, out value);
            return TryObjectMember(target, member, out value);
        }

        private static bool TryStringMember(string text, string member, out object? value)
        {
            switch (member)
            {
                case "length": value = JavaNumbers.Box(text.Length); return true;
                case "empty":
                case "isEmpty": value = PebbleValues.Box(text.Length == 0); return true;
                case "blank":
                case "isBlank": value = PebbleValues.Box(string.IsNullOrWhiteSpace(text)); return true;
                case "toUpperCase": value = text.ToUpperInvariant(); return true;
                case "toLowerCase": value = text.ToLowerInvariant(); return true;
                case "trim": value = JavaStrings.Trim(text); return true;
                case "strip": value = text.Trim(); return true;
                case "bytes": value = PebbleCollections.ToList(System.Text.Encoding.UTF8.GetBytes(text)); return true;
                default: value = null; return false;
            }
        }

        /// <summary>Java's <c>Collection.size()</c> and <c>isEmpty()</c>, shared by lists and maps.</summary>
        private static bool TrySizeMember(int size, string member, out object? value)
        {
            switch (member)
            {
                case "size": value = JavaNumbers.Box(size); return true;
                case "empty":
                case "isEmpty": value = PebbleValues.Box(size == 0); return true;
                default: value = null; return false;
            }
        }

        private static bool TryListMember(object list, string member, out object? value) =>
            TrySizeMember(PebbleCollections.Count(list), member, out value);

        private static bool TryMapMember(object map, string member, out object? value)
        {
            if (TrySizeMember(PebbleCollections.MapCount(map), member, out value)) return true;
            switch (member)
            {
                case "keySet":
                    var keys = new List<object?>();
                    foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(map)) keys.Add(e.Key);
                    value = keys;
                    return true;
                case "values":
                    var values = new List<object?>();
                    foreach (KeyValuePair<object?, object?> e in PebbleCollections.MapEntries(map)) values.Add(e.Value);
                    value = values;
                    return true;
                default: value = null; return false;
            }
        }

        private static bool TryObjectMember(object target, string member, out object? value)
        {
            value = null;
            if (target is JToken || target is bool || PebbleValues.IsNumber(target)) return false;
            if (target is DateTimeOffset dto) return TryDateMember(dto, member, out value);

            // Plain .NET objects: a public property by name, then Java's getX/isX bean names.
            Type type = target.GetType();
            PropertyInfo? property = PropertyCache.GetOrAdd(new KeyValuePair<Type, string>(type, member), k => FindProperty(k.Key, k.Value));
            if (property is null) return false;
            try
            {
                value = PebbleValues.Normalize(property.GetValue(target));
                return true;
            }
            catch (TargetInvocationException)
            {
                return false;
            }
        }

        private static PropertyInfo? FindProperty(Type type, string member)
        {
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
            PropertyInfo? p = type.GetProperty(member, flags);
            if (p is null && member.Length > 3 && (member.StartsWith("get", StringComparison.Ordinal) || member.StartsWith("has", StringComparison.Ordinal)))
            {
                p = type.GetProperty(member.Substring(3), flags);
            }

            if (p is null && member.Length > 2 && member.StartsWith("is", StringComparison.Ordinal)) p = type.GetProperty(member.Substring(2), flags);
            return p != null && p.GetIndexParameters().Length == 0 ? p : null;
        }

        private static bool TryDateMember(DateTimeOffset value, string member, out object? result)
        {
            switch (member)
            {
                case "year": result = JavaNumbers.Box(value.Year); return true;
                case "monthValue": result = JavaNumbers.Box(value.Month); return true;
                case "dayOfMonth": result = JavaNumbers.Box(value.Day); return true;
                case "hour": result = JavaNumbers.Box(value.Hour); return true;
                case "minute": result = JavaNumbers.Box(value.Minute); return true;
                case "second": result = JavaNumbers.Box(value.Second); return true;
                case "dayOfWeek": result = value.DayOfWeek == DayOfWeek.Sunday ? "SUNDAY" : value.DayOfWeek.ToString().ToUpperInvariant(); return true;
                default: result = null; return false;
            }
        }

        /// <summary>Java methods called with arguments on strings, lists and maps (<c>s.substring(1, 3)</c>, <c>list.get(0)</c>).</summary>
        public static object? InvokeMethod(object? target, string name, object?[] args, EvaluationContext context, int offset)
        {
            target = PebbleValues.Normalize(target);
            if (args.Length == 0 && TryGetAttribute(target, name, out object? noArgs)) return noArgs;
            if (target is string s && TryStringMethod(s, name, args, context, out object? result)) return result;
            if (PebbleCollections.IsList(target) && TryListMethod(target!, name, args, out result)) return result;
            if (PebbleCollections.IsMap(target) && TryMapMethod(target!, name, args, out result)) return result;
            return GetAttribute(target, name, context, offset);
        }

        private static bool TryStringMethod(string s, string name, object?[] args, EvaluationContext context, out object? result)
        {
            result = null;
            int a0 = 0, a1 = 0;
            bool int0 = args.Length > 0 && PebbleValues.TryToInt(args[0], out a0);
            bool int1 = args.Length > 1 && PebbleValues.TryToInt(args[1], out a1);
            switch (name)
            {
                case "substring" when args.Length == 1 && int0:
                    result = JavaStrings.Substring(s, a0, s.Length);
                    return true;
                case "substring" when args.Length == 2 && int0 && int1:
                    result = JavaStrings.Substring(s, a0, a1);
                    return true;
                case "charAt" when args.Length == 1 && int0:
                    if (a0 < 0 || a0 >= s.Length) throw new ExpressionRuntimeError($"Index {a0} out of bounds for length {s.Length}");
                    result = s[a0].ToString();
                    return true;
                case "contains" when args.Length == 1:
                    result = PebbleValues.Box(s.IndexOf(PebbleValues.ToJavaString(args[0]), StringComparison.Ordinal) >= 0);
                    return true;
                case "startsWith" when args.Length == 1:
                    result = PebbleValues.Box(s.StartsWith(PebbleValues.ToJavaString(args[0]), StringComparison.Ordinal));
                    return true;
                case "endsWith" when args.Length == 1:
                    result = PebbleValues.Box(s.EndsWith(PebbleValues.ToJavaString(args[0]), StringComparison.Ordinal));
                    return true;
                case "indexOf" when args.Length == 1:
                    result = JavaNumbers.Box(s.IndexOf(PebbleValues.ToJavaString(args[0]), StringComparison.Ordinal));
                    return true;
                case "lastIndexOf" when args.Length == 1:
                    result = JavaNumbers.Box(s.LastIndexOf(PebbleValues.ToJavaString(args[0]), StringComparison.Ordinal));
                    return true;
                case "equals" when args.Length == 1:
                    result = PebbleValues.Box(args[0] is string other && string.Equals(s, other, StringComparison.Ordinal));
                    return true;
                case "equalsIgnoreCase" when args.Length == 1:
                    result = PebbleValues.Box(args[0] is string other2 && string.Equals(s, other2, StringComparison.OrdinalIgnoreCase));
                    return true;
                case "concat" when args.Length == 1:
                    result = s + PebbleValues.ToJavaString(args[0]);
                    return true;
                case "replace" when args.Length == 2:
                    string from = PebbleValues.ToJavaString(args[0]);
                    result = from.Length == 0 ? s : s.Replace(from, PebbleValues.ToJavaString(args[1]));
                    PebbleValues.CheckLength(((string)result).Length, context.Options.MaxStringLength);
                    return true;
                case "split" when args.Length >= 1:
                    int limit = args.Length > 1 && int1 ? a1 : 0;
                    result = JavaStrings.Split(s, PebbleValues.ToJavaString(args[0]), limit, context.Options.RegexTimeout);
                    return true;
                default:
                    return false;
            }
        }

        private static bool TryListMethod(object list, string name, object?[] args, out object? result)
        {
            result = null;
            switch (name)
            {
                case "get" when args.Length == 1 && PebbleValues.TryToInt(args[0], out int index):
                    if (!PebbleCollections.TryGetAt(list, index, out result))
                    {
                        throw new ExpressionRuntimeError($"Index {index} out of bounds for length {PebbleCollections.Count(list)}");
                    }

                    return true;
                case "contains" when args.Length == 1:
                    foreach (object? item in PebbleCollections.ToList(list))
                    {
                        if (PebbleValues.JavaEquals(item, args[0])) { result = PebbleValues.True; return true; }
                    }

                    result = PebbleValues.False;
                    return true;
                default:
                    return false;
            }
        }

        private static bool TryMapMethod(object map, string name, object?[] args, out object? result)
        {
            result = null;
            switch (name)
            {
                case "get" when args.Length == 1:
                    PebbleCollections.TryGetMapValue(map, args[0], out result);
                    return true;
                case "containsKey" when args.Length == 1:
                    result = PebbleValues.Box(PebbleCollections.TryGetMapValue(map, args[0], out _));
                    return true;
                default:
                    return false;
            }
        }
    }
}
