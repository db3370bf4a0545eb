using System;
using System.IO;

namespace CallbackLab.Tools
{
    /// <summary>
    /// dotnet run --project tools/CallbackLab.Tools -- help [repoRoot]      regenerates the MAML help
    /// dotnet run --project tools/CallbackLab.Tools -- package [repoRoot] [moduleFolder]
    ///                                                    module folder + .nupkg under artifacts/ (from out/CallbackLab by default)
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string command = args.Length > 0 ? args[0] : "help";
            string root = Path.GetFullPath(args.Length > 1 ? args[1] : Directory.GetCurrentDirectory());
            switch (command)
            {
                case "help":
                    Console.WriteLine("Help written: " + HelpBuilder.Write(root));
                    return 0;
                case "package":
                    Console.WriteLine("Package: " + ModulePackager.Package(root, moduleFolder: args.Length > 2 ? Path.GetFullPath(args[2]) : null));
                    return 0;
                default:
                    Console.Error.WriteLine("usage: CallbackLab.Tools help|package [repoRoot]");
                    return 2;
            }
        }
    }
}
