using System;
using CallbackLab.Core.Http;

namespace CallbackLab.Core.FlowStore
{
    /// <summary>An import was refused with 409: a flow of that name exists on the tenant and overwrite was not asked for.</summary>
    [Serializable]
    public sealed class FlowNameConflictException : Exception
    {
        /// <summary>Creates the exception around the Flow Store's 409.</summary>
        public FlowNameConflictException(string flowName, ApiException conflict)
            : base("A flow named '" + flowName + "' already exists on the tenant; the Flow Store refused to import over it (409).", conflict)
        {
            FlowName = flowName;
            Conflict = conflict ?? throw new ArgumentNullException(nameof(conflict));
        }

        /// <summary>The name that clashed.</summary>
        public string FlowName { get; }

        /// <summary>The 409 itself: the request, the body and the tracking id.</summary>
        public ApiException Conflict { get; }
    }
}
