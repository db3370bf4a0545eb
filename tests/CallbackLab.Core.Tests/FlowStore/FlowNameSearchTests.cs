using CallbackLab.Core.FlowStore;

namespace CallbackLab.Core.Tests.FlowStore
{
    public sealed class FlowNameSearchTests
    {
        [Theory]
        [InlineData("Main_Flow_*", "Main_Flow_")]
        [InlineData("*_Flow_7", "_Flow_7")]
        [InlineData("Main?Flow_[0-9]7", "Flow_")]
        [InlineData("Main_Flow_7", "Main_Flow_7")]
        [InlineData("A`*B*", "A*B")]
        [InlineData("*", null)]
        [InlineData("[ab]", null)]
        [InlineData("", null)]
        [InlineData(null, null)]
        public void SendsTheLongestLiteralRun(string? pattern, string? expected)
        {
            Assert.Equal(expected, FlowNameSearch.LongestLiteral(pattern));
        }

        [Theory]
        [InlineData("Main_Flow_*", true)]
        [InlineData("Main_Flow_?", true)]
        [InlineData("Main_[F]low", true)]
        [InlineData("Main_Flow_7", false)]
        [InlineData("Main`*", false)]
        [InlineData(null, false)]
        public void TellsAPatternFromAName(string? pattern, bool expected)
        {
            Assert.Equal(expected, FlowNameSearch.HasWildcard(pattern));
        }
    }
}
