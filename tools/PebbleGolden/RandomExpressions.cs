using System;
using System.Text;

namespace PebbleGolden
{
    /// <summary>
    /// Random expressions from Pebble's expression grammar (operands, binary and unary operators, filters, tests, ternaries,
    /// parentheses), depth-limited and drawn from a fixed seed so the suite is the same on every run.
    /// </summary>
    internal static class RandomExpressions
    {
        public const int Seed = 20250206;

        private static readonly string[] s_atoms =
        {
            "'abc'", "''", "'7'", "3", "0", "-2", "2.5", "d", "x", "true", "false", "null", "missing", "[1, 2]", "{'a': 1}", "count", "text",
            "items", "names", "map", "nothing", "numText", "email", "flag", "emptyList",
        };

        private static readonly string[] s_operators = { "+", "-", "*", "/", "%", "~", "==", "!=", "<", ">", "<=", ">=", "and", "or", "contains", "equals" };

        private static readonly string[] s_filters =
        {
            "upper", "lower", "length", "first", "last", "abs", "trim", "capitalize", "title", "reverse", "sort", "default('z')", "slice(1)",
            "join(',')", "split(',')", "escape", "urlencode", "abbreviate(4)", "numberformat('#.#')", "raw",
        };

        private static readonly string[] s_tests = { "empty", "null", "defined", "odd", "even", "iterable", "map" };

        public static void AddAll(CaseSink sink, int count)
        {
            var random = new Random(Seed);
            for (int i = 0; i < count; i++) sink.Add("random", "{{ " + Expression(random, 3) + " }}");
        }

        private static string Expression(Random random, int depth)
        {
            if (depth == 0) return Pick(random, s_atoms);
            var sb = new StringBuilder();
            switch (random.Next(8))
            {
                case 0:
                case 1:
                    sb.Append(Expression(random, depth - 1)).Append(' ').Append(Pick(random, s_operators)).Append(' ').Append(Expression(random, depth - 1));
                    break;
                case 2:
                    sb.Append(Expression(random, depth - 1)).Append(" | ").Append(Pick(random, s_filters));
                    break;
                case 3:
                    sb.Append(Expression(random, depth - 1)).Append(random.Next(2) == 0 ? " is " : " is not ").Append(Pick(random, s_tests));
                    break;
                case 4:
                    sb.Append(random.Next(2) == 0 ? "not " : "-").Append(Expression(random, depth - 1));
                    break;
                case 5:
                    sb.Append('(').Append(Expression(random, depth - 1)).Append(')');
                    break;
                case 6:
                    sb.Append('(').Append(Expression(random, depth - 1)).Append(" ? ").Append(Expression(random, depth - 1)).Append(" : ")
                        .Append(Expression(random, depth - 1)).Append(')');
                    break;
                default:
                    sb.Append(Pick(random, s_atoms));
                    break;
            }

            return sb.ToString();
        }

        private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
    }
}
