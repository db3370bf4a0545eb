namespace CallbackLab.PowerShell.Tests.Harness
{
    /// <summary>The lab record of the emulator's embedded seed (this project does not reference Core, so the values are restated).</summary>
    public static class LabSeedIds
    {
        public const string Dn = "4694096861";
        public const string TacNumber = "14085267209";
        public const string OutboundEntryPoint = "3f2b9c8e-5d41-4a7b-9e16-0c7d2a4b6e58";
    }
}
