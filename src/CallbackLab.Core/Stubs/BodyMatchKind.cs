namespace CallbackLab.Core.Stubs
{
    /// <summary>The WireMock body patterns a stub supports.</summary>
    public enum BodyMatchKind
    {
        /// <summary>A string operator on the whole body (<c>equalTo</c>, <c>contains</c>, <c>matches</c>…).</summary>
        Text,

        /// <summary><c>equalToJson</c>: the same JSON, whitespace and property order aside.</summary>
        EqualToJson,

        /// <summary><c>matchesJsonPath</c>: the path selects something, and (with an operator) one selected value satisfies it.</summary>
        JsonPath,
    }
}
