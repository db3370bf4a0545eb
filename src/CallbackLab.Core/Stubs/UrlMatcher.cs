using System;
using System.Text;
using System.Text.RegularExpressions;

namespace CallbackLab.Core.Stubs
{
    /// <summary>A stub's URL constraint. Written absolute (<c>https://host/path</c>) it constrains scheme, host and port too.</summary>
    public sealed class UrlMatcher
    {
        private readonly GuardedRegex? _regex;
        private readonly Uri? _absolute;

        /// <summary>Creates a URL constraint.</summary>
        /// <exception cref="ArgumentException">A pattern is not a valid regular expression, or an absolute URL is not valid.</exception>
        public UrlMatcher(UrlMatchKind kind, string? value)
        {
            Kind = kind;
            Value = value ?? string.Empty;
            IsAbsolute = LooksAbsolute(Value);
            switch (kind)
            {
                case UrlMatchKind.Url:
                case UrlMatchKind.UrlPath:
                    if (IsAbsolute && !Uri.TryCreate(Value, UriKind.Absolute, out _absolute))
                    {
                        throw new ArgumentException("'" + Value + "' is not a valid absolute URL.", nameof(value));
                    }

                    break;
                case UrlMatchKind.UrlPattern:
                case UrlMatchKind.UrlPathPattern:
                    _regex = GuardedRegex.ForRegex(Value.StartsWith("^", StringComparison.Ordinal) && Value.EndsWith("$", StringComparison.Ordinal) ? Value.Substring(1, Value.Length - 2) : Value, ignoreCase: false);
                    break;
                case UrlMatchKind.UrlPathTemplate:
                    _regex = new GuardedRegex(StubRegex.Create(TemplateToPattern(Value), ignoreCase: false), RequiredLiteral.OfGlob(Regex.Replace(Value, "\\{[^}]*\\}", "*")), ignoreCase: false);
                    break;
                case UrlMatchKind.UrlGlob:
                    _regex = GuardedRegex.ForGlob(Value, ignoreCase: false);
                    break;
            }
        }

        /// <summary>The constraint kind.</summary>
        public UrlMatchKind Kind { get; }

        /// <summary>The URL, path, pattern or glob as written.</summary>
        public string Value { get; }

        /// <summary>True when the value starts with a scheme, so scheme, host and port are constrained too.</summary>
        public bool IsAbsolute { get; }

        /// <summary>True when <paramref name="request"/>'s URL satisfies the constraint.</summary>
        public bool IsMatch(StubRequest request)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            switch (Kind)
            {
                case UrlMatchKind.Any:
                    return true;
                case UrlMatchKind.Url:
                    return _absolute != null
                        ? SameServer(_absolute, request.Uri) && string.Equals(_absolute.PathAndQuery, request.PathAndQuery, StringComparison.Ordinal)
                        : string.Equals(Value, request.PathAndQuery, StringComparison.Ordinal);
                case UrlMatchKind.UrlPath:
                    return _absolute != null
                        ? SameServer(_absolute, request.Uri) && string.Equals(_absolute.AbsolutePath, request.Path, StringComparison.Ordinal)
                        : string.Equals(Value, request.Path, StringComparison.Ordinal);
                case UrlMatchKind.UrlPattern:
                    return _regex!.IsMatch(IsAbsolute ? request.AbsoluteUrl : request.PathAndQuery);
                default:
                    return _regex!.IsMatch(IsAbsolute ? request.AbsoluteUrlWithoutQuery : request.Path);
            }
        }

        /// <summary>The constraint as a reason reads it, e.g. <c>urlPath '/v1/x'</c>.</summary>
        public override string ToString() => Kind == UrlMatchKind.Any ? "any URL" : char.ToLowerInvariant(Kind.ToString()[0]) + Kind.ToString().Substring(1) + " '" + Value + "'";

        private static bool LooksAbsolute(string value)
        {
            string text = value.StartsWith("^", StringComparison.Ordinal) ? value.Substring(1) : value;
            return text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("http\\://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https\\://", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("https?://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http[s]?://", StringComparison.OrdinalIgnoreCase);
        }

        private static bool SameServer(Uri expected, Uri actual) =>
            string.Equals(expected.Scheme, actual.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(expected.Host, actual.Host, StringComparison.OrdinalIgnoreCase)
            && expected.Port == actual.Port;

        private static string TemplateToPattern(string template)
        {
            var pattern = new StringBuilder("^");
            int i = 0;
            while (i < template.Length)
            {
                int open = template.IndexOf('{', i);
                if (open < 0)
                {
                    pattern.Append(Regex.Escape(template.Substring(i)));
                    break;
                }

                int close = template.IndexOf('}', open);
                if (close < 0)
                {
                    throw new ArgumentException("The path template '" + template + "' has an unclosed '{'.", nameof(template));
                }

                pattern.Append(Regex.Escape(template.Substring(i, open - i))).Append("[^/]+");
                i = close + 1;
            }

            return pattern.Append('$').ToString();
        }
    }
}
