using System;
using System.Collections.Generic;
using System.Text;

namespace CallbackLab.Core.Expressions.Parsing
{
    /// <summary>
    /// Splits template text into tokens with Pebble's lexer rules: operators before names before numbers before
    /// punctuation before strings, word operators only when not followed by a word character, bracket balancing,
    /// <c>#{…}</c> interpolation in double quotes, <c>{{-</c>/<c>-}}</c> whitespace control and the newline trimmed after a closing delimiter.
    /// </summary>
    internal sealed class TemplateLexer
    {
        // Longest first, as Pebble sorts them, so "is not" wins over "is" and "==" over "=".
        private static readonly string[] s_operators =
        {
            "contains", "equals", "is not", "and", "not", "or", "is", "==", "!=", ">=", "<=", "..", ">", "<", "+", "-", "*", "/", "%", "|", "~",
        };

        private const string Punctuation = "()[]{}?:.,|=";

        private const string OperatorStarts = "ceaoni=!<>.+-*/%|~";

        private enum State { Data, Execute, Print, String, StringInterpolation }

        private readonly string _source;
        private readonly List<Token> _tokens = new List<Token>();
        private readonly Stack<State> _states = new Stack<State>();
        private readonly Stack<KeyValuePair<string, int>> _brackets = new Stack<KeyValuePair<string, int>>();
        private int _pos;
        private bool _trimNextData;

        private TemplateLexer(string source)
        {
            _source = source;
        }

        public static List<Token> Tokenize(string source)
        {
            var lexer = new TemplateLexer(source);
            lexer.Run();
            return lexer._tokens;
        }

        private void Run()
        {
            _states.Push(State.Data);
            while (_pos < _source.Length)
            {
                switch (_states.Peek())
                {
                    case State.Data: LexData(); break;
                    case State.Execute: LexBetween("%}", TokenType.ExecuteEnd); break;
                    case State.Print: LexBetween("}}", TokenType.PrintEnd); break;
                    case State.String: LexString(); break;
                    default: LexInterpolation(); break;
                }
            }

            Push(TokenType.Eof, null, _source.Length);
            if (_brackets.Count > 0)
            {
                KeyValuePair<string, int> open = _brackets.Pop();
                throw Error($"Unclosed \"{open.Key}\"", open.Value);
            }
        }

        private void LexData()
        {
            int start = _pos;
            int found = -1;
            for (int i = _source.IndexOf('{', _pos); i >= 0 && i + 1 < _source.Length; i = _source.IndexOf('{', i + 1))
            {
                char next = _source[i + 1];
                if (next == '{' || next == '%' || next == '#')
                {
                    found = i;
                    break;
                }
            }

            int end = found < 0 ? _source.Length : found;
            string text = _source.Substring(start, end - start);
            if (_trimNextData)
            {
                text = TrimStart(text);
                _trimNextData = false;
            }

            if (found < 0)
            {
                Push(TokenType.Text, text, start);
                _pos = _source.Length;
                return;
            }

            char kind = _source[found + 1];
            _pos = found + 2;
            // Pebble's leading trim is "-" followed by whitespace; "{{-x}}" is a unary minus.
            bool trimBefore = _pos + 1 < _source.Length && _source[_pos] == '-' && char.IsWhiteSpace(_source[_pos + 1]);
            if (trimBefore)
            {
                text = TrimEnd(text);
                _pos++;
            }

            Push(TokenType.Text, text, start);
            if (kind == '#')
            {
                LexComment(found);
            }
            else if (kind == '{')
            {
                Push(TokenType.PrintStart, null, found);
                _states.Push(State.Print);
            }
            else if (!TryLexVerbatim())
            {
                Push(TokenType.ExecuteStart, null, found);
                _states.Push(State.Execute);
            }
        }

        private static readonly System.Text.RegularExpressions.Regex s_verbatimOpen =
            new System.Text.RegularExpressions.Regex(@"\G\s*verbatim\s*(-?)%}", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private static readonly System.Text.RegularExpressions.Regex s_verbatimClose =
            new System.Text.RegularExpressions.Regex(@"\{%(-?)\s*endverbatim\s*(-?)%}", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary><c>{% verbatim %}…{% endverbatim %}</c>: everything between is text, tags and all (Pebble handles it in its lexer).</summary>
        private bool TryLexVerbatim()
        {
            System.Text.RegularExpressions.Match open = s_verbatimOpen.Match(_source, _pos);
            if (!open.Success) return false;
            int bodyStart = open.Index + open.Length;
            System.Text.RegularExpressions.Match close = s_verbatimClose.Match(_source, bodyStart);
            if (!close.Success) throw Error("Unexpected end of template. Pebble was looking for the \"endverbatim\" tag", _pos);
            string body = _source.Substring(bodyStart, close.Index - bodyStart);
            if (open.Groups[1].Length > 0) body = TrimStart(body);
            if (close.Groups[1].Length > 0) body = TrimEnd(body);
            Push(TokenType.Text, body, bodyStart);
            _pos = close.Index + close.Length;
            if (close.Groups[2].Length > 0) _trimNextData = true;
            else SkipOneNewLine();
            return true;
        }

        private void LexComment(int openOffset)
        {
            int close = _source.IndexOf("#}", _pos, StringComparison.Ordinal);
            if (close < 0) throw Error("Unclosed comment.", openOffset);
            if (close > _pos && _source[close - 1] == '-') _trimNextData = true;
            _pos = close + 2;
            SkipOneNewLine();
        }

        private void LexBetween(string close, TokenType endType)
        {
            int before = _pos;
            SkipWhitespace();
            if (_pos >= _source.Length)
            {
                // Pebble's lexer reads whitespace up to the end of the text into its end-of-input sentinel.
                if (_pos > before) throw Error("Unexpected character [\0]", _pos);
                return;
            }

            if (_brackets.Count == 0)
            {
                if (string.CompareOrdinal(_source, _pos, close, 0, 2) == 0)
                {
                    Push(endType, close, _pos);
                    _pos += 2;
                    _states.Pop();
                    SkipOneNewLine();
                    return;
                }

                if (_source[_pos] == '-' && string.CompareOrdinal(_source, _pos + 1, close, 0, 2) == 0)
                {
                    Push(endType, close, _pos);
                    _pos += 3;
                    _states.Pop();
                    _trimNextData = true;
                    return;
                }
            }

            LexExpression();
        }

        private void LexInterpolation()
        {
            SkipWhitespace();
            if (_pos >= _source.Length) return;
            if (_brackets.Count > 0 && _brackets.Peek().Key == "#{" && _source[_pos] == '}')
            {
                _brackets.Pop();
                Push(TokenType.StringInterpolationEnd, null, _pos);
                _pos++;
                _states.Pop();
                return;
            }

            LexExpression();
        }

        private void LexString()
        {
            if (_source[_pos] == '#' && _pos + 1 < _source.Length && _source[_pos + 1] == '{')
            {
                _brackets.Push(new KeyValuePair<string, int>("#{", _pos));
                Push(TokenType.StringInterpolationStart, null, _pos);
                _pos += 2;
                _states.Push(State.StringInterpolation);
                return;
            }

            // Everything up to the next interpolation or closing quote; Pebble keeps escapes here as written.
            int start = _pos;
            int i = _pos;
            while (i < _source.Length)
            {
                char c = _source[i];
                if (c == '\\' && i + 1 < _source.Length) { i += 2; continue; }
                if (c == '"') break;
                if (c == '#' && i + 1 < _source.Length && _source[i + 1] == '{') break;
                i++;
            }

            if (i > start)
            {
                Push(TokenType.String, _source.Substring(start, Math.Min(i, _source.Length) - start), start);
                _pos = Math.Min(i, _source.Length);
                return;
            }

            if (_source[_pos] == '"')
            {
                _brackets.Pop();
                _states.Pop();
                _pos++;
            }
        }

        private void LexExpression()
        {
            SkipWhitespace();
            if (_pos >= _source.Length) return;
            int start = _pos;

            string? op = MatchOperator();
            if (op != null)
            {
                Push(TokenType.Operator, op, start);
                _pos += op.Length;
                return;
            }

            char c = _source[_pos];
            if (char.IsLetter(c) || c == '_')
            {
                int i = _pos + 1;
                while (i < _source.Length && (char.IsLetterOrDigit(_source[i]) || _source[i] == '_')) i++;
                Push(TokenType.Name, _source.Substring(_pos, i - _pos), start);
                _pos = i;
                return;
            }

            if (c >= '0' && c <= '9')
            {
                int i = _pos;
                while (i < _source.Length && _source[i] >= '0' && _source[i] <= '9') i++;
                if (i < _source.Length && _source[i] == 'L')
                {
                    Push(TokenType.Long, _source.Substring(_pos, i - _pos), start);
                    _pos = i + 1;
                    return;
                }

                if (i + 1 < _source.Length && _source[i] == '.' && _source[i + 1] >= '0' && _source[i + 1] <= '9')
                {
                    i++;
                    while (i < _source.Length && _source[i] >= '0' && _source[i] <= '9') i++;
                }

                Push(TokenType.Number, _source.Substring(_pos, i - _pos), start);
                _pos = i;
                return;
            }

            if (Punctuation.IndexOf(c) >= 0)
            {
                if (c == '(' || c == '[' || c == '{')
                {
                    _brackets.Push(new KeyValuePair<string, int>(c.ToString(), _pos));
                }
                else if (c == ')' || c == ']' || c == '}')
                {
                    if (_brackets.Count == 0) throw Error($"Unexpected \"{c}\"", _pos);
                    string open = _brackets.Pop().Key;
                    string expected = open == "(" ? ")" : open == "[" ? "]" : open == "{" ? "}" : "\"";
                    if (expected != c.ToString()) throw Error($"Unclosed \"{expected}\"", _pos);
                }

                Push(TokenType.Punctuation, c.ToString(), start);
                _pos++;
                return;
            }

            if (c == '\'' || c == '"')
            {
                if (TryLexPlainString(c)) return;
                if (c == '"')
                {
                    _brackets.Push(new KeyValuePair<string, int>("\"", _pos));
                    _states.Push(State.String);
                    _pos++;
                    return;
                }
            }

            throw Error($"Unexpected character [{c}]", _pos);
        }

        /// <summary>A single-quoted string, or a double-quoted one without <c>#</c> (which Pebble sends to interpolation).</summary>
        private bool TryLexPlainString(char quote)
        {
            int i = _pos + 1;
            while (i < _source.Length)
            {
                char c = _source[i];
                if (c == '\\' && i + 1 < _source.Length) { i += 2; continue; }
                if (quote == '"' && c == '#') return false;
                if (c == quote) break;
                i++;
            }

            if (i >= _source.Length) return false;
            string body = _source.Substring(_pos + 1, i - _pos - 1);
            body = quote == '\'' ? body.Replace("\\'", "'") : body.Replace("\\\"", "\"");
            Push(TokenType.String, body, _pos);
            _pos = i + 1;
            return true;
        }

        private string? MatchOperator()
        {
            // Most tokens are names and numbers: rule them out by their first character before trying every operator.
            if (OperatorStarts.IndexOf(_source[_pos]) < 0) return null;
            foreach (string op in s_operators)
            {
                if (string.CompareOrdinal(_source, _pos, op, 0, op.Length) != 0 || _pos + op.Length > _source.Length) continue;
                if (char.IsLetter(op[op.Length - 1]))
                {
                    int after = _pos + op.Length;
                    if (after < _source.Length && IsAsciiWord(_source[after])) continue;
                }

                return op;
            }

            return null;
        }

        private static bool IsAsciiWord(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';

        private void SkipWhitespace()
        {
            while (_pos < _source.Length && char.IsWhiteSpace(_source[_pos])) _pos++;
        }

        /// <summary>Pebble's newLineTrimming (on by default): one line break right after a closing delimiter is dropped.</summary>
        private void SkipOneNewLine()
        {
            if (_pos >= _source.Length) return;
            char c = _source[_pos];
            if ((c == '\r' || c == '\n') && _pos + 1 < _source.Length)
            {
                char d = _source[_pos + 1];
                if ((c == '\r' && d == '\n') || (c == '\n' && d == '\r'))
                {
                    _pos += 2;
                    return;
                }
            }

            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') _pos++;
        }

        private void Push(TokenType type, string? value, int offset)
        {
            if (type == TokenType.Text && string.IsNullOrEmpty(value)) return;
            _tokens.Add(new Token(type, value, offset));
        }

        private FlowExpressionException Error(string message, int offset) =>
            new FlowExpressionException(FlowExpressionErrorKind.Parse, message, offset + 1, _source);

        private static string TrimStart(string text)
        {
            int i = 0;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            return i == 0 ? text : text.Substring(i);
        }

        private static string TrimEnd(string text)
        {
            int i = text.Length;
            while (i > 0 && char.IsWhiteSpace(text[i - 1])) i--;
            return i == text.Length ? text : text.Substring(0, i);
        }
    }
}
