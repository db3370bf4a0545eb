using System;
using System.Collections.Generic;
using System.Globalization;

namespace CallbackLab.Core.Emulator
{
    /// <summary>
    /// A fault the emulator injects for matching requests: a status code, added latency or a dropped connection,
    /// for the next <see cref="Count"/> requests (or forever) and with a <see cref="Probability"/>.
    /// </summary>
    public sealed class FaultRule
    {
        /// <summary>The HTTP method to match, or <c>*</c> (the default) for any.</summary>
        public string Method { get; set; } = "*";

        /// <summary>
        /// The path pattern to match, case-insensitive: <c>*</c> matches any characters (slashes included), <c>?</c> one.
        /// E.g. <c>/v1/tasks</c> or <c>/flowdesigner/Lab/DynVars*</c>. The default <c>*</c> matches every path.
        /// </summary>
        public string PathPattern { get; set; } = "*";

        /// <summary>The status (300-599) to answer instead of the real answer (e.g. 500, 503, 429); null to answer normally after the latency.</summary>
        public int? StatusCode { get; set; }

        /// <summary>The <c>Retry-After</c> header in seconds, sent with the fault's status (useful with 429 and 503).</summary>
        public int? RetryAfterSeconds { get; set; }

        /// <summary>The body sent with the fault's status; null sends none.</summary>
        public string? Body { get; set; }

        /// <summary>How many matching requests the rule applies to; null means every one.</summary>
        public int? Count { get; set; }

        /// <summary>The chance (0 to 1) that a matching request is faulted; 1 by default.</summary>
        public double Probability { get; set; } = 1.0;

        /// <summary>Latency added before answering.</summary>
        public TimeSpan Latency { get; set; } = TimeSpan.Zero;

        /// <summary>Close the connection without any answer.</summary>
        public bool DropConnection { get; set; }

        /// <summary>How many requests this rule has faulted so far.</summary>
        public int Applied { get; internal set; }

        /// <summary>Checks the rule before it is installed.</summary>
        /// <exception cref="ArgumentException">A value is out of range.</exception>
        public void Validate()
        {
            // A 1xx or 2xx is not a fault (a client would take it as the real answer): only redirects and errors are injected.
            if (StatusCode.HasValue && (StatusCode < 300 || StatusCode > 599))
            {
                throw new ArgumentException($"StatusCode {StatusCode} is not a fault status: use a redirect or error status (300-599), e.g. 500, 503 or 429.", nameof(StatusCode));
            }

            if (Count.HasValue && Count < 1)
            {
                throw new ArgumentException("Count must be at least 1 (null means every request).", nameof(Count));
            }

            if (double.IsNaN(Probability) || Probability < 0 || Probability > 1)
            {
                throw new ArgumentException("Probability must be between 0 and 1.", nameof(Probability));
            }

            if (Latency < TimeSpan.Zero)
            {
                throw new ArgumentException("Latency cannot be negative.", nameof(Latency));
            }

            if (RetryAfterSeconds.HasValue && RetryAfterSeconds < 0)
            {
                throw new ArgumentException("RetryAfterSeconds cannot be negative.", nameof(RetryAfterSeconds));
            }

            if (string.IsNullOrEmpty(PathPattern) || string.IsNullOrEmpty(Method))
            {
                throw new ArgumentException("Method and PathPattern cannot be empty (use * for any).", nameof(PathPattern));
            }

            if (!StatusCode.HasValue && !DropConnection && Latency == TimeSpan.Zero)
            {
                throw new ArgumentException("A fault needs a StatusCode, a Latency or DropConnection.", nameof(StatusCode));
            }
        }

        /// <summary>The whole rule, e.g. <c>GET /v1/tasks: status 503, Retry-After 5 s, latency 200 ms, 2 times, probability 0.5</c>.</summary>
        public override string ToString()
        {
            var parts = new List<string>();
            if (StatusCode.HasValue) parts.Add("status " + StatusCode.Value.ToString(CultureInfo.InvariantCulture));
            if (RetryAfterSeconds.HasValue) parts.Add("Retry-After " + RetryAfterSeconds.Value.ToString(CultureInfo.InvariantCulture) + " s");
            if (Body != null) parts.Add("body of " + Body.Length.ToString(CultureInfo.InvariantCulture) + " characters");
            if (Latency > TimeSpan.Zero) parts.Add("latency " + Latency.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms");
            if (DropConnection) parts.Add("drop connection");
            parts.Add(Count.HasValue ? Count.Value.ToString(CultureInfo.InvariantCulture) + (Count.Value == 1 ? " time" : " times") : "every request");
            if (Probability < 1.0) parts.Add("probability " + Probability.ToString("0.###", CultureInfo.InvariantCulture));
            return Method + " " + PathPattern + ": " + string.Join(", ", parts);
        }
    }
}
