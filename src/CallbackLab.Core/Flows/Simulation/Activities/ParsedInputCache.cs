using System;
using System.Runtime.CompilerServices;
using System.Threading;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// The last document each Parse activity read, keyed by its text and content type: most runs hand a Parse the same
    /// text (a variable's default, a stub's body), and parsing it again costs more than the rest of the activity. The
    /// document is only read (JSONPath selection copies what it returns), so runs in parallel may share it.
    /// </summary>
    internal static class ParsedInputCache
    {
        private static readonly ConditionalWeakTable<FlowActivity, Slot> s_slots = new ConditionalWeakTable<FlowActivity, Slot>();

        /// <summary>The document for <paramref name="text"/>, parsed by <paramref name="parse"/> unless it is the one parsed last.</summary>
        internal static JToken Get(FlowActivity activity, string text, string contentType, Func<string, string, JToken> parse)
        {
            Slot slot = s_slots.GetOrCreateValue(activity);
            Entry? last = Volatile.Read(ref slot.Last);
            if (last != null && string.Equals(last.Text, text, StringComparison.Ordinal) && string.Equals(last.ContentType, contentType, StringComparison.Ordinal))
            {
                return last.Document;
            }

            JToken document = parse(text, contentType);
            Volatile.Write(ref slot.Last, new Entry(text, contentType, document));
            return document;
        }

        private sealed class Slot
        {
            internal Entry? Last;
        }

        private sealed class Entry
        {
            internal Entry(string text, string contentType, JToken document)
            {
                Text = text;
                ContentType = contentType;
                Document = document;
            }

            internal string Text { get; }

            internal string ContentType { get; }

            internal JToken Document { get; }
        }
    }
}
