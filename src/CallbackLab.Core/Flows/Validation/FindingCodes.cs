namespace CallbackLab.Core.Flows.Validation
{
    /// <summary>The codes of <see cref="FlowFinding"/>.</summary>
    public static class FindingCodes
    {
        /// <summary>The flow has no start activity.</summary>
        public const string NoStartActivity = "NoStartActivity";

        /// <summary>A link leads from or to an activity the flow does not have (or crosses between main and event flows).</summary>
        public const string BrokenLink = "BrokenLink";

        /// <summary>No path from the start (or from an event trigger) reaches the activity.</summary>
        public const string Unreachable = "Unreachable";

        /// <summary>A menu's <c>timeout</c> or <c>invalid</c> port, or one of its options, is not wired.</summary>
        public const string UnwiredMenuPort = "UnwiredMenuPort";

        /// <summary>The simulator cannot run this activity type.</summary>
        public const string UnknownActivityType = "UnknownActivityType";

        /// <summary>An expression does not parse; at run time the activity fails and raises OnGlobalError.</summary>
        public const string ExpressionDoesNotParse = "ExpressionDoesNotParse";

        /// <summary>An expression refers to a variable or activity output that does not exist.</summary>
        public const string UnknownReference = "UnknownReference";

        /// <summary>An activity writes to a flow variable that is not declared.</summary>
        public const string UndeclaredVariable = "UndeclaredVariable";

        /// <summary>An activity lacks a property its type needs to run (a Condition's expression, a Subflow's subflow, …).</summary>
        public const string MissingProperty = "MissingProperty";

        /// <summary>An activity property has the wrong JSON shape (an array where text belongs, …); the finding names its path.</summary>
        public const string WrongPropertyType = "WrongPropertyType";

        /// <summary>A link leaves an activity through a port its type does not have, so it never fires.</summary>
        public const string UnknownPort = "UnknownPort";

        /// <summary>A Subflow activity names a subflow the subflow library does not hold.</summary>
        public const string SubflowNotFound = "SubflowNotFound";

        /// <summary>A Subflow activity maps a variable the subflow or the calling flow does not declare.</summary>
        public const string UnknownSubflowVariable = "UnknownSubflowVariable";
    }
}
