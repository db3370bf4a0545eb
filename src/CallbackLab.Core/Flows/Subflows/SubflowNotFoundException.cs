using System;

namespace CallbackLab.Core.Flows.Subflows
{
    /// <summary>A Subflow activity names a subflow the library does not have.</summary>
    [Serializable]
    public sealed class SubflowNotFoundException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public SubflowNotFoundException(SubflowReference reference, string message)
            : base(message)
        {
            Reference = reference;
        }

        /// <summary>What the Subflow activity looked for.</summary>
        public SubflowReference Reference { get; }
    }
}
