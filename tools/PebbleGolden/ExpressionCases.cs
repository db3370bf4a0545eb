using System.Collections.Generic;

namespace PebbleGolden
{
    /// <summary>s_literals of every type, variables of every JSON type, attribute access, and operators over typed operands.</summary>
    internal static class ExpressionCases
    {
        /// <summary>Operands of every type the evaluator meets: strings, numeric strings, longs, doubles, BigDecimals, booleans, null, undefined, lists, maps.</summary>
        public static readonly string[] TypedOperands =
        {
            "'abc'", "''", "'7'", "3", "0", "-2", "2.5", "d", "true", "null", "missing", "[1, 2]", "{'a': 1}",
        };

        public static readonly string[] BinaryOperators =
        {
            "+", "-", "*", "/", "%", "~", "==", "!=", "<", ">", "<=", ">=", "and", "or", "contains", "equals", "..",
        };

        private static readonly string[] s_literals =
        {
            "'single'", "\"double\"", "''", "\"\"", "'it\\'s'", "\"say \\\"hi\\\"\"", "'a\\\\b'", "\"a\\\\b\"", "'tab\\t'", "\"nl\\n\"",
            "'\\u0041'", "\"back\\\\slash\\\\\"", "'\\\"'", "\"\\'\"", "\"#{count}\"", "\"a#{count + 1}b#{text}\"", "\"#{ 'x' ~ 'y' }\"",
            "\"#{nothing}\"", "'#{count}'", "\"a#b\"", "\"#\"", "\"#{\"", "0", "42", "-1", "007", "3.0", "2.50", "0.1", "10.0", "1.5e3",
            "10L", "10l", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "123456789012", "0.000001", "12345678.9",
            "1.0E10", "true", "false", "TRUE", "False", "null", "NULL", "none", "None", "[]", "[1, 'a', true, null]", "[[1, 2], [3]]",
            "{}", "{'k': 'v', 'n': 1}", "{1: 'one'}", "{'a': [1, 2]}", "{'k': null}", "(1)", "((2))", "[1,2,3][1]", "{'a': 'b'}['a']",
            "{'a': 'b'}.a", "'abc'[0]", "[1, 2].size", "-(3)", "+3", "- 3", "not true", "not 0", "not ''", "not 'x'", "not null",
        };

        private static readonly string[] s_variables =
        {
            "count", "zero", "neg", "big", "huge", "pi", "dec", "d", "x", "y", "tenth", "sci", "s201", "n201", "flag", "off", "nothing",
            "missing", "email", "items", "names", "mixed", "emptyText", "blank", "emptyList", "emptyMap", "map", "numMap", "json", "jarr",
            "when", "millis", "text", "html", "de", "accents", "tabbed", "unicode", "quote", "NewPhoneContact", "GET_CBID",
        };

        private static readonly string[] s_accessors =
        {
            "NewPhoneContact.DNIS", "NewPhoneContact.dnis", "NewPhoneContact['ANI']", "NewPhoneContact.missing", "GET_CBID.httpStatusCode",
            "json.ticket.ticketID", "json.ticket.tags[1]", "json.ticket.tags.size", "json.nil", "json.nil.x", "json['n']", "json.n + 1",
            "jarr[0].tacnumber", "jarr[1]['tacnumber']", "jarr[5]", "jarr[-1]", "items[0]", "items[2]", "items[3]", "items['1']", "items.size",
            "items.length", "items.empty", "items.first", "names[1]", "map.a", "map['b']", "map.size", "map.length", "map.empty", "map.keySet",
            "map.values", "map.c", "map[0]", "numMap[1]", "numMap['1']", "numMap.1", "text.length", "text.size", "text.empty", "text[0]",
            "text.class", "text.getClass()", "text.toUpperCase()", "text.toUpperCase", "text.substring(6)", "text.substring(1, 3)",
            "text.substring(5, 2)", "text.charAt(1)", "text.indexOf('o')", "text.contains('World')", "text.startsWith('He')",
            "text.replace('l', 'L')", "text.split(' ')[1]", "text.trim()", "text.isEmpty()", "text.equals('Hello World')",
            "text.concat('!')", "text.length()", "text.hashCode()", "text.notAMethod()", "text.notAMember", "count.class", "count.toString()",
            "count.intValue()", "count.doubleValue", "flag.booleanValue()", "d.scale()", "d.scale", "d.unscaledValue()", "d.precision()",
            "items.get(0)", "items.get(9)", "items.contains(2)", "items.indexOf(3)", "items.isEmpty()", "items.subList(0, 2)",
            "map.get('a')", "map.containsKey('a')", "map.getClass()", "map.entrySet()", "names.size()", "nothing.x", "missing.x", "missing[0]",
            "emptyList[0]", "emptyText[0]", "email.split('@')[0]", "email.split('@').size", "text.lastIndexOf('o')",
            "text.endsWith('ld')", "text.compareTo('a')", "text.matches('H.*')", "text.toLowerCase()", "text.strip()", "text.repeat(2)",
            "text.codePointAt(0)", "(text)", "(items)[0]", "[text][0]", "{'k': text}.k",
        };

        public static void AddAll(CaseSink sink)
        {
            foreach (string literal in s_literals) sink.Add("literal", "{{ " + literal + " }}");
            foreach (string variable in s_variables)
            {
                sink.Add("variable", "{{ " + variable + " }}");
                sink.Add("variable", "{{ " + variable + " }}", strict: true);
            }

            foreach (string accessor in s_accessors)
            {
                sink.Add("attribute", "{{ " + accessor + " }}");
                sink.Add("attribute", "{{ " + accessor + " }}", strict: true);
            }

            foreach (string op in BinaryOperators)
            {
                foreach (string left in TypedOperands)
                {
                    foreach (string right in TypedOperands) sink.Add("binary/" + OperatorName(op), $"{{{{ {left} {op} {right} }}}}");
                }
            }

            foreach (string operand in TypedOperands)
            {
                sink.Add("unary", "{{ -" + operand + " }}");
                sink.Add("unary", "{{ +" + operand + " }}");
                sink.Add("unary", "{{ not " + operand + " }}");
                sink.Add("ternary", "{{ " + operand + " ? 'yes' : 'no' }}");
                sink.Add("interpolation", "{{ \"<#{" + operand + "}>\" }}");
            }

            AddVariableArithmetic(sink);
            AddPrecedence(sink);
        }

        private static void AddVariableArithmetic(CaseSink sink)
        {
            string[] numbers = { "count", "neg", "big", "huge", "pi", "dec", "d", "x", "y", "tenth", "sci", "n201", "numText", "decText", "s201" };
            string[] ops = { "+", "-", "*", "/", "%", "==", "<", ">=" };
            foreach (string a in numbers)
            {
                foreach (string op in ops)
                {
                    foreach (string b in new[] { "count", "d", "x", "3", "2.0", "0", "y", "numText" })
                    {
                        sink.Add("numeric", $"{{{{ {a} {op} {b} }}}}");
                    }
                }
            }
        }

        private static void AddPrecedence(CaseSink sink)
        {
            string[] arithmetic = { "+", "-", "*", "/", "%", "~", "==", "!=", "<", ">", "<=", ">=", "..", "contains" };
            foreach (string first in arithmetic)
            {
                foreach (string second in arithmetic) sink.Add("precedence", $"{{{{ 7 {first} 3 {second} 2 }}}}");
            }

            string[] logical = { "and", "or", "==", "!=" };
            string[] bools = { "true", "false" };
            foreach (string first in logical)
            {
                foreach (string second in logical)
                {
                    foreach (string a in bools)
                    {
                        sink.Add("precedence", $"{{{{ {a} {first} false {second} true }}}}");
                        sink.Add("precedence", $"{{{{ not {a} {first} true {second} false }}}}");
                    }
                }
            }

            string[] mixed =
            {
                "{{ 1 + 2 * 3 }}", "{{ (1 + 2) * 3 }}", "{{ -2 * 3 }}", "{{ -(2 + 3) }}", "{{ - 2 | abs }}", "{{ -count | abs }}",
                "{{ 2 + 3 | abs }}", "{{ 'a' ~ 1 + 2 }}", "{{ 1 + 2 ~ 'a' }}", "{{ 1 .. 3 | join(',') }}", "{{ 1 + 1 .. 3 }}",
                "{{ count is odd and true }}", "{{ not count is odd }}", "{{ count + 1 is even }}", "{{ 1 == 1 ? 'a' : 'b' }}",
                "{{ true ? false ? 1 : 2 : 3 }}", "{{ false ? 1 : true ? 2 : 3 }}", "{{ 'x' ~ (true ? 'y' : 'z') }}", "{{ true and false or true }}",
                "{{ true or false and false }}", "{{ not true == false }}", "{{ not (true == false) }}", "{{ 3 > 2 == true }}",
                "{{ 'abc' contains 'b' and 1 < 2 }}", "{{ [1, 2] contains 1 + 1 }}", "{{ items | length > 2 }}", "{{ text | upper ~ '!' }}",
                "{{ 10 - 2 - 3 }}", "{{ 64 / 4 / 2 }}", "{{ 2 * 3 % 4 }}", "{{ 7 % 3 * 2 }}", "{{ 1 - -1 }}", "{{ 1 + +1 }}", "{{ --1 }}",
                "{{ not not true }}", "{{ count * 2 is even ? 'e' : 'o' }}", "{{ items[0] + items[1] * items[2] }}", "{{ (count % 4) + 1 }}",
                "{{ 1 < 2 < 3 }}", "{{ 1 == 1 == true }}", "{{ 'a' ~ 'b' ~ 'c' }}", "{{ 2 .. 4 contains 3 }}", "{{ null ~ 'x' }}",
                "{{ 'x' ~ null }}", "{{ null + 'x' }}", "{{ 'x' + null }}", "{{ null == null }}", "{{ null != missing }}",
            };
            foreach (string template in mixed) sink.Add("precedence", template);
        }

        private static string OperatorName(string op)
        {
            switch (op)
            {
                case "+": return "add";
                case "-": return "subtract";
                case "*": return "multiply";
                case "/": return "divide";
                case "%": return "modulus";
                case "~": return "concat";
                case "==": return "eq";
                case "!=": return "ne";
                case "<": return "lt";
                case ">": return "gt";
                case "<=": return "le";
                case ">=": return "ge";
                case "..": return "range";
                default: return op;
            }
        }
    }
}
