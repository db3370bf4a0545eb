using System;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Authentication;

namespace CallbackLab.Core.Http
{
    /// <summary>
    /// The handler behind the process-wide HTTP clients (the API layer and the flow simulator's transport), set up so a
    /// shared connection pool is safe for every session and runspace that uses it.
    /// </summary>
    internal static class SharedHttpHandler
    {
        /// <summary>Connections per host: enough for the highest -ThrottleLimit (.NET Framework allows only 2 by default).</summary>
        internal const int MaxConnectionsPerServer = 64;

        // SslProtocols.Tls13 is not in netstandard2.0; its value is fixed by the platform.
        private const SslProtocols Tls13 = (SslProtocols)12288;

        /// <summary>A handler that keeps no cookies, follows no redirects and, on .NET Framework, offers TLS 1.2 (and 1.3).</summary>
        internal static HttpClientHandler Create()
        {
            var handler = new HttpClientHandler
            {
                // Cookies would be shared by every session in the process; the lab APIs need none.
                UseCookies = false,

                // A redirect must not carry a bearer token (or a token request's form) to wherever Location points.
                AllowAutoRedirect = false,
            };

            try
            {
                handler.MaxConnectionsPerServer = MaxConnectionsPerServer;
            }
            catch (PlatformNotSupportedException)
            {
                // The platform manages the pool itself.
            }

            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase))
            {
                OfferModernTls(handler);
            }

            return handler;
        }

        /// <summary>
        /// Windows PowerShell 5.1 may default to TLS 1.0/1.1, which WxCC refuses. Setting it on this handler, not on
        /// ServicePointManager, leaves the rest of the process alone. .NET Core and later already let the OS choose, so they are not touched.
        /// </summary>
        private static void OfferModernTls(HttpClientHandler handler)
        {
            try
            {
                SetProtocols(handler, Enum.IsDefined(typeof(SslProtocols), Tls13) ? SslProtocols.Tls12 | Tls13 : SslProtocols.Tls12);
            }
            catch (Exception ex) when (ex is PlatformNotSupportedException || ex is MissingMethodException || ex is NotSupportedException)
            {
                // .NET Framework before 4.7.1 has no HttpClientHandler.SslProtocols; the process-wide setting applies.
            }
        }

        // Separate and not inlined: on a runtime without the setter, the MissingMethodException is thrown when this method
        // is compiled, which is inside the caller's try block.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void SetProtocols(HttpClientHandler handler, SslProtocols protocols) => handler.SslProtocols = protocols;
    }
}
