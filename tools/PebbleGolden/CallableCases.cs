using System.Collections.Generic;

namespace PebbleGolden
{
    /// <summary>Every filter, test and function of Pebble's core extension with valid, wrong-type, null and missing arguments.</summary>
    internal static class CallableCases
    {
        public static readonly string[] Filters =
        {
            "abbreviate", "abs", "base64decode", "base64encode", "capitalize", "date", "default", "escape", "first", "join", "last",
            "length", "lower", "merge", "numberformat", "raw", "replace", "reverse", "rsort", "sha256", "slice", "sort", "split", "title",
            "trim", "upper", "urlencode",
        };

        public static readonly string[] Tests = { "defined", "empty", "even", "iterable", "map", "null", "odd" };

        private static readonly string[] s_extraInputs =
        {
            "text", "html", "de", "names", "map", "'  pad  '", "items", "millis", "when", "accents", "blank", "emptyList", "emptyMap",
            "huge", "numText", "dec", "x", "pi", "mixed", "unicode",
        };

        private static readonly Dictionary<string, string[]> s_filterCalls = new Dictionary<string, string[]>
        {
            ["abbreviate"] = new[]
            {
                "text | abbreviate(5)", "text | abbreviate(3)", "text | abbreviate(2)", "text | abbreviate(0)", "text | abbreviate(-1)",
                "text | abbreviate(11)", "text | abbreviate(12)", "'abcd' | abbreviate(4)", "'ab' | abbreviate(1)", "text | abbreviate('5')",
                "text | abbreviate(null)", "text | abbreviate", "text | abbreviate(length=4)", "text | abbreviate(5, 6)", "text | abbreviate(foo=1)",
                "12345678 | abbreviate(5)", "text | abbreviate(5.9)", "text | abbreviate(d)", "nothing | abbreviate(3)",
            },
            ["abs"] = new[] { "-3 | abs", "-2.5 | abs", "neg | abs", "d | abs", "-d | abs", "'-3' | abs", "nothing | abs", "huge | abs", "-0.0 | abs", "abs(3)" },
            ["base64decode"] = new[] { "'SGVsbG8=' | base64decode", "'***' | base64decode", "'SGVsbG8' | base64decode", "text | base64encode | base64decode", "'' | base64decode", "3 | base64decode", "'w6k=' | base64decode" },
            ["base64encode"] = new[] { "text | base64encode", "de | base64encode", "'' | base64encode", "3 | base64encode", "unicode | base64encode" },
            ["capitalize"] = new[] { "'hello world' | capitalize", "' lead' | capitalize", "'élan' | capitalize", "'' | capitalize", "'1abc' | capitalize", "'ß' | capitalize", "'ǆx' | capitalize" },
            ["date"] = new[]
            {
                "when | date('yyyy-MM-dd')", "when | date", "millis | date('yyyy')", "millis | date", "millis | date('yyyy-MM-dd HH:mm:ss.SSS')",
                "'2025-02-06' | date('dd/MM/yyyy', existingFormat='yyyy-MM-dd')", "'20250206' | date('yyyy-MM-dd', existingFormat='yyyyMMdd')",
                "millis | date('HH:mm', timeZone='America/New_York')", "millis | date('HH:mm z', timeZone='GMT+02:00')", "millis | date('HH:mm', timeZone='UTC')",
                "millis | date('HH:mm', timeZone='Nowhere/City')", "'bad' | date", "'bad' | date('yyyy')", "3 | date", "d | date", "flag | date",
                "when | date(format=null)", "millis | date('EEE, MMM d, yyyy')", "millis | date('EEEE MMMM dd')", "millis | date('hh:mm a')",
                "millis | date('yy-M-d H:m:s')", "millis | date(\"yyyy-MM-dd'T'HH:mm:ssXXX\")", "millis | date('Z')", "millis | date('D')",
                "when | date('yyyy', existingFormat='bad')", "'2025-02-06 10:30' | date('HH', existingFormat='yyyy-MM-dd HH:mm')",
                "millis | date('yyyy', 'x', 'y', 'z')", "millis | date(foo='x')", "nothing | date('yyyy')", "emptyText | date",
                "millis | date('qqq')", "-1 | date('yyyy-MM-dd')", "items | date",
            },
            ["default"] = new[]
            {
                "nothing | default('x')", "'' | default('x')", "'  ' | default('x')", "[] | default('x')", "{} | default('x')", "0 | default('x')",
                "false | default('x')", "missing | default(count)", "missing | default", "missing | default(null)", "text | default('x')",
                "missing.a.b | default('deep')", "missing | default('a', 'b')", "missing | default(default='n')",
            },
            ["escape"] = new[]
            {
                "html | escape", "html | escape('html')", "html | escape('js')", "html | escape('css')", "html | escape('url_param')",
                "html | escape('json')", "html | escape(strategy='css')", "html | escape('nope')", "html | escape | escape", "unicode | escape('js')",
                "quote | escape('js')", "tabbed | escape('js')", "html | escape(null)", "quote | escape", "tabbed | escape('json')",
                "unicode | escape('css')", "unicode | escape('url_param')", "3 | escape", "nothing | escape", "html | escape('HTML')",
                "'a b/c?d=e' | escape('url_param')", "de | escape('html')", "'<>' | escape('js')", "'é' | escape", "html | raw",
            },
            ["first"] = new[] { "text | first", "items | first", "names | first", "emptyList | first", "'' | first", "3 | first", "map | first" },
            ["last"] = new[] { "text | last", "items | last", "names | last", "emptyList | last", "'' | last", "3 | last", "map | last" },
            ["join"] = new[]
            {
                "items | join", "items | join(',')", "items | join(', ')", "items | join(0)", "items | join(null)", "names | join('-')",
                "mixed | join('|')", "map | join", "'abc' | join", "emptyList | join(',')", "items | join(separator='+')", "jarr | join(',')",
            },
            ["lower"] = new[] { "de | lower", "accents | lower", "'İ' | lower", "'ΣΑΣ' | lower", "'ÀÉÎ' | lower", "3 | lower", "flag | lower" },
            ["upper"] = new[] { "de | upper", "accents | upper", "'ß' | upper", "'ﬁ' | upper", "'ŉ' | upper", "'ǅ' | upper", "3 | upper", "d | upper", "items | upper" },
            ["merge"] = new[]
            {
                "items | merge([4])", "map | merge({'c': 3})", "map | merge({'a': 9})", "items | merge(map)", "map | merge(items)", "items | merge(null)",
                "items | merge", "'x' | merge([1])", "names | merge('x')", "emptyList | merge(emptyList)", "nothing | merge([1])",
            },
            ["numberformat"] = new[]
            {
                "3.14159 | numberformat('#.##')", "d | numberformat('0.000')", "1234567.891 | numberformat('#,##0.00')", "0.5 | numberformat('#%')",
                "0.256 | numberformat('0.0%')", "count | numberformat('000')", "pi | numberformat", "'x' | numberformat", "'42' | numberformat('#')",
                "2.5 | numberformat('#')", "3.5 | numberformat('#')", "-1.5 | numberformat('0')", "big | numberformat('#,###')", "0.001 | numberformat('#.##')",
                "1234.5 | numberformat(\"'#'#\")", "-3.5 | numberformat('#.##;(#.##)')", "12345 | numberformat('0.00E0')", "1234.5 | numberformat('¤#,##0.00')",
                "count | numberformat", "x | numberformat('#.#####')", "huge | numberformat", "nothing | numberformat('#')", "count | numberformat(null)",
                "0.125 | numberformat('0.00')", "0.135 | numberformat('0.00')", "1 | numberformat('#.00')", "0 | numberformat('#')", "0.7 | numberformat('#')",
                "1.005 | numberformat('0.00')", "count | numberformat('#‰')", "count | numberformat('0.0', 'x')",
            },
            ["replace"] = new[]
            {
                "text | replace({'l': 'L'})", "text | replace({'': '-'})", "text | replace({'o': null})", "text | replace({1: 2})", "text | replace('a')",
                "text | replace", "3 | replace({'3': 'x'})", "text | replace({'l': 'L', 'L': 'x'})", "text | replace(replace_pairs={'o': '0'})",
                "text | replace({'.': '!'})", "text | replace({'l': 1})", "text | replace(map)", "nothing | replace({'a': 'b'})",
            },
            ["reverse"] = new[] { "items | reverse", "names | reverse", "'abc' | reverse", "map | reverse", "3 | reverse", "emptyList | reverse", "mixed | reverse" },
            ["sort"] = new[]
            {
                "items | sort", "names | sort", "mixed | sort", "[3, 1, 2] | sort", "['b', 'a', 'C'] | sort", "[1, 'a'] | sort", "[2.5, 1] | sort",
                "map | sort", "'cba' | sort", "[true, false] | sort", "[null, 1] | sort", "emptyList | sort", "[3, 1.5, 2] | sort",
            },
            ["rsort"] = new[] { "items | rsort", "names | rsort", "[3, 1, 2] | rsort", "[1, 'a'] | rsort", "'cba' | rsort", "map | rsort", "[2.5, 1] | rsort" },
            ["sha256"] = new[] { "text | sha256", "'' | sha256", "3 | sha256", "unicode | sha256", "items | sha256" },
            ["slice"] = new[]
            {
                "text | slice(2)", "text | slice(0, 5)", "text | slice(5)", "text | slice(-1)", "text | slice('1')", "text | slice(1, 'x')",
                "text | slice(2, 1)", "text | slice(0, 100)", "items | slice(1)", "items | slice(1, 2)", "names | slice(0, 0)", "3 | slice(1)",
                "text | slice(1, 2, 3)", "text | slice(foo=1)", "text | slice(fromIndex=1)", "text | slice(toIndex=2)", "text | slice(1.5)",
                "text | slice(null)", "text | slice(d)", "text | slice(11)", "text | slice(12)", "items | slice(5)", "items | slice(3)",
                "map | slice(1)", "text | slice", "text | slice(1, 1)", "'+14694096861' | slice(2)", "items | slice(0, 9)",
            },
            ["split"] = new[]
            {
                "email | split('@') | join('|')", "email | split('.') | join('|')", "email | split('\\\\.') | join('|')", "text | split('') | join('|')", "text | split('o', 2) | join('|')", "text | split('o', -1) | join('|')",
                "text | split(limit=2) | join('|')", "text | split | join('|')", "text | split('(')", "3 | split('1') | join('|')", "text | split(' ') | join('+')", "'a,b,,' | split(',') | join('|')",
                "'a,b,,' | split(',', -1) | join('|')", "text | split('o', 'x') | join('|')", "text | split(delimiter='l') | join('|')", "'a1b22c' | split('[0-9]+') | join('|')", "'|a|b' | split('\\\\|') | join('|')",
                "text | split('o', 2.5) | join('|')", "nothing | split(',') | join('|')", "text | split(null) | join('|')",
            },
            ["title"] = new[] { "'hello world' | title", "'HELLO wORLD' | title", "' a  b' | title", "'élan-vital' | title", "'o\\'neil' | title", "tabbed | title" },
            ["trim"] = new[] { "'  pad  ' | trim", "blank | trim", "tabbed | trim", "3 | trim", "'\\u00a0x\\u00a0' | trim" },
            ["urlencode"] = new[] { "text | urlencode", "html | urlencode", "unicode | urlencode", "3 | urlencode", "'a+b=c&d~*' | urlencode" },
            ["length"] = new[] { "text | length", "items | length", "map | length", "3 | length", "nothing | length", "missing | length", "flag | length", "d | length" },
            ["raw"] = new[] { "html | raw", "3 | raw", "nothing | raw" },
        };

        private static readonly string[] s_functionCalls =
        {
            "max(1, 2)", "max(2, 1)", "max(1, null)", "max(null, 1)", "max()", "max(1)", "max('a', 'b')", "max(1, 2.5)", "max(d, 1)", "max(items)",
            "max(1, 'a')", "max(1, 2, 3, 4)", "max(x=1)", "max(count, big, neg)", "max(null, null)", "max(-1, -2.5)", "max(x, y)",
            "min(1, 2)", "min(2, 1)", "min(1, null)", "min(null, 1)", "min()", "min(1)", "min('a', 'b')", "min(1, 2.5)", "min(d, 1)",
            "min(1, 'a')", "min(4, 3, 2, 1)", "min(count, big, neg)", "min(x, y)",
            "range(1, 3)", "range(3, 1)", "range(1, 5, 2)", "range(5, 1, -2)", "range('a', 'e')", "range('a', 'e', 2)", "range(1, 3, 0)",
            "range(1, 3, 'x')", "range('ab', 'c')", "range(1.5, 3.5)", "range(d, 5)", "range(1)", "range()", "range(1, 3, 1, 4)",
            "range(start=1, end=3)", "range(1, 3, 1.5)", "range(-2, 2)", "range(null, 3)", "range('e', 'a')", "range(1, 'c')",
            "now()", "now(1)", "foo()", "parent()", "block('x')", "i18n('x')", "range(1, 3) | join(',')", "max(1, 2) + min(3, 4)",
        };

        public static void AddAll(CaseSink sink)
        {
            var inputs = new List<string>(ExpressionCases.TypedOperands);
            inputs.AddRange(s_extraInputs);
            foreach (string filter in Filters)
            {
                // split returns a Java String[], which prints with an identity hash: join it so the output is deterministic.
                string suffix = filter == "split" ? "('a') | join('|')" : string.Empty;
                foreach (string input in inputs) sink.Add("filter/" + filter, $"{{{{ {input} | {filter}{suffix} }}}}");
                if (s_filterCalls.TryGetValue(filter, out string[]? calls))
                {
                    foreach (string call in calls) sink.Add("filter/" + filter, "{{ " + call + " }}");
                }

                sink.Add("filter/" + filter, $"{{{{ missing | {filter} }}}}", strict: true);
            }

            sink.Add("filter/unknown", "{{ text | nope }}");
            sink.Add("filter/unknown", "{{ text | epoch }}");
            sink.Add("filter/unknown", "{{ text | json }}");
            sink.Add("filter/chain", "{{ text | lower | upper | trim | slice(1) | length }}");
            sink.Add("filter/chain", "{{ NewPhoneContact.DNIS | slice(2) | upper | trim | replace({'4': 'x'}) | length }}");

            var testInputs = new List<string>(ExpressionCases.TypedOperands) { "text", "blank", "emptyList", "emptyMap", "huge", "numText", "dec", "x", "names", "map", "2.0", "-3", "decText", "neg" };
            foreach (string test in Tests)
            {
                foreach (string input in testInputs)
                {
                    sink.Add("test/" + test, $"{{{{ {input} is {test} }}}}");
                    sink.Add("test/" + test, $"{{{{ {input} is not {test} }}}}");
                }

                sink.Add("test/" + test, $"{{{{ missing is {test} }}}}", strict: true);
                sink.Add("test/" + test, $"{{{{ missing.x is {test} }}}}", strict: true);
                sink.Add("test/" + test, $"{{{{ count is {test}(1) }}}}");
            }

            sink.Add("test/unknown", "{{ count is foo }}");
            sink.Add("test/unknown", "{{ count is not foo }}");
            sink.Add("test/combined", "{% if count is odd and text is not empty %}yes{% endif %}");

            foreach (string call in s_functionCalls) sink.Add("function", "{{ " + call + " }}");
        }
    }
}
