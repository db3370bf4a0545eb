using System;

namespace CallbackLab.Core.FlowStore
{
    /// <summary>A Flow Store or entry-point call needs the organization id, and the connection has none.</summary>
    [Serializable]
    public sealed class OrganizationIdRequiredException : Exception
    {
        /// <summary>Creates the exception; <paramref name="api"/> names what needed the id.</summary>
        public OrganizationIdRequiredException(string api)
            : base("The " + api + " paths include the organization id, and the connection has none.")
        {
        }
    }
}
