using System;

namespace CallbackLab.Emulator
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            Console.Error.WriteLine("The emulator host is being built (issue: the embedded lab emulator).");
            return 2;
        }
    }
}
