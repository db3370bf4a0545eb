using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Emulator
{
    /// <summary>A fixed one-minute window per token: past the limit, the caller learns how many seconds remain in the window.</summary>
    internal sealed class RateLimiter
    {
        private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);
        private readonly object _sync = new object();
        private readonly Dictionary<string, Window> _windows = new Dictionary<string, Window>(StringComparer.Ordinal);
        private readonly int _perMinute;
        private readonly Func<DateTimeOffset> _clock;

        internal RateLimiter(int perMinute, Func<DateTimeOffset> clock)
        {
            _perMinute = perMinute;
            _clock = clock;
        }

        /// <summary>Counts one request; returns null when allowed, or the Retry-After seconds when over the limit.</summary>
        internal int? TryAcquire(string token)
        {
            if (_perMinute <= 0)
            {
                return null;
            }

            DateTimeOffset now = _clock();
            lock (_sync)
            {
                if (!_windows.TryGetValue(token, out Window? window) || now >= window.Start + s_window)
                {
                    window = new Window(now);
                    _windows[token] = window;
                }

                if (window.Count >= _perMinute)
                {
                    double seconds = (window.Start + s_window - now).TotalSeconds;
                    return Math.Max(1, (int)Math.Ceiling(seconds));
                }

                window.Count++;
                return null;
            }
        }

        internal void Clear()
        {
            lock (_sync)
            {
                _windows.Clear();
            }
        }

        private sealed class Window
        {
            internal Window(DateTimeOffset start)
            {
                Start = start;
            }

            internal DateTimeOffset Start { get; }

            internal int Count { get; set; }
        }
    }
}
