using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace CallbackLab.Core.Tests.Expressions.Golden
{
    /// <summary>The engine against the real Pebble 4.1.2 (pebble-golden.json, from the oracle via tools/PebbleGolden).</summary>
    public sealed class PebbleGoldenTests
    {
        private const double RequiredAgreement = 99.5;

        private readonly ITestOutputHelper _output;

        public PebbleGoldenTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void TheSuiteHasAtLeastThreeThousandCasesFromEverySource()
        {
            IReadOnlyList<GoldenCase> cases = GoldenSuite.Cases;
            Assert.True(cases.Count >= 3000, $"only {cases.Count} cases");
            foreach (string category in new[] { "table/", "literal/", "variable/", "binary/", "precedence/", "filter/", "test/", "function/", "tag/", "whitespace/", "parse/", "strict/", "flow/", "labflow/", "random/" })
            {
                Assert.Contains(cases, c => c.Id.StartsWith(category, System.StringComparison.Ordinal));
            }

            Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        }

        [Fact]
        public void AgreesWithPebble()
        {
            IReadOnlyDictionary<string, string> skips = GoldenSuite.SkipList();
            var unexpected = new List<string>();
            var staleSkips = new List<string>();
            int agreed = 0;
            foreach (GoldenCase c in GoldenSuite.Cases)
            {
                string? difference = GoldenComparison.Difference(c);
                if (difference is null)
                {
                    agreed++;
                    if (skips.ContainsKey(c.Id)) staleSkips.Add(c.Id);
                }
                else if (!skips.ContainsKey(c.Id))
                {
                    unexpected.Add($"{c.Id} {c.Template}: {difference}");
                }
            }

            double agreement = 100.0 * agreed / GoldenSuite.Cases.Count;
            _output.WriteLine($"Pebble golden suite: {agreed} of {GoldenSuite.Cases.Count} cases agree ({agreement:0.00} %), {skips.Count} on the skip list.");
            int shown = System.Environment.GetEnvironmentVariable("GOLDEN_SHOW_ALL") == "1" ? unexpected.Count : 50;
            foreach (string line in unexpected.Take(shown)) _output.WriteLine(line);
            Assert.True(unexpected.Count == 0, $"{unexpected.Count} cases differ from Pebble and are not on the skip list; first: {unexpected.FirstOrDefault()}");
            Assert.True(staleSkips.Count == 0, "skip-listed cases that now agree (remove them): " + string.Join(", ", staleSkips));
            Assert.True(agreement >= RequiredAgreement, $"agreement {agreement:0.00} % is below {RequiredAgreement} %");
        }

        [Fact]
        public void EverySkipHasAReasonAndNoFlowExpressionIsSkipped()
        {
            var ids = new HashSet<string>(GoldenSuite.Cases.Select(c => c.Id));
            foreach (KeyValuePair<string, string> skip in GoldenSuite.SkipList())
            {
                Assert.True(ids.Contains(skip.Key), $"the skip list names {skip.Key}, which is not in the suite");
                Assert.False(string.IsNullOrWhiteSpace(skip.Value), $"{skip.Key} has no reason");
                Assert.False(GoldenSuite.Cases.First(c => c.Id == skip.Key).FromFlowExport, $"{skip.Key} is a flow export's expression; it may not be skipped");
            }
        }
    }
}
