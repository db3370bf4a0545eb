using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Reads virtual-agent turns from what PowerShell gives, one way for a caller's <c>-VirtualAgent</c> and the world's
    /// <c>-VirtualAgentTurn</c>: text as a CSV cell holds it (<c>"Escalated LastIntent=billing; Billing:Handled"</c>), a
    /// hashtable or object per turn (<c>@{ End = 'Escalated'; LastIntent = 'billing' }</c>: End, Activity and Duration set
    /// the turn, Outputs or any other key is an output it returns), a VirtualAgentTurn, or an array of any of these.
    /// </summary>
    internal static class VirtualAgentScript
    {
        private static readonly string[] s_endKeys = { "End", "Ends", "EndsWith" };
        private static readonly string[] s_activityKeys = { "Activity", "ActivityName" };

        /// <summary>The turns in order; null when <paramref name="value"/> is null or holds no turn.</summary>
        /// <exception cref="ArgumentException">A turn does not read; the message names it and says what is expected.</exception>
        internal static List<VirtualAgentTurn>? Read(object? value)
        {
            var turns = new List<VirtualAgentTurn>();
            Add(turns, value, 0);
            return turns.Count == 0 ? null : turns;
        }

        private static void Add(List<VirtualAgentTurn> turns, object? raw, int depth)
        {
            object? value = raw is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : raw;
            switch (value)
            {
                case null:
                    return;
                case VirtualAgentTurn turn:
                    turns.Add(turn);
                    return;
                case string text:
                    try
                    {
                        turns.AddRange(WorldText.ParseTurns(text));
                    }
                    catch (FormatException ex)
                    {
                        throw new ArgumentException(ex.Message + " Write a turn as '[Activity:]End [name=value,...]', entries separated by ';'.", ex);
                    }

                    return;
                case IDictionary dictionary:
                    var entries = new List<KeyValuePair<string, object?>>();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        entries.Add(new KeyValuePair<string, object?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value));
                    }

                    turns.Add(FromProperties(entries));
                    return;
                case PSObject custom:
                    var properties = new List<KeyValuePair<string, object?>>();
                    foreach (PSPropertyInfo property in custom.Properties)
                    {
                        properties.Add(new KeyValuePair<string, object?>(property.Name, property.Value));
                    }

                    turns.Add(FromProperties(properties));
                    return;
                case IEnumerable items when depth == 0:
                    foreach (object? item in items)
                    {
                        Add(turns, item, depth + 1);
                    }

                    return;
                default:
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                        "A virtual-agent turn cannot be a {0}: give text such as 'Escalated LastIntent=billing' or a hashtable such as @{{ End = 'Escalated'; LastIntent = 'billing' }}.",
                        value.GetType().Name));
            }
        }

        /// <summary>A turn from its properties: End, Activity and Duration set it; Outputs and every other property are outputs.</summary>
        private static VirtualAgentTurn FromProperties(List<KeyValuePair<string, object?>> properties)
        {
            var turn = new VirtualAgentTurn();
            var outputs = new Hashtable(StringComparer.OrdinalIgnoreCase);
            bool hasEnd = false;
            foreach (KeyValuePair<string, object?> property in properties)
            {
                string key = property.Key;
                object? value = property.Value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : property.Value;
                if (Array.Exists(s_endKeys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
                {
                    turn.End = End(value);
                    hasEnd = true;
                }
                else if (Array.Exists(s_activityKeys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
                {
                    string? activity = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
                    turn.ActivityName = string.IsNullOrEmpty(activity) ? null : activity;
                }
                else if (string.Equals(key, nameof(VirtualAgentTurn.Duration), StringComparison.OrdinalIgnoreCase))
                {
                    turn.Duration = Duration(value);
                }
                else if (string.Equals(key, nameof(VirtualAgentTurn.Outputs), StringComparison.OrdinalIgnoreCase))
                {
                    foreach (KeyValuePair<string, object?> output in PowerShellFlowVariables.ToVariables(value) ?? new Dictionary<string, object?>())
                    {
                        outputs[output.Key] = output.Value;
                    }
                }
                else
                {
                    outputs[key] = value;
                }
            }

            if (!hasEnd)
            {
                throw new ArgumentException("A virtual-agent turn needs End: Handled, Escalated, Error or CallerHungUp.");
            }

            foreach (KeyValuePair<string, object?> output in PowerShellFlowVariables.ToVariables(outputs)!)
            {
                turn.Outputs[output.Key] = output.Value;
            }

            return turn;
        }

        private static VirtualAgentTurnEnd End(object? value)
        {
            if (value is VirtualAgentTurnEnd end)
            {
                return end;
            }

            string text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
            if (text.Length > 0 && !char.IsDigit(text[0]) && Enum.TryParse(text, ignoreCase: true, out VirtualAgentTurnEnd parsed)
                && Enum.IsDefined(typeof(VirtualAgentTurnEnd), parsed))
            {
                return parsed;
            }

            throw new ArgumentException("The turn end '" + text + "' is not Handled, Escalated, Error or CallerHungUp.");
        }

        /// <summary>A TimeSpan, its text (<c>00:00:45</c>) or a number of seconds.</summary>
        private static TimeSpan Duration(object? value)
        {
            switch (value)
            {
                case TimeSpan span:
                    return span;
                case int seconds:
                    return TimeSpan.FromSeconds(seconds);
                case long seconds:
                    return TimeSpan.FromSeconds(seconds);
                case double seconds:
                    return TimeSpan.FromSeconds(seconds);
                case string text when TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out TimeSpan parsed):
                    return parsed;
                default:
                    throw new ArgumentException("The Duration of a virtual-agent turn '" + value + "' is not a TimeSpan, 'hh:mm:ss' or a number of seconds.");
            }
        }
    }
}
