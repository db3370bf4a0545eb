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
        // Created on first use: most calls assume little or nothing, and every call builds a world.
        private List<AssumedWorldEntry>? _assumed;
        private HashSet<string>? _assumedSettings;
        private readonly IList<VirtualAgentTurn>? _callerTurns;
        private bool[]? _callerTurnUsed;
        private bool[]? _turnUsed;
        private Random? _random;
        private int _nextAnswer;
        private int _nextMessage;
        private Dictionary<string, string>? _passwords;

        internal SimulationWorld(IvrWorld world, IList<VirtualAgentTurn>? callerTurns = null)
        {
            Settings = world;
            _callerTurns = callerTurns;
        }

        internal IvrWorld Settings { get; }

        internal IReadOnlyList<AssumedWorldEntry> Assumed => (IReadOnlyList<AssumedWorldEntry>?)_assumed ?? Array.Empty<AssumedWorldEntry>();

        /// <summary>The queue the contact was last put in; null while not queued.</summary>
        internal string? QueuedTo { get; set; }

        /// <summary>The call distribution group the contact is in (1 once queued).</summary>
        internal int CurrentGroup { get; set; }

        /// <summary>One-time passwords generated in this call, by transaction reference.</summary>
        internal Dictionary<string, string> Passwords => _passwords ??= new Dictionary<string, string>(StringComparer.Ordinal);

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

            if (_assumedSettings == null || !_assumedSettings.Contains(name))
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
            if ((_assumedSettings ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(setting))
            {
                (_assumed ??= new List<AssumedWorldEntry>()).Add(new AssumedWorldEntry(setting, value, activityName, reason));
            }
        }

        /// <summary>
        /// The next scripted turn for the Virtual Agent activity <paramref name="activityName"/>: the caller's script first, then
        /// the world's; null when neither has one left (the default applies). <paramref name="source"/> says whose it was.
        /// </summary>
        internal VirtualAgentTurn? TakeTurn(string activityName, out VirtualAgentTurnSource source)
        {
            VirtualAgentTurn? turn = Take(_callerTurns, ref _callerTurnUsed, activityName);
            if (turn != null)
            {
                source = VirtualAgentTurnSource.Caller;
                return turn;
            }

            turn = Take(Settings.VirtualAgentTurns, ref _turnUsed, activityName);
            source = turn == null ? VirtualAgentTurnSource.Default : VirtualAgentTurnSource.World;
            return turn;
        }

        /// <summary>The first unused turn of <paramref name="turns"/> for the activity (or for any activity), marked used.</summary>
        private static VirtualAgentTurn? Take(IList<VirtualAgentTurn>? turns, ref bool[]? used, string activityName)
        {
            if (turns == null || turns.Count == 0)
            {
                return null;
            }

            used ??= new bool[turns.Count];
            for (int i = 0; i < used.Length && i < turns.Count; i++)
            {
                VirtualAgentTurn turn = turns[i];
                if (!used[i] && turn != null
                    && (string.IsNullOrEmpty(turn.ActivityName) || string.Equals(turn.ActivityName, activityName, StringComparison.OrdinalIgnoreCase)))
                {
                    used[i] = true;
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
