using System;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands
{
    /// <summary>A malformed data file is InvalidDataFile naming the JSON path of the first wrong value, and is left untouched (issue 13).</summary>
    public sealed class EmulatorDataFileTests
    {
        [Theory]
        [InlineData("{\"resources\":{\"x\":5}}", "resources.x")]
        [InlineData("{\"tasks\":[{\"id\":\"t\",\"time\":\"never\",\"request\":{}}]}", "tasks[0].time")]
        public void AMalformedDataFileIsInvalidDataFileNamingItsJsonPath(string content, string path)
        {
            string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cblab-ps-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(folder);
            try
            {
                System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "data.json"), content);
                using var ps = new ModuleRunspace();
                var vars = new System.Collections.Generic.Dictionary<string, object?> { ["Folder"] = folder };
                ErrorRecord error = Assert.Single(ps.Run("Start-CallbackLabEmulator -DataPath \"$Folder/data.json\"", vars).AllErrors);
                Assert.Equal("InvalidDataFile,CallbackLab.Commands.StartCallbackLabEmulatorCommand", error.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
                Assert.Contains("'" + path + "'", error.Exception.Message);
                Assert.Equal(content, System.IO.File.ReadAllText(System.IO.Path.Combine(folder, "data.json")));
            }
            finally
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }
}
