using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;

namespace CallbackLab.PowerShell.Tests.Commands.Api
{
    /// <summary>Every text an object shows down to a few levels of properties and items, as <c>Format-List *</c> or <c>ConvertTo-Json</c> would reach it.</summary>
    internal static class ObjectTexts
    {
        // Levels below the written object: ErrorRecord.Exception.Request.Body is three.
        private const int Depth = 3;

        internal static List<string> Of(IEnumerable<object> items)
        {
            var texts = new List<string>();
            foreach (object item in items)
            {
                Walk(item, 0, texts, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }

            return texts;
        }

        private static void Walk(object? value, int level, List<string> texts, HashSet<object> seen)
        {
            object? raw = value is PSObject ps ? ps.BaseObject : value;
            if (raw is null || raw is SecureString || !seen.Add(raw))
            {
                return;
            }

            texts.Add(raw.ToString() ?? string.Empty);
            if (level >= Depth || raw is string || raw.GetType().IsPrimitive || raw is Type || raw is System.Reflection.MemberInfo)
            {
                return;
            }

            if (raw is IEnumerable items)
            {
                foreach (object? item in items.Cast<object?>().Take(100))
                {
                    Walk(item, level + 1, texts, seen);
                }
            }

            foreach (PSPropertyInfo property in PSObject.AsPSObject(raw).Properties)
            {
                object? propertyValue;
                try
                {
                    propertyValue = property.Value;
                }
                catch (Exception ex) when (ex is GetValueException || ex is ExtendedTypeSystemException || ex is InvalidOperationException)
                {
                    continue;
                }

                Walk(propertyValue, level + 1, texts, seen);
            }
        }
    }
}
