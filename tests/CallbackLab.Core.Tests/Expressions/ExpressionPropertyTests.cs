using System;
using System.Collections.Generic;
using System.Globalization;
using CallbackLab.Core.Expressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallbackLab.Core.Tests.Expressions
{
    /// <summary>Property and fuzz tests: no input escapes as anything but <see cref="FlowExpressionException"/>, and Java arithmetic holds.</summary>
    public sealed class ExpressionPropertyTests
    {
        // s_fragments that make the lexer and parser take every branch, including the broken ones.
        private static readonly string[] s_fragments =
        {
            "{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", " ", "\n", "(", ")", "[", "]", "{", "}", ",", ":", "?", ".", "..", "=",
            "'", "\"", "\\", "#{", "|", "~", "+", "-", "*", "/", "%", "==", "!=", "<", ">=", "and", "or", "not", "is", "is not",
            "contains", "equals", "if", "elseif", "else", "endif", "for", "in", "endfor", "set", "slice", "slice(", "split('@')",
            "first", "last", "length", "upper", "default(", "replace({", "date(", "epoch(inMillis=true)", "now()", "range(", "max(",
            "abs", "odd", "even", "defined", "null", "empty", "0", "1", "2.5", "99999999999999999999", "-1", "count", "items",
            "NewPhoneContact", "NewPhoneContact.DNIS", "map", "json", "text", "nothing", "true", "false", "'x'", "\"y#{count}\"",
            "loop", "é", "\u2028", "\0",
        };

        private static Arbitrary<string> TokenSoup() =>
            Gen.ArrayOf(Gen.Elements(s_fragments)).Select(parts => string.Concat(parts)).ToArbitrary();

        private static bool OnlyExpressionExceptions(string text, bool strict)
        {
            try
            {
                FlowTemplate template = FlowTemplate.ParseUncached(text);
                template.Render(LabVariables.Create(), LabVariables.Options(strict));
                template.Evaluate(LabVariables.Create(), LabVariables.Options(strict));
                return true;
            }
            catch (FlowExpressionException ex)
            {
                return ex.Expression == text && ex.Position >= 1 && ex.Position <= text.Length + 1 && ex.Message.Length > 0;
            }
        }

        [Property(MaxTest = 400)]
        public Property RandomStringsOnlyRaiseTheExpressionException() =>
            Prop.ForAll(ArbMap.Default.ArbFor<string>(), s => OnlyExpressionExceptions(s ?? string.Empty, strict: false));

        [Property(MaxTest = 1500)]
        public Property TokenSoupOnlyRaisesTheExpressionException() =>
            Prop.ForAll(TokenSoup(), s => OnlyExpressionExceptions(s, strict: false));

        [Property(MaxTest = 500)]
        public Property TokenSoupInsideAPrintOnlyRaisesTheExpressionExceptionInStrictMode() =>
            Prop.ForAll(TokenSoup(), s => OnlyExpressionExceptions("{{ " + s + " }}", strict: true));

        [Property(MaxTest = 300)]
        public Property TextWithoutDelimitersRendersAsItself() =>
            Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
            {
                string text = (s ?? string.Empty).Replace("{", string.Empty);
                FlowTemplate template = FlowTemplate.ParseUncached(text);
                return template.IsLiteral && template.Render(DictionaryVariableResolver.Empty) == text;
            });

        [Property(MaxTest = 300)]
        public Property LongArithmeticWrapsAndTruncatesLikeJava() =>
            Prop.ForAll(ArbMap.Default.ArbFor<long>(), ArbMap.Default.ArbFor<long>(), (a, b) =>
            {
                var vars = new DictionaryVariableResolver(new Dictionary<string, object?> { ["a"] = a, ["b"] = b });
                string sum = FlowTemplate.Parse("{{ a + b }}|{{ a - b }}|{{ a * b }}").Render(vars);
                bool ok = sum == string.Format(CultureInfo.InvariantCulture, "{0}|{1}|{2}", unchecked(a + b), unchecked(a - b), unchecked(a * b));
                if (b != 0 && !(a == long.MinValue && b == -1))
                {
                    ok &= FlowTemplate.Parse("{{ a / b }}|{{ a % b }}").Render(vars) == string.Format(CultureInfo.InvariantCulture, "{0}|{1}", a / b, a % b);
                }

                return ok;
            });

        [Property(MaxTest = 300)]
        public Property AStringNeverEqualsANumber() =>
            Prop.ForAll(ArbMap.Default.ArbFor<int>(), n =>
            {
                var vars = new DictionaryVariableResolver(new Dictionary<string, object?> { ["s"] = n.ToString(CultureInfo.InvariantCulture), ["n"] = n });
                return FlowTemplate.Parse("{{ s == n }}|{{ n == n * 1.0 }}|{{ s == '' ~ n }}").Render(vars) == "false|true|true";
            });

        [Property(MaxTest = 300)]
        public Property SliceMatchesJavaSubstringOrFailsCleanly() =>
            Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<byte>(), ArbMap.Default.ArbFor<byte>(), (s, from, to) =>
            {
                string text = s ?? string.Empty;
                var vars = new DictionaryVariableResolver(new Dictionary<string, object?> { ["s"] = text, ["f"] = (int)from, ["t"] = (int)to });
                try
                {
                    string result = FlowTemplate.Parse("{{ s | slice(f, t) }}").Render(vars);
                    return to <= text.Length && from < to && result == text.Substring(from, to - from);
                }
                catch (FlowExpressionException ex)
                {
                    return ex.Kind == FlowExpressionErrorKind.Evaluation && (to > text.Length || from >= to);
                }
            });

        [Property(MaxTest = 200)]
        public Property DoublesPrintAsJavaAndReadBack() =>
            Prop.ForAll(ArbMap.Default.ArbFor<NormalFloat>(), f =>
            {
                double d = f.Get;
                var vars = new DictionaryVariableResolver(new Dictionary<string, object?> { ["d"] = d });
                string text = FlowTemplate.Parse("{{ d }}").Render(vars);
                bool shape = text.Contains('.') && (Math.Abs(d) >= 1e-3 && Math.Abs(d) < 1e7 ? !text.Contains('E') : text.Contains('E') || d == 0);
                return shape && double.Parse(text, CultureInfo.InvariantCulture) == d;
            });
    }
}
