using System;

namespace CallbackLab.Core.Http
{
    /// <summary>How the shared HTTP layer sends requests: timeout, retries and transport security.</summary>
    public sealed class ApiClientOptions
    {
        /// <summary>The time one attempt may take; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> or zero for no limit. Default 100 s.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>How many times a failed request may be retried (0 = never). Default 2.</summary>
        public int MaximumRetryCount { get; set; } = 2;

        /// <summary>The wait between retries when the server gives no <c>Retry-After</c>. Default 1 s.</summary>
        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest <c>Retry-After</c> honoured; a longer one fails the request instead of waiting. Default 5 minutes.</summary>
        public TimeSpan MaximumRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Allows sending tokens over <c>http://</c> to a host that is not the loopback. Off by default.</summary>
        public bool AllowUnencryptedAuthentication { get; set; }

        /// <summary>Where verbose and debug messages go.</summary>
        public IApiLog Log { get; set; } = NullApiLog.Instance;

        /// <summary>A copy of these options with another log.</summary>
        public ApiClientOptions WithLog(IApiLog log)
        {
            var copy = (ApiClientOptions)MemberwiseClone();
            copy.Log = log;
            return copy;
        }
    }
}
