using System;
using System.IO;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.MockApi;

namespace CallbackLab.Core.Flows.Lab
{
    /// <summary>
    /// The lab's flow (Mission 1: Callback on Global Error), shipped with the module in Flow Designer's export format.
    /// </summary>
    public static class LabFlow
    {
        private const string ResourceName = "CallbackLab.Core.Flows.Lab.CallbackLab_Mission1.json";

        private static readonly Lazy<string> s_json = new Lazy<string>(ReadResource);
        private static readonly Lazy<WxccFlow> s_flow = new Lazy<WxccFlow>(() => WxccFlowReader.Parse(s_json.Value, Source));

        /// <summary>The MockAPI prefix the lab's GET_CBID URL is written with; simulations swap it for the session's MockAPI endpoint.</summary>
        public static readonly string MockApiPrefix = MockApiClient.LabUri.AbsoluteUri.TrimEnd('/');

        /// <summary>The <see cref="WxccFlow.Source"/> of the shipped flow.</summary>
        public const string Source = "embedded:CallbackLab_Mission1.json";

        /// <summary>The lab's DNIS in the lab text's example, as the caller dials it.</summary>
        public const string ExampleDnis = "+14694096861";

        /// <summary>The shipped flow (one shared, immutable instance).</summary>
        public static WxccFlow Flow => s_flow.Value;

        /// <summary>The export JSON of the shipped flow, e.g. to save it and import it into Flow Designer.</summary>
        public static string Json => s_json.Value;

        private static string ReadResource()
        {
            using Stream stream = typeof(LabFlow).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException("The lab flow resource " + ResourceName + " is missing from the assembly.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
