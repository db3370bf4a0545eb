using System;
using System.Linq;
using System.Reflection;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Contract
{
    public sealed class ModuleInitializerTests
    {
        [Theory]
        [InlineData("3.0.0.0", true)]   // Windows PowerShell 5.1
        [InlineData("6.2.0.0", false)]
        [InlineData("7.0.0.0", false)]  // Newtonsoft.Json 12.0.3
        [InlineData("7.1.0.0", false)]  // Newtonsoft.Json 12.0.3
        [InlineData("7.2.0.0", true)]   // Newtonsoft.Json 13.0.1
        [InlineData("7.6.0.0", true)]
        public void ImportIsRefusedOnEnginesWhoseNewtonsoftJsonIsTooOld(string engineVersion, bool supported)
        {
            using var ps = new ModuleRunspace();
            var assembly = (Assembly)ps.Run("(Get-Module CallbackLab).ImplementingAssembly").Values.Single()!;
            MethodInfo check = assembly.GetType("CallbackLab.Infrastructure.ModuleInitializer", throwOnError: true)!
                .GetMethod("IsSupportedEngine", BindingFlags.NonPublic | BindingFlags.Static)!;
            Assert.Equal(supported, (bool)check.Invoke(null, new object[] { new Version(engineVersion) })!);
        }
    }
}
