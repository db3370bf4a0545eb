using System;
using System.Collections.Generic;
using System.Globalization;

namespace CallbackLab.Core.Flows.Simulation.World
{
    /// <summary>
    /// The world as one call sees it: the user's <see cref="IvrWorld"/>, the defaults it fell back on (each recorded once),
    /// and the state that moves during the call (the next scripted turn, answer or message, the seeded random source, OTPs).
    /// </summary>
    internal sealed class SimulationWorld
    {
        private readonly List<AssumedWorldEntry> _assumed = new List<AssumedWorldEntry>();
        private readonly HashSet<string> _assumedSettings = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly bool[] _turnUsed;
        private Random? _random;
        private int _nextAnswer;
        private int _nextMessage;

        internal SimulationWorld(IvrWorld world)
        {
            Settings = world;
            _turnUsed = new bool[world.VirtualAgentTurns?.Count ?? 0];
        }

        internal IvrWorld Settings { get; }

        internal IReadOnlyList<AssumedWorldEntry> Assumed => _assumed;

        /// <summary>The queue the contact was last put in; null while not queued.</summary>
        internal string? QueuedTo { get; set; }

        /// <summary>The call distribution group the contact is in (1 once queued).</summary>
        internal int CurrentGroup { get; set; }

        /// <summary>One-time passwords generated in this call, by transaction reference.</summary>
        internal Dictionary<string, string> Passwords { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The seeded random source (created on first use, recording the default seed when none was set).</summary>
        internal Random Random(string activityName)
        {
            if (_random == null)
            {
                int seed = Value(Settings.Seed, WorldDefaults.Seed, nameof(IvrWorld.Seed), activityName, "random choices repeat from run to run");
                _random = new Random(seed);
            }

            return _random;
        }

        /// <summary>The setting when set, else the default, recorded as assumed.</summary>
        internal T Value<T>(T? setting, T fallback, string name, string activityName, string reason)
            where T : struct
        {
            if (setting.HasValue)
            {
                return setting.Value;
            }

            if (!_assumedSettings.Contains(name))
            {
                Assume(name, Text(fallback), activityName, reason);
            }

            return fallback;
        }

        /// <summary>The setting when set, else the default, recorded as assumed.</summary>
        internal string Text(string? setting, string fallback, string name, string activityName, string reason)
        {
            if (!string.IsNullOrEmpty(setting))
            {
                return setting!;
            }

            Assume(name, fallback, activityName, reason);
            return fallback;
        }

        /// <summary>Records that the run assumed <paramref name="value"/> for <paramref name="setting"/> (once per setting).</summary>
        internal void Assume(string setting, string value, string activityName, string reason)
        {
            if (_assumedSettings.Add(setting))
            {
                _assumed.Add(new AssumedWorldEntry(setting, value, activityName, reason));
            }
        }

        /// <summary>The next scripted turn for the Virtual Agent activity <paramref name="activityName"/>; null when none is left.</summary>
        internal VirtualAgentTurn? TakeTurn(string activityName)
        {
            IList<VirtualAgentTurn>? turns = Settings.VirtualAgentTurns;
            if (turns == null)
            {
                return null;
            }

            for (int i = 0; i < _turnUsed.Length && i < turns.Count; i++)
            {
                VirtualAgentTurn turn = turns[i];
                if (!_turnUsed[i] && turn != null
                    && (string.IsNullOrEmpty(turn.ActivityName) || string.Equals(turn.ActivityName, activityName, StringComparison.OrdinalIgnoreCase)))
                {
                    _turnUsed[i] = true;
                    return turn;
                }
            }

            return null;
        }

        /// <summary>The caller's next survey answer; false when none is left.</summary>
        internal bool TryTakeAnswer(out string answer) => TryTake(Settings.SurveyAnswers, ref _nextAnswer, out answer);

        /// <summary>The next inbound custom message; false when none is left.</summary>
        internal bool TryTakeMessage(out string message) => TryTake(Settings.InboundMessages, ref _nextMessage, out message);

        private static bool TryTake(IList<string>? items, ref int next, out string item)
        {
            if (items != null && next < items.Count)
            {
                item = items[next++] ?? string.Empty;
                return true;
            }

            item = string.Empty;
            return false;
        }

        private static string Text<T>(T value) =>
            value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? string.Empty;
    }
}
