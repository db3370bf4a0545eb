using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using CallbackLab.Core.Expressions;
using Fluid;

namespace CallbackLab.Benchmarks
{
    /// <summary>
    /// Flow expression evaluation against Fluid (Liquid) as the peer, in one run:
    /// the lab's <c>{{NewPhoneContact.DNIS | slice(2)}}</c> and a 5-filter chain from a cached parse, and a fresh
    /// parse + render. Run: <c>dotnet run -c Release --project tests/Benchmarks -- --filter *ExpressionBenchmarks*</c>.
    /// Target from issue 7: at least 1,000,000 cached evaluations/s of the slice expression on one core, faster than Fluid.
    /// </summary>
    [Config(typeof(Config))]
    [MemoryDiagnoser]
    public class ExpressionBenchmarks
    {
        private const string SliceText = "{{NewPhoneContact.DNIS | slice(2)}}";
        private const string ChainText = "{{ NewPhoneContact.ANI | slice(2) | upper | trim | capitalize | lower }}";
        private const string FreshText = "https://mockapi.example/Lab/DynVars?dn={{NewPhoneContact.DNIS | slice(2) }}&n={{ (count % 4) + 1 }}";

        // The Liquid equivalents: Liquid's slice takes (start, length).
        private const string FluidSliceText = "{{ NewPhoneContact.DNIS | slice: 2, 10 }}";
        private const string FluidChainText = "{{ NewPhoneContact.ANI | slice: 2, 10 | upcase | strip | capitalize | downcase }}";
        private const string FluidFreshText = "https://mockapi.example/Lab/DynVars?dn={{ NewPhoneContact.DNIS | slice: 2, 10 }}&n={{ count | modulo: 4 | plus: 1 }}";

        private static readonly FluidParser s_fluidParser = new FluidParser();

        private DictionaryVariableResolver _variables = null!;
        private FlowTemplate _slice = null!;
        private FlowTemplate _chain = null!;
        private IFluidTemplate _fluidSlice = null!;
        private IFluidTemplate _fluidChain = null!;
        private TemplateContext _fluidContext = null!;

        private sealed class Config : ManualConfig
        {
            public Config()
            {
                AddJob(Job.ShortRun.WithId("ShortRun"));
                AddColumn(StatisticColumn.OperationsPerSecond);
            }
        }

        [GlobalSetup]
        public void Setup()
        {
            var contact = new Dictionary<string, object?> { ["DNIS"] = "+14694096861", ["ANI"] = "+19725551234" };
            _variables = new DictionaryVariableResolver(new Dictionary<string, object?> { ["NewPhoneContact"] = contact, ["count"] = 3 });
            _slice = FlowTemplate.Parse(SliceText);
            _chain = FlowTemplate.Parse(ChainText);

            _fluidSlice = s_fluidParser.Parse(FluidSliceText);
            _fluidChain = s_fluidParser.Parse(FluidChainText);
            _fluidContext = new TemplateContext();
            _fluidContext.SetValue("NewPhoneContact", new Dictionary<string, object> { ["DNIS"] = "+14694096861", ["ANI"] = "+19725551234" });
            _fluidContext.SetValue("count", 3);
            if (_slice.Render(_variables) != "4694096861" || _fluidSlice.Render(_fluidContext) != "4694096861")
            {
                throw new System.InvalidOperationException("The two slice templates do not agree.");
            }

            if (_chain.Render(_variables) != _fluidChain.Render(_fluidContext))
            {
                throw new System.InvalidOperationException("The two chain templates do not agree: " + _chain.Render(_variables) + " / " + _fluidChain.Render(_fluidContext));
            }
        }

        [Benchmark(Baseline = true, Description = "CallbackLab: slice(2), cached parse")]
        public string SliceCached() => _slice.Render(_variables);

        [Benchmark(Description = "Fluid: slice, cached parse")]
        public string FluidSliceCached() => _fluidSlice.Render(_fluidContext);

        [Benchmark(Description = "CallbackLab: 5-filter chain, cached parse")]
        public string ChainCached() => _chain.Render(_variables);

        [Benchmark(Description = "Fluid: 5-filter chain, cached parse")]
        public string FluidChainCached() => _fluidChain.Render(_fluidContext);

        [Benchmark(Description = "CallbackLab: FlowTemplate.Parse lookup + render")]
        public string SliceThroughParseCache() => FlowTemplate.Parse(SliceText).Render(_variables);

        [Benchmark(Description = "CallbackLab: fresh parse + render")]
        public string FreshParseAndRender() => FlowTemplate.ParseUncached(FreshText).Render(_variables);

        [Benchmark(Description = "Fluid: fresh parse + render")]
        public string FluidFreshParseAndRender() => s_fluidParser.Parse(FluidFreshText).Render(_fluidContext);
    }
}
