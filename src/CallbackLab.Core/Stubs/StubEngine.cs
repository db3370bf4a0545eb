using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace CallbackLab.Core.Stubs
{
    /// <summary>
    /// The stubs and how a request picks one, as WireMock does: among the stubs that match, the highest priority (the lowest
    /// number, 5 by default) answers; among equal priorities the most specific (see <see cref="StubRequestPattern.Specificity"/>);
    /// among equally specific ones the most recently added. Scenario states and sequences move on with each answer.
    /// Thread-safe: simulations running in parallel share one engine.
    /// </summary>
    public sealed class StubEngine
    {
        /// <summary>A scenario's state before any stub changed it (WireMock's <c>Started</c>).</summary>
        public const string StartedState = "Started";

        private const int UnmatchedCapacity = 1000;
        private readonly object _sync = new object();
        private readonly Dictionary<string, string> _scenarios = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Queue<UnmatchedRequest> _unmatched = new Queue<UnmatchedRequest>();
        private Stub[] _stubs = Array.Empty<Stub>();

        /// <summary>Raised for every request a simulation answered from the stubs (matched or not); the emulator journals them.</summary>
        public event EventHandler<StubExchange>? Exchanged;

        /// <summary>The stubs, oldest first.</summary>
        public IReadOnlyList<Stub> Stubs => Volatile.Read(ref _stubs);

        /// <summary>How many stubs there are.</summary>
        public int Count => Volatile.Read(ref _stubs).Length;

        /// <summary>The last 1,000 requests that were not sent because no stub matched, oldest first.</summary>
        public IReadOnlyList<UnmatchedRequest> Unmatched
        {
            get
            {
                lock (_unmatched)
                {
                    return _unmatched.ToArray();
                }
            }
        }

        /// <summary>Adds stubs; a stub with the id of one already there replaces it (and counts as the most recent).</summary>
        public void Add(IEnumerable<Stub> stubs)
        {
            if (stubs is null) throw new ArgumentNullException(nameof(stubs));
            lock (_sync)
            {
                var list = new List<Stub>(_stubs);
                foreach (Stub stub in stubs)
                {
                    list.RemoveAll(existing => existing.Id == stub.Id);
                    list.Add(stub);
                }

                Volatile.Write(ref _stubs, list.ToArray());
            }
        }

        /// <summary>Adds one stub (see <see cref="Add(IEnumerable{Stub})"/>).</summary>
        public void Add(Stub stub) => Add(new[] { stub ?? throw new ArgumentNullException(nameof(stub)) });

        /// <summary>Removes the stub with <paramref name="id"/>; false when there is none.</summary>
        public bool Remove(Guid id)
        {
            lock (_sync)
            {
                Stub[] kept = _stubs.Where(s => s.Id != id).ToArray();
                bool removed = kept.Length != _stubs.Length;
                Volatile.Write(ref _stubs, kept);
                return removed;
            }
        }

        /// <summary>Removes every stub, the scenario states and the unmatched log; returns how many stubs there were.</summary>
        public int Clear()
        {
            lock (_sync)
            {
                int count = _stubs.Length;
                Volatile.Write(ref _stubs, Array.Empty<Stub>());
                _scenarios.Clear();
                lock (_unmatched)
                {
                    _unmatched.Clear();
                }

                return count;
            }
        }

        /// <summary>Sequences start again at their first answer and every scenario goes back to <see cref="StartedState"/>.</summary>
        public void ResetSequences()
        {
            lock (_sync)
            {
                foreach (Stub stub in _stubs)
                {
                    stub.ResetCalls();
                }

                _scenarios.Clear();
            }
        }

        /// <summary>The state scenario <paramref name="name"/> is in.</summary>
        public string ScenarioState(string name)
        {
            lock (_sync)
            {
                return StateOf(name);
            }
        }

        /// <summary>Finds the stub for <paramref name="request"/> and takes its next answer, or explains the closest miss.</summary>
        public StubMatch Match(StubRequest request)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            Stub? best = null;
            StubResponse? response = null;
            lock (_sync)
            {
                Stub[] stubs = _stubs;
                for (int i = 0; i < stubs.Length; i++)
                {
                    Stub stub = stubs[i];
                    // Later stubs win ties, so one that cannot beat the best so far is not even tried.
                    if (best != null && (stub.Priority > best.Priority || (stub.Priority == best.Priority && stub.Request.Specificity < best.Request.Specificity)))
                    {
                        continue;
                    }

                    if (InScenarioState(stub) && stub.Request.IsMatch(request))
                    {
                        best = stub;
                    }
                }

                if (best != null)
                {
                    response = best.TakeResponse();
                    if (best.ScenarioName != null && best.NewScenarioState != null)
                    {
                        _scenarios[best.ScenarioName] = best.NewScenarioState;
                    }
                }
            }

            return best != null ? new StubMatch(best, response!.Render(request)) : new StubMatch(ClosestMiss(request));
        }

        /// <summary>Keeps <paramref name="unmatched"/> in <see cref="Unmatched"/>.</summary>
        public void RecordUnmatched(UnmatchedRequest unmatched)
        {
            if (unmatched is null) throw new ArgumentNullException(nameof(unmatched));
            lock (_unmatched)
            {
                if (_unmatched.Count >= UnmatchedCapacity)
                {
                    _unmatched.Dequeue();
                }

                _unmatched.Enqueue(unmatched);
            }
        }

        /// <summary>Tells <see cref="Exchanged"/> listeners (the emulator's journal) about a request answered without the network.</summary>
        public void Report(StubExchange exchange)
        {
            if (exchange is null) throw new ArgumentNullException(nameof(exchange));
            Exchanged?.Invoke(this, exchange);
        }

        internal static StubExchange ExchangeOf(StubRequest request, int status, Stub? stub, UnmatchedRequest? unmatched, TimeSpan? delay) =>
            new StubExchange(request, status, stub, unmatched, delay);

        private bool InScenarioState(Stub stub) =>
            stub.ScenarioName == null || stub.RequiredScenarioState == null || string.Equals(StateOf(stub.ScenarioName), stub.RequiredScenarioState, StringComparison.Ordinal);

        private string StateOf(string scenario) => _scenarios.TryGetValue(scenario, out string? state) ? state : StartedState;

        /// <summary>
        /// WireMock's near miss, simply: the stub with the fewest broken constraints, a broken URL (scheme, host, port, path)
        /// counting more than everything else together; ties go to the higher priority, then the newer stub.
        /// </summary>
        private NearMiss ClosestMiss(StubRequest request)
        {
            Stub[] stubs = Volatile.Read(ref _stubs);
            Stub? closest = null;
            IReadOnlyList<string> closestReasons = Array.Empty<string>();
            int closestScore = int.MaxValue;
            foreach (Stub stub in stubs)
            {
                var reasons = new List<string>(stub.Request.Explain(request, out bool urlMismatch));
                string? state;
                lock (_sync)
                {
                    state = InScenarioState(stub) ? null : StateOf(stub.ScenarioName!);
                }

                if (state != null)
                {
                    reasons.Add("scenario '" + stub.ScenarioName + "' is in state '" + state + "', the stub answers in '" + stub.RequiredScenarioState + "'");
                }

                int score = reasons.Count + (urlMismatch ? 1000 : 0);
                if (closest == null || score < closestScore || (score == closestScore && stub.Priority <= closest.Priority))
                {
                    closest = stub;
                    closestScore = score;
                    closestReasons = reasons;
                }
            }

            return new NearMiss(closest, closestReasons);
        }
    }
}
