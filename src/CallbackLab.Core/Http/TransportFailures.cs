using System;
using System.Net;
using System.Net.Sockets;

namespace CallbackLab.Core.Http
{
    /// <summary>Tells a connection that never got made (safe to retry anything) from one that broke mid-request (ambiguous).</summary>
    internal static class TransportFailures
    {
        /// <summary>True when the exception chain shows the request never reached the server.</summary>
        internal static bool IsConnectFailure(Exception exception)
        {
            for (Exception? current = exception; current != null; current = current.InnerException)
            {
                switch (current)
                {
                    case SocketException socket when IsConnectError(socket.SocketErrorCode):
                        return true;
                    case WebException web when web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure:
                        return true;
                }
            }

            return false;
        }

        private static bool IsConnectError(SocketError error)
        {
            switch (error)
            {
                case SocketError.ConnectionRefused:
                case SocketError.HostNotFound:
                case SocketError.HostUnreachable:
                case SocketError.NetworkUnreachable:
                case SocketError.TryAgain:
                case SocketError.NoData:
                case SocketError.AddressNotAvailable:
                    return true;
                default:
                    return false;
            }
        }
    }
}
