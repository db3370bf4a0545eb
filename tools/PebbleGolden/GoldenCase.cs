namespace PebbleGolden
{
    /// <summary>One generated case before the oracle has run it: a template, the name of its variable set, strictness.</summary>
    internal sealed class GoldenCase
    {
        public GoldenCase(string id, string template, string variableSet, bool strict)
        {
            Id = id;
            Template = template;
            VariableSet = variableSet;
            Strict = strict;
        }

        public string Id { get; }

        public string Template { get; }

        public string VariableSet { get; }

        public bool Strict { get; }
    }
}
