using System;
using System.IO;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>The real Flow Designer exports under tests/TestData/Flows, copied next to the test assembly.</summary>
    internal static class SampleFlows
    {
        internal static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Flows", name + ".json");

        internal static WxccFlow Load(string name) => WxccFlowReader.Load(PathOf(name));
    }
}
