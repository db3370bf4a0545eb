using System.IO;
using System.Reflection;

namespace CallbackLab.Core.Emulator
{
    /// <summary>The lab's fixed values, as the embedded DynVars seed holds them.</summary>
    public static class LabSeed
    {
        /// <summary>The lab's dialled number (the DNIS without its country code), the record's <c>dn</c>.</summary>
        public const string LabDn = "4694096861";

        /// <summary>The Cisco TAC number the lab calls back (<c>tacnumber</c>).</summary>
        public const string LabTacNumber = "14085267209";

        /// <summary>The lab record's outbound entry point (<c>outboundcallbackep</c>), accepted by the emulator's <c>/v1/tasks</c>.</summary>
        public const string LabOutboundEntryPointId = "3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58";

        /// <summary>The resource path of the lab's records, relative to the emulator's base address.</summary>
        public const string DynVarsResource = "flowdesigner/Lab/DynVars";

        /// <summary>The MockAPI prefix holding <c>DynVars</c>.</summary>
        public const string MockApiPrefix = "flowdesigner/Lab";

        /// <summary>The embedded seed: a JSON array of DynVars records, the lab record first.</summary>
        public static string ReadEmbeddedDynVars()
        {
            Assembly assembly = typeof(LabSeed).Assembly;
            using Stream stream = assembly.GetManifestResourceStream("CallbackLab.Core.Emulator.DynVarsSeed.json")!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
