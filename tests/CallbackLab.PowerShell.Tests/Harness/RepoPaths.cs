using System;
using System.IO;

namespace CallbackLab.PowerShell.Tests.Harness
{
    /// <summary>Finds the repository and the built module folder from wherever the tests run.</summary>
    public static class RepoPaths
    {
        private static readonly Lazy<string> s_root = new Lazy<string>(FindRoot);

        public static string Root => s_root.Value;

        public static string ModuleFolder => Path.Combine(Root, "out", "CallbackLab");

        public static string ModuleManifest => Path.Combine(ModuleFolder, "CallbackLab.psd1");

        public static string SourceManifest => Path.Combine(Root, "CallbackLab.psd1");

        public static string DocsFolder => Path.Combine(Root, "docs", "en-US");

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "CallbackLab.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("CallbackLab.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
