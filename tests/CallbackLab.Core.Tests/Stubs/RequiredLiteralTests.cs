using System.Text.RegularExpressions;
using CallbackLab.Core.Stubs;

namespace CallbackLab.Core.Tests.Stubs
{
    /// <summary>The literal that turns inputs away before a regex runs must be in every input the regex matches.</summary>
    public sealed class RequiredLiteralTests
    {
        [Theory]
        [InlineData("/v1/users/[0-9]+", "/v1/users/", "/v1/users/42")]
        [InlineData("https?://api\\.example\\.com/.*", "://api.example.com/", "http://api.example.com/x")]
        [InlineData("ab+c", "ab", "abbbc")]
        [InlineData("/a(/b)?/c", "/a", "/a/c")]
        [InlineData("colou?r", "colo", "color")]
        [InlineData("x{2}yz", "yz", "xxyz")]
        [InlineData("[0-9]{3}", "", "123")]
        [InlineData("id-[0-9]{2,5}/end", "/end", "id-123/end")]
        [InlineData("[a-z]+\\.json", ".json", "tickets.json")]
        [InlineData("\\d+-\\w+", "-", "12-ab")]
        [InlineData("cat|dog", "", "dog")]
        [InlineData("(?i)ABC", "", "abc")]
        public void TheRegexLiteralIsInEveryMatch(string pattern, string literal, string matching)
        {
            Assert.Equal(literal, RequiredLiteral.OfRegex(pattern));
            Assert.Matches(new Regex("^(?:" + pattern + ")$"), matching);
            Assert.Contains(literal, matching, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("https://*.mock.pstmn.io/**", ".mock.pstmn.io/")]
        [InlineData("/deep/**", "/deep/")]
        [InlineData("*", "")]
        public void TheGlobLiteralIsItsLongestFixedRun(string glob, string literal) => Assert.Equal(literal, RequiredLiteral.OfGlob(glob));
    }
}
