namespace CallbackLab.Core.Http
{
    /// <summary>The APIs CallbackLab talks to; each has its own error ids.</summary>
    public enum ApiService
    {
        /// <summary>The WxCC REST API (<c>/v1/tasks</c>).</summary>
        Wxcc,

        /// <summary>The OAuth token endpoint that issues WxCC tokens.</summary>
        WxccToken,

        /// <summary>A MockAPI project (the DynVars resource).</summary>
        MockApi,

        /// <summary>The WxCC Flow Store (list, export, import and publish flows).</summary>
        FlowStore,
    }
}
