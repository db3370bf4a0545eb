namespace CallbackLab.Core.Http
{
    /// <summary>Why a request failed; the module maps each to an error category.</summary>
    public enum ApiFailureKind
    {
        /// <summary>The server answered with an error status (see <see cref="ApiException.StatusCode"/>).</summary>
        HttpStatus,

        /// <summary>An attempt took longer than the timeout. The server may have acted on it.</summary>
        Timeout,

        /// <summary>The connection could not be made; the request was never sent.</summary>
        ConnectFailure,

        /// <summary>The connection broke after the request may have been sent. The server may have acted on it.</summary>
        ConnectionLost,

        /// <summary>A token would have gone over plain HTTP to a host that is not the loopback.</summary>
        UnencryptedAuthentication,

        /// <summary>The server answered with a success status but a body that could not be read.</summary>
        InvalidResponse,
    }
}
