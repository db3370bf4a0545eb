using System;
using System.Collections.Generic;
using System.Globalization;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>Renders an activity's prompts (audio files and TTS) and works out how long they play on the virtual clock.</summary>
    internal static class Prompts
    {
        /// <summary>The virtual length of an audio file (the simulator has no audio).</summary>
        internal static readonly TimeSpan AudioFile = TimeSpan.FromSeconds(5);

        /// <summary>Speech rate used for TTS prompts.</summary>
        private const double WordsPerSecond = 2.5;

        /// <summary>Renders every prompt; returns the text the caller hears (file names and TTS text, joined) and its duration.</summary>
        internal static string Render(SimulationContext context, FlowActivity activity, out TimeSpan duration)
        {
            // Most activities have one prompt: no list and no join for them.
            string? first = null;
            List<string>? all = null;
            duration = TimeSpan.Zero;
            foreach (string key in s_promptKeys)
            {
                if (!(activity.Json[key] is JArray prompts))
                {
                    continue;
                }

                foreach (JToken prompt in prompts)
                {
                    string? value = prompt.Type == JTokenType.String ? (string?)prompt : (string?)prompt["value"];
                    if (string.IsNullOrEmpty(value))
                    {
                        continue;
                    }

                    string rendered = context.Render(value!);
                    bool tts = ReferenceEquals(key, s_promptKeys[0]) || (string?)prompt["type"] == "tts";
                    if (first == null)
                    {
                        first = rendered;
                    }
                    else
                    {
                        (all ??= new List<string> { first }).Add(rendered);
                    }

                    duration += tts ? SpeechDuration(rendered) : AudioFile;
                }
            }

            return all != null ? string.Join(" | ", all) : first ?? string.Empty;
        }

        /// <summary>Where exports keep prompts: TTS first, then audio files (or either, by each prompt's type).</summary>
        private static readonly string[] s_promptKeys = { "promptsTts", "prompts" };

        /// <summary>
        /// Plays the prompts, then takes the caller's next input. With none (or an empty one) the activity waits its
        /// <c>entryTimeout</c> and returns false: the caller timed out.
        /// </summary>
        internal static bool PromptForInput(SimulationContext context, FlowActivity activity, TimeSpan defaultEntryTimeout, out string input)
        {
            Render(context, activity, out TimeSpan promptTime);
            context.Advance(promptTime);
            if (context.TryTakeInput(out input) && input.Length > 0)
            {
                return true;
            }

            context.Advance(Seconds(context, activity, "entryTimeout", defaultEntryTimeout));
            return false;
        }

        /// <summary>Reads a seconds property (number or numeric text); <paramref name="fallback"/> when missing or empty.</summary>
        internal static TimeSpan Seconds(SimulationContext context, FlowActivity activity, string property, TimeSpan fallback)
        {
            ActivityProperty read = ActivityCache.Of(activity).Property(property);
            if (string.IsNullOrWhiteSpace(read.Text))
            {
                return fallback;
            }

            string rendered = read.IsTemplate ? context.Render(read.Text) : read.Text;
            return double.TryParse(rendered, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(seconds)
                : fallback;
        }

        private static TimeSpan SpeechDuration(string text)
        {
            // Words are runs of anything but space, tab and newline (counted in place: every TTS prompt asks).
            int words = 0;
            bool inWord = false;
            foreach (char c in text)
            {
                bool separator = c == ' ' || c == '\t' || c == '\n';
                if (!separator && !inWord)
                {
                    words++;
                }

                inWord = !separator;
            }

            return TimeSpan.FromSeconds(Math.Max(1.0, words / WordsPerSecond));
        }
    }
}
