using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Stubs
{
    /// <summary>One answer of a stub: status, headers, body (literal, from a file, or a template), delay or fault.</summary>
    public sealed class StubResponse
    {
        /// <summary>Creates an answer.</summary>
        public StubResponse(int status, IReadOnlyList<KeyValuePair<string, string>>? headers, string? body, bool templated = false,
            TimeSpan? delay = null, StubFault fault = StubFault.None, string? bodyFileName = null)
        {
            if (status < 100 || status > 599) throw new ArgumentOutOfRangeException(nameof(status), status, "The status must be 100 to 599.");
            if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay cannot be negative.");
            Status = status;
            Headers = headers ?? Array.Empty<KeyValuePair<string, string>>();
            Body = body ?? string.Empty;
            Templated = templated;
            Delay = delay;
            Fault = fault;
            BodyFileName = bodyFileName;
            if (templated)
            {
                BodyTemplate = StubTemplate.Parse(Body);
            }
        }

        /// <summary>The status code.</summary>
        public int Status { get; }

        /// <summary>The headers.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        /// <summary>The body (the file's text for <see cref="BodyFileName"/>; the template before rendering when <see cref="Templated"/>).</summary>
        public string Body { get; }

        /// <summary>True when the body and headers are rendered with request values (WireMock's <c>response-template</c>).</summary>
        public bool Templated { get; }

        /// <summary>
        /// The time the answer takes (WireMock's <c>fixedDelayMilliseconds</c>). In a simulation it is virtual time: a delay at
        /// or over the activity's response timeout is a timeout, and the activity retries. The emulator really waits.
        /// </summary>
        public TimeSpan? Delay { get; }

        /// <summary>No usable answer at all; <see cref="StubFault.None"/> normally.</summary>
        public StubFault Fault { get; }

        /// <summary>The file the body was read from; null for a literal body.</summary>
        public string? BodyFileName { get; }

        internal StubTemplate? BodyTemplate { get; }

        /// <summary>The answer for <paramref name="request"/>, templates rendered.</summary>
        public StubAnswer Render(StubRequest request)
        {
            if (!Templated)
            {
                return new StubAnswer(Status, Headers, Body, Delay, Fault);
            }

            var headers = new List<KeyValuePair<string, string>>(Headers.Count);
            foreach (KeyValuePair<string, string> header in Headers)
            {
                headers.Add(new KeyValuePair<string, string>(header.Key, header.Value.IndexOf("{{", StringComparison.Ordinal) >= 0 ? StubTemplate.Parse(header.Value).Render(request) : header.Value));
            }

            return new StubAnswer(Status, headers, BodyTemplate!.Render(request), Delay, Fault);
        }
    }
}
