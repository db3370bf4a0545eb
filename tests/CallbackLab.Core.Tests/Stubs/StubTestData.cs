using System;
using System.Collections.Generic;
using CallbackLab.Core.Stubs;

namespace CallbackLab.Core.Tests.Stubs
{
    /// <summary>Small helpers for stub tests: engines from inline mapping JSON, requests from a method and URL.</summary>
    internal static class StubTestData
    {
        internal static StubEngine Engine(string json)
        {
            var engine = new StubEngine();
            engine.Add(StubReader.Read(json));
            return engine;
        }

        internal static StubRequest Request(string method, string url, string? body = null, params (string Name, string Value)[] headers)
        {
            var list = new List<KeyValuePair<string, string>>();
            foreach ((string name, string value) in headers)
            {
                list.Add(new KeyValuePair<string, string>(name, value));
            }

            return new StubRequest(method, new Uri(url), list, body);
        }

        /// <summary>The status the engine answers, or 404 for a miss.</summary>
        internal static int StatusFor(StubEngine engine, StubRequest request) => engine.Match(request).Answer?.Status ?? 404;

        internal static string? NameFor(StubEngine engine, StubRequest request) => engine.Match(request).Stub?.Name;
    }
}
