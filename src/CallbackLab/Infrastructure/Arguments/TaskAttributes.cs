using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace CallbackLab.Infrastructure
{
    /// <summary>A task's -Attribute hashtable as the name/value pairs Core sends, in the hashtable's order ([ordered]@{} keeps it).</summary>
    internal static class TaskAttributes
    {
        /// <summary>The pairs of <paramref name="attributes"/> (values as invariant text); null for null.</summary>
        internal static List<KeyValuePair<string, string>>? ToPairs(IDictionary? attributes)
        {
            if (attributes is null)
            {
                return null;
            }

            var pairs = new List<KeyValuePair<string, string>>();
            foreach (DictionaryEntry entry in attributes)
            {
                object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                pairs.Add(new KeyValuePair<string, string>(
                    entry.Key?.ToString() ?? string.Empty, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
            }

            return pairs;
        }
    }
}
