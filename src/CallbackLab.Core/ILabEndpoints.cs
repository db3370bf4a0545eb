using System;

namespace CallbackLab.Core
{
    /// <summary>
    /// Where a lab run sends its requests: the MockAPI prefix holding DynVars, the WxCC API and its token endpoint,
    /// and a token that the WxCC API accepts. The embedded emulator implements it; so can a real tenant's settings.
    /// </summary>
    public interface ILabEndpoints
    {
        /// <summary>The MockAPI prefix that holds the <c>DynVars</c> resource, e.g. <c>http://127.0.0.1:5080/flowdesigner/Lab</c>.</summary>
        Uri MockApiUri { get; }

        /// <summary>The WxCC API base, e.g. <c>https://api.wxcc-us1.cisco.com</c>; <c>/v1/tasks</c> is relative to it.</summary>
        Uri WxccUri { get; }

        /// <summary>The OAuth token endpoint, e.g. <c>https://webexapis.com/v1/access_token</c>.</summary>
        Uri TokenUri { get; }

        /// <summary>A bearer token the WxCC API accepts now.</summary>
        string AccessToken { get; }
    }
}
