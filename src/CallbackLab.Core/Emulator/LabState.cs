using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator.Storage;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary>
    /// Everything the emulator stores: MockAPI resources and recorded WxCC tasks, behind one lock.
    /// With a data file, a change is first appended to the data log and synced (<see cref="Commit"/>), and only then applied and
    /// acknowledged: a change that cannot be made durable changes nothing, and an acknowledged one survives a kill. The log is
    /// folded into the data file (the snapshot) in the background once it is as large as the snapshot, at start and at a clean stop.
    /// </summary>
    [SuppressMessage("Design", "CA1001", Justification = "Close() disposes the log under the write lock; the emulator calls it when it stops.")]
    internal sealed class LabState
    {
        private readonly string _seedJson;
        private readonly IReadOnlyDictionary<string, IReadOnlyList<JObject>>? _wxccSeed;
        private readonly string? _dataPath;
        private readonly HashSet<string> _taskIds = new HashSet<string>(StringComparer.Ordinal);
        private readonly object _snapshotGate = new object();
        private readonly DataLog? _log;

        /// <summary>The log is folded once it holds this many bytes, or as many as the snapshot, whichever is more: amortized O(1) writes.</summary>
        private readonly long _foldBytes;
        private long _snapshotBytes;
        private long _generation;
        private long _writtenGeneration;
        private Task? _compaction;
        private bool _closed;

        /// <param name="seedJson">The MockAPI resources to start with (see <see cref="ParseSeed"/>).</param>
        /// <param name="dataPath">The data file; null keeps everything in memory.</param>
        /// <param name="openLog">Opens the data log (tests make it fail); null opens the file.</param>
        /// <param name="foldBytes">The log size from which it is folded into the data file.</param>
        /// <param name="wxccSeed">The WxCC records to start with, by collection (<see cref="WxccRecords.Names"/>); null: none.</param>
        /// <param name="orgId">The organization id when the data file names none; null: a new GUID.</param>
        internal LabState(string seedJson, string? dataPath, Func<string, Stream>? openLog = null, long foldBytes = 1024 * 1024,
            IReadOnlyDictionary<string, IReadOnlyList<JObject>>? wxccSeed = null, string? orgId = null)
        {
            _seedJson = seedJson;
            _wxccSeed = wxccSeed;
            _dataPath = dataPath;
            _foldBytes = Math.Max(1, foldBytes);
            OrgId = orgId ?? Guid.NewGuid().ToString();
            if (dataPath == null)
            {
                LoadSeed(seedJson);
                LoadWxccSeed();
                return;
            }

            StaleTemporaryFiles.Remove(dataPath);
            try
            {
                if (File.Exists(dataPath))
                {
                    OrgId = DataSnapshot.Read(File.ReadAllText(dataPath), Resources, Tasks, Wxcc, out bool hasWxcc) ?? OrgId;
                    foreach (RecordedTask task in Tasks)
                    {
                        _taskIds.Add(task.Id);
                    }

                    if (!hasWxcc)
                    {
                        LoadWxccSeed(); // a file written before the WxCC records existed
                    }
                }
                else
                {
                    LoadSeed(seedJson);
                    LoadWxccSeed();
                }

                // A fold that a kill interrupted leaves the old log beside the new one: replay both, oldest first.
                foreach (string log in new[] { OldLogPath, LogPath })
                {
                    foreach (StoreChange change in DataLogReader.Read(log, StartWarnings))
                    {
                        Apply(change);
                    }
                }
            }
            catch (InvalidDataException ex)
            {
                Resources.Clear();
                Tasks.Clear();
                Wxcc.Clear();
                throw new InvalidDataException($"The emulator data file '{dataPath}' is not a valid data file: {ex.Message}", ex);
            }

            // Fold at start, so the next start reads one file and a torn tail is reported once.
            string snapshot = DataSnapshot.Write(Resources, Tasks, Wxcc, OrgId);
            WriteSnapshot(++_generation, snapshot);
            _snapshotBytes = snapshot.Length;
            File.Delete(OldLogPath);
            _log = new DataLog(LogPath, openLog ?? DataLog.OpenFile);
            if (_log.Length > 0)
            {
                _log.Clear();
            }
        }

        /// <summary>Taken by handlers around every read and change.</summary>
        internal object Sync { get; } = new object();

        /// <summary>Resources by path without leading or trailing slash, e.g. <c>flowdesigner/Lab/DynVars</c>. Paths are case-sensitive, like URLs.</summary>
        internal Dictionary<string, MockResource> Resources { get; } = new Dictionary<string, MockResource>(StringComparer.Ordinal);

        internal List<RecordedTask> Tasks { get; } = new List<RecordedTask>();

        /// <summary>Flows, entry points, queues and runs (<see cref="WxccRecords"/>).</summary>
        internal WxccRecords Wxcc { get; } = new WxccRecords();

        /// <summary>The organization the WxCC routes answer for: kept in the data file, so it survives a restart.</summary>
        internal string OrgId { get; }

        /// <summary>What the start found and repaired (a torn log tail), each said once.</summary>
        internal List<string> StartWarnings { get; } = new List<string>();

        private string LogPath => _dataPath + ".log";

        private string OldLogPath => _dataPath + ".log.old";

        /// <summary>Parses a seed: an array (the DynVars records) or an object mapping resource paths to arrays.</summary>
        internal static Dictionary<string, JArray> ParseSeed(string seedJson)
        {
            JToken token = JToken.Parse(seedJson);
            var result = new Dictionary<string, JArray>(StringComparer.Ordinal);
            if (token is JArray array)
            {
                result[LabSeed.DynVarsResource] = array;
            }
            else if (token is JObject obj)
            {
                foreach (KeyValuePair<string, JToken?> pair in obj)
                {
                    if (!(pair.Value is JArray records))
                    {
                        throw new FormatException($"Seed resource '{pair.Key}' must be a JSON array of objects.");
                    }

                    result[pair.Key.Trim('/')] = records;
                }
            }
            else
            {
                throw new FormatException("A seed must be a JSON array of records or an object mapping resource paths to arrays.");
            }

            foreach (KeyValuePair<string, JArray> pair in result)
            {
                foreach (JToken record in pair.Value)
                {
                    if (!(record is JObject))
                    {
                        throw new FormatException($"Seed resource '{pair.Key}' holds a value that is not a JSON object.");
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// Makes <paramref name="change"/> durable (with a data file), then applies it. Caller holds <see cref="Sync"/>.
        /// </summary>
        /// <exception cref="DataWriteException">The change could not be saved; nothing changed.</exception>
        internal void Commit(StoreChange change)
        {
            if (_closed)
            {
                throw new DataWriteException("The emulator is stopping; the change was not saved.", writesStopped: true);
            }

            _log?.Append(change.ToLine());
            Apply(change);
            if (_log != null)
            {
                CompactWhenDue();
            }
        }

        /// <summary>Folds the log into the snapshot and closes the log; further changes are refused. Safe to call twice.</summary>
        internal void Close()
        {
            lock (Sync)
            {
                if (_closed || _log == null)
                {
                    _closed = true;
                    return;
                }

                _closed = true;
                try
                {
                    FoldNow();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    // The log still holds every change; the next start folds it.
                }
                finally
                {
                    _log.Dispose();
                }
            }
        }

        /// <summary>The next id of a resource as MockAPI shows it: a string. Null when the resource has used every id.</summary>
        internal static string? PeekId(MockResource resource) =>
            resource.IdsExhausted ? null : resource.NextId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private void Apply(StoreChange change)
        {
            switch (change.Kind)
            {
                case StoreChange.PutKind:
                    if (!Resources.TryGetValue(change.Resource!, out MockResource? resource))
                    {
                        resource = new MockResource(1);
                        Resources[change.Resource!] = resource;
                    }

                    resource.Put(change.Record!);
                    resource.AtLeast(change.NextId);
                    break;
                case StoreChange.DeleteKind:
                    if (Resources.TryGetValue(change.Resource!, out MockResource? owner))
                    {
                        owner.Remove(change.Id!);
                    }

                    break;
                case StoreChange.TaskKind:
                    if (_taskIds.Add(change.Task!.Id))
                    {
                        Tasks.Add(change.Task);
                    }

                    break;
                case StoreChange.WxccKind:
                    Wxcc[change.Resource!].Put(change.Record!);
                    break;
                case StoreChange.ResetKind:
                    Resources.Clear();
                    Tasks.Clear();
                    _taskIds.Clear();
                    Wxcc.Clear();
                    LoadSeed(_seedJson);
                    LoadWxccSeed();
                    break;
            }
        }

        /// <summary>Starts a background fold once the log is large enough. Caller holds <see cref="Sync"/>.</summary>
        private void CompactWhenDue()
        {
            if ((_compaction != null && !_compaction.IsCompleted) || _log!.Length < Math.Max(_foldBytes, _snapshotBytes))
            {
                return;
            }

            try
            {
                if (File.Exists(OldLogPath))
                {
                    FoldNow(); // an earlier background fold failed: fold everything now
                    return;
                }

                long generation = ++_generation;
                string snapshot = DataSnapshot.Write(Resources, Tasks, Wxcc, OrgId);
                _log.RotateTo(OldLogPath);
                _compaction = Task.Run(() => FinishFold(generation, snapshot));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The change is durable in the log; folding is tried again after the next change.
            }
        }

        private void FinishFold(long generation, string snapshot)
        {
            try
            {
                WriteSnapshot(generation, snapshot);
                File.Delete(OldLogPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return; // the old log stays and is replayed at start; the next fold runs synchronously
            }

            lock (Sync)
            {
                _snapshotBytes = Math.Max(_snapshotBytes, snapshot.Length);
            }
        }

        /// <summary>Writes the whole state as the snapshot and empties both logs. Caller holds <see cref="Sync"/>.</summary>
        private void FoldNow()
        {
            string snapshot = DataSnapshot.Write(Resources, Tasks, Wxcc, OrgId);
            WriteSnapshot(++_generation, snapshot);
            File.Delete(OldLogPath);
            _log!.Clear();
            _snapshotBytes = snapshot.Length;
        }

        /// <summary>Writes a snapshot unless a newer one is already written (a background fold may finish after a newer fold).</summary>
        private void WriteSnapshot(long generation, string snapshot)
        {
            lock (_snapshotGate)
            {
                if (generation <= _writtenGeneration)
                {
                    return;
                }

                AtomicFile.WriteAllText(_dataPath!, snapshot);
                _writtenGeneration = generation;
            }
        }

        private void LoadWxccSeed()
        {
            if (_wxccSeed == null)
            {
                return;
            }

            foreach (KeyValuePair<string, IReadOnlyList<JObject>> pair in _wxccSeed)
            {
                foreach (JObject record in pair.Value)
                {
                    Wxcc[pair.Key].Put((JObject)record.DeepClone());
                }
            }
        }

        private void LoadSeed(string seedJson)
        {
            foreach (KeyValuePair<string, JArray> pair in ParseSeed(seedJson))
            {
                var resource = new MockResource(1);
                foreach (JToken record in pair.Value)
                {
                    resource.AddExisting((JObject)record.DeepClone());
                }

                Resources[pair.Key] = resource;
            }
        }
    }
}
