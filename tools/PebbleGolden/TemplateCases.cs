namespace PebbleGolden
{
    /// <summary>s_tags, whitespace control, newline trimming, comments and parse errors.</summary>
    internal static class TemplateCases
    {
        private static readonly string[] s_tags =
        {
            "{% if flag %}yes{% endif %}", "{% if off %}yes{% else %}no{% endif %}", "{% if off %}a{% elseif flag %}b{% else %}c{% endif %}",
            "{% if nothing %}a{% else %}b{% endif %}", "{% if missing %}a{% else %}b{% endif %}", "{% if items %}a{% endif %}",
            "{% if map %}a{% endif %}", "{% if 'x' %}a{% endif %}", "{% if '' %}a{% else %}b{% endif %}", "{% if 0 %}a{% else %}b{% endif %}",
            "{% if 2.5 %}a{% endif %}", "{% if d %}a{% endif %}", "{% if count > 2 %}big{% endif %}", "{% if %}x{% endif %}",
            "{% if flag %}x", "{% if flag %}x{% endfor %}", "{% if flag %}x{% else %}y{% else %}z{% endif %}", "{% if flag %}{% if off %}a{% else %}b{% endif %}{% endif %}",
            "{% for i in items %}{{ i }}{% endfor %}", "{% for i in items %}{{ loop.index }}{{ loop.revindex }}{{ loop.first }}{{ loop.last }}{{ loop.length }},{% endfor %}",
            "{% for i in emptyList %}x{% else %}empty{% endfor %}", "{% for i in nothing %}x{% else %}empty{% endfor %}", "{% for i in missing %}x{% else %}empty{% endfor %}",
            "{% for i in text %}{{ i }}{% endfor %}", "{% for i in count %}{{ i }}{% endfor %}", "{% for e in map %}{{ e.key }}={{ e.value }};{% endfor %}",
            "{% for e in map %}{{ e }};{% endfor %}", "{% for i in 1..3 %}{{ i }}{% endfor %}", "{% for i in range(1, 3) %}{{ i }}{% endfor %}",
            "{% for i in items %}{% for j in names %}{{ i }}{{ j }} {% endfor %}{% endfor %}", "{% for i in items %}{{ loop.index }}{% for j in items %}{{ loop.index }}{% endfor %};{% endfor %}",
            "{% for i in items %}{% set z = i %}{% endfor %}{{ z }}", "{% set z = 1 %}{% for i in items %}{% set z = i %}{% endfor %}{{ z }}",
            "{% for i in items %}{% endfor %}{{ i }}", "{% set i = 9 %}{% for i in items %}{% endfor %}{{ i }}", "{% for i in items %}x", "{% for in items %}x{% endfor %}",
            "{% for i of items %}x{% endfor %}", "{% for i in items %}{{ loop.missing }}{% endfor %}", "{% for i in items %}{% if loop.first %}[{% endif %}{{ i }}{% if loop.last %}]{% endif %}{% endfor %}",
            "{% for i in flag %}x{% endfor %}", "{% for i in names %}{{ i | upper }}{% else %}none{% endfor %}", "{% for k, v in map %}{{ k }}{% endfor %}",
            "{% set a = 1 %}{{ a }}", "{% set a = 'x' ~ count %}{{ a }}", "{% set a = items %}{{ a[1] }}", "{% set a = 1 %}{% set a = a + 1 %}{{ a }}",
            "{% set a %}x{% endset %}", "{% set true = 1 %}", "{% set 1 = 1 %}", "{% set a = %}", "{% set count = 9 %}{{ count }}",
            "{% if flag %}{% set inner = 1 %}{% endif %}{{ inner }}", "{% set a = missing %}{{ a }}",
            "{% verbatim %}{{ count }}{% if %}{% endverbatim %}", "{% verbatim %}a{% endverbatim %}b", "{% filter upper %}hello {{ text }}{% endfilter %}",
            "{% filter upper | trim %}  hi  {% endfilter %}", "{% filter slice(1) %}abc{% endfilter %}", "{% filter nope %}x{% endfilter %}",
            "{% filter upper %}x", "{% autoescape %}{{ html }}{% endautoescape %}", "{% autoescape false %}{{ html }}{% endautoescape %}",
            "{% autoescape 'js' %}{{ html }}{% endautoescape %}", "{% autoescape %}{{ html | raw }}{% endautoescape %}", "{% flush %}x",
            "{% cache 'k' %}{{ count }}{% endcache %}", "{% parallel %}{{ count }}{% endparallel %}", "{% block b %}in{% endblock %}",
            "{% macro m(a) %}[{{ a }}]{% endmacro %}{{ m(1) }}", "{% macro m(a, b='d') %}{{ a }}{{ b }}{% endmacro %}{{ m(1) }}|{{ m(1, 2) }}",
            "{% set outer = 'o' %}{% macro m() %}[{{ outer }}]{% endmacro %}{{ m() }}", "{{ m(1) }}{% macro m(a) %}<{{ a }}>{% endmacro %}",
            "{% macro m(a) %}{{ a | upper }}{% endmacro %}{{ m(text) }} {{ m('x') ~ '!' }}", "{% macro m() %}x{% endmacro %}{{ m(1, 2) }}", "{% include 'x' %}", "{% extends 'x' %}", "{% import 'x' %}", "{% from 'x' import m %}",
            "{% embed 'x' %}{% endembed %}", "{% unknown %}", "{% endif %}", "{% endfor %}", "{% else %}", "{%%}", "{% %}", "{% if flag %}",
            "{% extends '[{% block b %}p{% endblock %}]' %}{% block b %}c{% endblock %}", "{% extends 'x' %}ignored{% block b %}c{% endblock %}",
            "{% extends '{% block a %}A{% endblock %}-{% block b %}B{% endblock %}' %}{% block b %}{{ count }}{% endblock b %}",
            "{% import '{% macro m(a) %}<{{ a }}>{% endmacro %}' %}{{ m(1) }}", "{% from '{% macro m(a) %}<{{ a }}>{% endmacro %}' import m as n %}{{ n(2) }}",
            "{% from '{% macro m() %}1{% endmacro %}{% macro k() %}2{% endmacro %}' import m, k %}{{ m() }}{{ k() }}",
        };

        private static readonly string[] s_whitespace =
        {
            "a {{- ' b ' -}} c", "a {{ ' b ' }} c", "a {{- 1 }} c", "a {{ 1 -}} c", "a\n{{- 1 -}}\nc", "{{-  count  -}}", "{{-count}}", "{{ count-}}",
            "{{count}}\n{{count}}", "{{count}}\r\n{{count}}", "{{count}}\n\n{{count}}", "{% if flag %}\nyes{% endif %}", "{% if flag %}\n\nyes\n{% endif %}\n",
            "a {%- if flag -%} b {%- endif -%} c", "a {% if flag -%}\n b \n{%- endif %} c", "x {#- c -#} y", "x {# c #} y", "x {# c #}\ny",
            "{% for i in items -%}\n {{ i }}\n{%- endfor %}", "{% for i in items %}\n{{ i }}\n{% endfor %}", "  {{ count }}  ", "\t{{- count -}}\t",
            "{{ count }}\r\nz", "{{ count }}\rz", "{% set a = 1 %}\n{{ a }}", "{% set a = 1 -%}\n  {{ a }}", "line1\n{{ nothing }}\nline3",
            "{{- '' -}}", " {{- nothing -}} ", "a{{- -}}b", "{# unterminated", "{{ count }", "{{ count", "}}", "{{}}", "{{ }}", "{{ # }}",
            "{# {{ count }} #}", "{# a #}{# b #}c", "{{ '{{' }}", "{{ '}}' }}", "{{ \"{%\" }}", "text with { braces } and % percent", "{ {count} }",
            "{{ count }}{{ count }}", "{{ 'a' }}{# x #}{{ 'b' }}", "\n\n{{ count }}\n\n",
        };

        private static readonly string[] s_parseErrors =
        {
            "{{ 1 + }}", "{{ ANI | 123}}", "{{ (1 + 2 }}", "{{ [1, 2 }}", "{{ {'a' 1} }}", "{{ 'unclosed }}", "{{ \"unclosed }}", "{{ 1 2 }}",
            "{{ count | }}", "{{ count is }}", "{{ a.b. }}", "{{ a[ }}", "{{ a[] }}", "{{ f( }}", "{{ max(1,) }}", "{{ max(,1) }}", "{{ 1 ? 2 }}",
            "{{ 1 ? : 2 }}", "{{ . }}", "{{ ) }}", "{{ , }}", "{{ = }}", "{{ == 1 }}", "{{ and }}", "{{ not }}", "{{ 1 .. }}", "{{ @ }}",
            "{{ $x }}", "{{ 'a' ~ }}", "{{ text | slice(a=1, 2) }}", "{{ text.substring(a=1) }}", "{{ 9999999999999999999 }}", "{{ 1.2.3 }}",
            "{{ 1. }}", "{{ .5 }}", "{{ 1e5 }}", "{{ 0x10 }}", "{{ \"#{\" }}", "{{ \"#{ 1 \" }}", "{{ \"#{}\" }}", "{{ count }} {{", "{{ count }} {%",
            "{{ 'a' 'b' }}", "{{ true false }}", "{{ {'a': } }}", "{{ {: 1} }}", "{{ [,] }}", "{{ a.1 }}", "{{ a.'b' }}", "{{ -}}", "{{ count -}",
            "{{ (count) (1) }}", "{{ count() }}", "{{ items[0](1) }}", "{{ 'x'.length }}", "{{ 'x'.length() }}", "{{ 1.length }}",
            "{{", "{%", "{% ", "{{ 1 +", "{{ 1 + ", "{{ count ", "{{ count", "{% if ", "a {{  ",
        };

        private static readonly string[] s_strictCases =
        {
            "{{ missing }}", "{{ missing.x }}", "{{ NewPhoneContact.missing }}", "{{ nothing }}", "{{ nothing.x }}", "{{ json.nil }}", "{{ json.nil.x }}",
            "{{ items[9] }}", "{{ map.c }}", "{{ map['c'] }}", "{{ missing is defined }}", "{{ missing is null }}", "{{ missing is empty }}",
            "{{ missing | default('d') }}", "{{ missing.x | default('d') }}", "{{ missing ~ 'x' }}", "{% if missing %}a{% endif %}",
            "{% if nothing %}a{% else %}b{% endif %}", "{% for i in missing %}x{% endfor %}", "{% for i in nothing %}x{% else %}e{% endfor %}",
            "{{ text.nope }}", "{{ count.nope }}", "{{ \"#{missing}\" }}", "{{ max(missing, 1) }}", "{{ missing ? 1 : 2 }}", "{{ missing == null }}",
            "{% set a = missing %}", "{{ loop }}", "{{ items.nope }}", "{{ emptyList[0] }}", "{{ jarr[0].missing }}", "{{ jarr[0].tacnumber }}",
        };

        public static void AddAll(CaseSink sink)
        {
            foreach (string template in s_tags) sink.Add("tag", template);
            foreach (string template in s_whitespace) sink.Add("whitespace", template);
            foreach (string template in s_parseErrors) sink.Add("parse", template);
            foreach (string template in s_strictCases)
            {
                sink.Add("strict", template, strict: true);
                sink.Add("strict", template);
            }
        }
    }
}
