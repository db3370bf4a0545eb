namespace CallbackLab.Core.Stubs
{
    /// <summary>What the stub engine made of one request: the stub that answered and its answer, or the closest miss.</summary>
    public sealed class StubMatch
    {
        internal StubMatch(Stub stub, StubAnswer answer)
        {
            Stub = stub;
            Answer = answer;
        }

        internal StubMatch(NearMiss miss)
        {
            Miss = miss;
        }

        /// <summary>True when a stub answered.</summary>
        public bool IsMatch => Stub != null;

        /// <summary>The stub that answered; null for a miss.</summary>
        public Stub? Stub { get; }

        /// <summary>Its answer; null for a miss.</summary>
        public StubAnswer? Answer { get; }

        /// <summary>For a miss: the closest stub and its mismatches.</summary>
        public NearMiss? Miss { get; }
    }
}
