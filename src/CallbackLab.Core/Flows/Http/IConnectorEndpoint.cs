using System;
using System.Threading;
using System.Threading.Tasks;

namespace CallbackLab.Core.Flows.Http
{
    /// <summary>
    /// What an authenticated HTTP Request activity (a Flow Designer connector such as <c>WxCC_API</c>) needs: the base the
    /// request path is relative to, and a bearer token. A <see cref="Wxcc.WxccConnection"/> is one (an emulator issues one too);
    /// tests may give their own.
    /// </summary>
    public interface IConnectorEndpoint
    {
        /// <summary>The base URL, e.g. <c>https://api.wxcc-us1.cisco.com</c>; <c>/v1/tasks</c> is appended to it.</summary>
        Uri BaseUri { get; }

        /// <summary>A bearer token valid now.</summary>
        Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);
    }
}
