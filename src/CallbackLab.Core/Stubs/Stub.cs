using System;
using System.Collections.Generic;
using System.Threading;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Stubs
{
    /// <summary>
    /// One stub: a request pattern and the answers to it. Read from WireMock mapping JSON (with CallbackLab's extensions,
    /// see docs/stubs.md); <see cref="Mapping"/> keeps that JSON, so a stub can be saved and read back unchanged.
    /// </summary>
    public sealed class Stub
    {
        /// <summary>WireMock's default priority; 1 is the highest.</summary>
        public const int DefaultPriority = 5;

        private readonly JObject _mapping;
        private int _calls;

        internal Stub(Guid id, string? name, int priority, StubRequestPattern request, IReadOnlyList<StubResponse> responses,
            string? scenarioName, string? requiredScenarioState, string? newScenarioState, string? source, JObject mapping)
        {
            if (responses.Count == 0) throw new ArgumentException("A stub needs at least one response.", nameof(responses));
            Id = id;
            Name = string.IsNullOrEmpty(name) ? request.ToString() : name!;
            Priority = priority;
            Request = request;
            Responses = responses;
            ScenarioName = scenarioName;
            RequiredScenarioState = requiredScenarioState;
            NewScenarioState = newScenarioState;
            Source = source;
            _mapping = mapping;
        }

        /// <summary>The stub's id (WireMock's <c>id</c>/<c>uuid</c>; a new one when the mapping has none).</summary>
        public Guid Id { get; }

        /// <summary>The name; the request pattern in one line when the mapping has none.</summary>
        public string Name { get; }

        /// <summary>The priority: 1 is the highest, <see cref="DefaultPriority"/> by default.</summary>
        public int Priority { get; }

        /// <summary>What a request must look like.</summary>
        public StubRequestPattern Request { get; }

        /// <summary>The answers in order; the last one repeats once the sequence is used up. One answer for a plain stub.</summary>
        public IReadOnlyList<StubResponse> Responses { get; }

        /// <summary>WireMock's <c>scenarioName</c>; null when the stub is not part of a scenario.</summary>
        public string? ScenarioName { get; }

        /// <summary>The scenario state the stub answers in (<c>Started</c> at first); null for any.</summary>
        public string? RequiredScenarioState { get; }

        /// <summary>The scenario state after the stub answered; null to keep it.</summary>
        public string? NewScenarioState { get; }

        /// <summary>The file the stub was read from; null when it was added another way.</summary>
        public string? Source { get; }

        /// <summary>How many requests the stub has answered since it was added (or since the sequences were reset).</summary>
        public int CallCount => Volatile.Read(ref _calls);

        /// <summary>The method the stub answers, or ANY.</summary>
        public string Method => Request.Method ?? "ANY";

        /// <summary>The URL constraint as written, or <c>*</c> for any.</summary>
        public string Url => Request.Url.Kind == UrlMatchKind.Any ? (Request.Host != null ? "(host " + Request.Host.Operand + ")" : "*") : Request.Url.Value;

        /// <summary>The first answer's status (with "→" and the others for a sequence), e.g. <c>500→200</c>.</summary>
        public string Status
        {
            get
            {
                var statuses = new string[Responses.Count];
                for (int i = 0; i < Responses.Count; i++)
                {
                    statuses[i] = Responses[i].Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return string.Join("→", statuses);
            }
        }

        /// <summary>The mapping JSON (a copy), with the stub's id.</summary>
        public JObject Mapping => (JObject)_mapping.DeepClone();

        /// <inheritdoc />
        public override string ToString() => Name;

        /// <summary>The answer for the next call, which it counts: the sequence moves on.</summary>
        internal StubResponse TakeResponse()
        {
            int call = Interlocked.Increment(ref _calls) - 1;
            return Responses[Math.Min(call, Responses.Count - 1)];
        }

        internal void ResetCalls() => Interlocked.Exchange(ref _calls, 0);
    }
}
