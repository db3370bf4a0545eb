using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace CallbackLab.Core.Emulator
{
    /// <summary>Holds the installed <see cref="FaultRule"/>s and decides, per request, which one (if any) applies.</summary>
    internal sealed class FaultInjector
    {
        private readonly object _sync = new object();
        private readonly List<(FaultRule Rule, Regex Path)> _rules = new List<(FaultRule, Regex)>();
        private readonly Random _random = new Random();
        private volatile int _count;

        internal void Add(FaultRule rule)
        {
            rule.Validate();
            var regex = new Regex("^" + Regex.Escape(rule.PathPattern).Replace("\\*", ".*").Replace("\\?", ".") + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            lock (_sync)
            {
                _rules.Add((rule, regex));
                _count = _rules.Count;
            }
        }

        internal void Clear()
        {
            lock (_sync)
            {
                _rules.Clear();
                _count = 0;
            }
        }

        internal IReadOnlyList<FaultRule> Rules
        {
            get
            {
                lock (_sync)
                {
                    return _rules.ConvertAll(r => r.Rule);
                }
            }
        }

        /// <summary>The first rule that matches, still has uses left and wins its probability draw; it counts as applied.</summary>
        internal FaultRule? Match(string method, string path)
        {
            if (_count == 0)
            {
                return null;
            }

            lock (_sync)
            {
                foreach ((FaultRule rule, Regex regex) in _rules)
                {
                    if ((rule.Method != "*" && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)) || !regex.IsMatch(path))
                    {
                        continue;
                    }

                    if (rule.Count.HasValue && rule.Applied >= rule.Count.Value)
                    {
                        continue;
                    }

                    if (rule.Probability < 1.0 && _random.NextDouble() >= rule.Probability)
                    {
                        continue;
                    }

                    rule.Applied++;
                    return rule;
                }
            }

            return null;
        }
    }
}
