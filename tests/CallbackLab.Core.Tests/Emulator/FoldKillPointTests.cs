using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Emulator.Storage;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>
    /// A kill at each step of a background fold leaves one of three sets of files; every one must start into the state that
    /// holds every change (the replay of a log the snapshot already holds must be harmless, deletes and a reset included).
    /// </summary>
    [Trait("Category", "CrashAndFault")]
    public sealed class FoldKillPointTests : IDisposable
    {
        private const string Seed = "[{\"id\":\"1\",\"dn\":\"seed\"}]";
        private const string DynVars = "flowdesigner/Lab/DynVars";
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "cblab-foldkill-" + Guid.NewGuid().ToString("N"));

        public FoldKillPointTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public void Dispose()
        {
            Directory.Delete(_folder, recursive: true);
        }

        [Theory]
        [InlineData("killed after the log was renamed, before the snapshot was written")]
        [InlineData("killed after the snapshot was written, before the old log was deleted")]
        [InlineData("killed after the old log was deleted")]
        public void EveryFoldStepStartsIntoTheStateThatHoldsEveryChange(string killPoint)
        {
            List<StoreChange> folded = new List<StoreChange>
            {
                Put("2", "a", 3), Put("3", "b", 4), Delete("2"), Task("t1"), Put("1", "seed-updated", 4),
                StoreChange.Reset(), Put("4", "after-reset", 5), Delete("1"), Task("t2"),
            };
            List<StoreChange> later = new List<StoreChange> { Put("5", "later", 6), Delete("4"), Task("t3"), Put("5", "later-updated", 6) };

            string data = Path.Combine(_folder, "lab.json");
            string before = State(Array.Empty<StoreChange>());
            string afterFold = State(folded);
            bool snapshotWritten = !killPoint.Contains("before the snapshot", StringComparison.Ordinal);
            bool oldLogDeleted = killPoint.Contains("after the old log was deleted", StringComparison.Ordinal);
            File.WriteAllText(data, snapshotWritten ? afterFold : before);
            if (!oldLogDeleted)
            {
                File.WriteAllLines(data + ".log.old", folded.Select(change => change.ToLine()));
            }

            File.WriteAllLines(data + ".log", later.Select(change => change.ToLine()));

            var restarted = new LabState(Seed, data);
            string actual = DataSnapshot.Write(restarted.Resources, restarted.Tasks);
            restarted.Close();

            Assert.Equal(State(folded.Concat(later)), actual);
            Assert.Empty(restarted.StartWarnings);
            Assert.False(File.Exists(data + ".log.old"));
        }

        /// <summary>The state an emulator without a data file reaches by committing the changes in order.</summary>
        private static string State(IEnumerable<StoreChange> changes)
        {
            var memory = new LabState(Seed, null);
            foreach (StoreChange change in changes)
            {
                memory.Commit(change);
            }

            return DataSnapshot.Write(memory.Resources, memory.Tasks);
        }

        private static StoreChange Put(string id, string dn, long nextId) =>
            StoreChange.Put(DynVars, new JObject { ["id"] = id, ["dn"] = dn }, nextId);

        private static StoreChange Delete(string id) => StoreChange.Delete(DynVars, id);

        private static StoreChange Task(string id) =>
            StoreChange.AddTask(new RecordedTask(id, new JObject { ["ani"] = "+15550100" }, DateTimeOffset.FromUnixTimeMilliseconds(1700000000000)));
    }
}
