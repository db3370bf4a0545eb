using System.Collections.Generic;

namespace PebbleGolden
{
    /// <summary>Collects cases, numbering ids per category and dropping exact duplicates (same template, set and strictness).</summary>
    internal sealed class CaseSink
    {
        private readonly List<GoldenCase> _cases = new List<GoldenCase>();
        private readonly HashSet<string> _seen = new HashSet<string>();
        private readonly Dictionary<string, int> _counters = new Dictionary<string, int>();

        public IReadOnlyList<GoldenCase> Cases => _cases;

        public void Add(string category, string template, string variableSet = VariableSets.Lab, bool strict = false)
        {
            if (!_seen.Add(variableSet + "\u0001" + (strict ? "1" : "0") + "\u0001" + template)) return;
            _counters.TryGetValue(category, out int n);
            _counters[category] = n + 1;
            _cases.Add(new GoldenCase($"{category}/{n + 1:0000}", template, variableSet, strict));
        }
    }
}
