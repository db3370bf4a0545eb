using BenchmarkDotNet.Running;

namespace CallbackLab.Benchmarks
{
    /// <summary>Runs the benchmarks named on the command line (e.g. <c>--filter *Expression*</c>).</summary>
    public static class Program
    {
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
