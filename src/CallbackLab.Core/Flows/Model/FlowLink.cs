namespace CallbackLab.Core.Flows.Model
{
    /// <summary>A link (edge): from an activity's output port (<c>conditionExpr</c>) to the next activity.</summary>
    public sealed class FlowLink
    {
        /// <summary>Creates a link.</summary>
        public FlowLink(string id, string sourceActivityId, string targetActivityId, string port, bool inEventFlow)
        {
            Id = id;
            SourceActivityId = sourceActivityId;
            TargetActivityId = targetActivityId;
            Port = port;
            InEventFlow = inEventFlow;
        }

        /// <summary>The link id.</summary>
        public string Id { get; }

        /// <summary>The activity the link leaves.</summary>
        public string SourceActivityId { get; }

        /// <summary>The activity the link enters.</summary>
        public string TargetActivityId { get; }

        /// <summary>The output port (<c>conditionExpr</c>): <c>out</c>, <c>default</c>, <c>true</c>, <c>false</c>, a digit, <c>timeout</c>, <c>invalid</c>, <c>error</c>…</summary>
        public string Port { get; }

        /// <summary>True when the link belongs to the event flows.</summary>
        public bool InEventFlow { get; }

        /// <inheritdoc />
        public override string ToString() => SourceActivityId + " -" + Port + "-> " + TargetActivityId;
    }
}
