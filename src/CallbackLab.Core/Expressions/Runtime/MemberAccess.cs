using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using CallbackLab.Core.Expressions.Values;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>
    /// Pebble's GetAttributeExpression: a map is read by key only, a list or array by index (a number or a numeric
    /// string), anything else through its Java members (<see cref="JavaMembers"/>); plain .NET objects by property.
    /// </summary>
    internal static class MemberAccess
    {
        private const string IndexOutOfBoundsStrict = "Index out of bounds while accessing array with strict variables on.";

        private static readonly ConcurrentDictionary<KeyValuePair<Type, string>, PropertyInfo?> s_propertyCache =
            new ConcurrentDictionary<KeyValuePair<Type, string>, PropertyInfo?>();

        /// <summary>
        /// Reads <paramref name="key"/> of <paramref name="target"/>. In strict mode a null target is reported as the missing
        /// root variable (<paramref name="rootName"/>, when the target is a plain variable) or as an attribute of a null object.
        /// </summary>
        public static object? GetAttribute(object? target, object? key, EvaluationContext context, int offset, string? rootName = null)
        {
            if (target is null)
            {
                if (!context.StrictNow) return null;
                throw context.Error(offset, rootName != null
                    ? $"Root attribute [{rootName}] does not exist or can not be accessed and strict variables is set to true."
                    : "Attempt to get attribute of null object and strict variables is set to true.");
            }

            try
            {
                if (PebbleCollections.IsMap(target))
                {
                    if (PebbleValues.IsNumber(key) && PebbleCollections.MapCount(target) > 0)
                    {
                        throw new ExpressionRuntimeError($"type class java.lang.String not supported for key {PebbleValues.ToJavaString(key)}");
                    }

                    if (PebbleCollections.TryGetMapValue(target, key, out object? found, context.Options.FlowDesignerAdditions)) return found;
                    return NotFound(target, key, context, offset);
                }

                if (PebbleCollections.IsList(target))
                {
                    if (TryIndex(key, out long index))
                    {
                        if (PebbleCollections.TryGetAt(target, index, out object? item)) return item;
                        if (context.StrictNow) throw context.Error(offset, IndexOutOfBoundsStrict);
                        return null;
                    }

                    if (target is JavaArray)
                    {
                        if (context.StrictNow) throw context.Error(offset, IndexOutOfBoundsStrict);
                        return null;
                    }
                }

                if (key is string member && TryMember(target, member, out object? value)) return value;
                return NotFound(target, key, context, offset);
            }
            catch (ExpressionRuntimeError ex)
            {
                throw context.Error(offset, ex.Message, ex);
            }
        }

        /// <summary>The attribute as <see cref="GetAttribute"/> reads it without strictness; false when it does not exist.</summary>
        public static bool TryGetAttribute(object? target, object? key, out object? value)
        {
            value = null;
            if (target is null) return false;
            if (PebbleCollections.IsMap(target)) return PebbleCollections.TryGetMapValue(target, key, out value);
            if (PebbleCollections.IsList(target) && TryIndex(key, out long index)) return PebbleCollections.TryGetAt(target, index, out value);
            return key is string member && TryMember(target, member, out value);
        }

        /// <summary>A Java method call <c>target.name(args)</c>: undefined (null, or an error in strict mode) when no method matches.</summary>
        public static object? InvokeMethod(object? target, string name, object?[] args, EvaluationContext context, int offset)
        {
            for (int i = 0; i < args.Length; i++) args[i] = args[i];
            if (target is null) return GetAttribute(null, name, context, offset);
            if (JavaMembers.TryInvoke(target, name, args, out object? result)) return result;
            return NotFound(target, name, context, offset);
        }

        private static object? NotFound(object target, object? key, EvaluationContext context, int offset)
        {
            if (!context.StrictNow) return null;
            throw context.Error(offset,
                $"Attribute [{PebbleValues.ToJavaString(key)}] of [{PebbleValues.JavaTypeName(target)}] does not exist or can not be accessed and strict variables is set to true.");
        }

        private static bool TryIndex(object? key, out long index)
        {
            if (key is long l)
            {
                index = l;
                return true;
            }

            if (key is string s && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out index)) return true;
            index = 0;
            return false;
        }

        private static bool TryMember(object target, string member, out object? value)
        {
            if (JavaMembers.TryGetProperty(target, member, out value)) return true;
            if (target is DateTimeOffset dto) return TryDateMember(dto, member, out value);
            if (target is string || target is bool || PebbleValues.IsNumber(target) || PebbleCollections.IsList(target) || target is MapEntry || target is SafeString) return false;

            // Plain .NET objects handed in by a caller: a public property by name, then Java's getX/isX bean names.
            Type type = target.GetType();
            PropertyInfo? property = s_propertyCache.GetOrAdd(new KeyValuePair<Type, string>(type, member), k => FindProperty(k.Key, k.Value));
            if (property is null) return false;
            try
            {
                value = ValueImport.Import(property.GetValue(target));
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
                case "dayOfWeek": result = value.DayOfWeek.ToString().ToUpperInvariant(); return true;
                default: result = null; return false;
            }
        }
    }
}
