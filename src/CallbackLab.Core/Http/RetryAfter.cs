using System;
using System.Collections.Generic;
using System.Globalization;

namespace CallbackLab.Core.Http
{
    /// <summary>Reads a <c>Retry-After</c> header: a number of seconds or an HTTP date.</summary>
    public static class RetryAfter
    {
        /// <summary>The wait the header asks for, or null when there is no usable header.</summary>
        public static TimeSpan? Parse(IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
        {
            if (!headers.TryGetValue("Retry-After", out string? value) || string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            value = value.Trim();
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at))
            {
                TimeSpan wait = at - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }
    }
}
