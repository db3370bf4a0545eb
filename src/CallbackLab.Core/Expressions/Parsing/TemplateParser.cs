using System.Collections.Generic;
using System.Globalization;
using CallbackLab.Core.Expressions.Ast;
using CallbackLab.Core.Expressions.Runtime;

namespace CallbackLab.Core.Expressions.Parsing
{
    /// <summary>
    /// Pebble's parser: precedence climbing over its operator table, postfix attribute access, filters and tests with
    /// arguments, the ternary at the outermost level, and the if/for/set tags. Raises Pebble's messages at parse time.
    /// </summary>
    internal sealed class TemplateParser
    {
        /// <summary>Deepest nesting (parentheses, operator chains, tags) accepted; deeper input is refused, not a stack overflow.</summary>
        public const int MaxDepth = 100;

        private const int UnaryPrecedence = 500;

        private static readonly IReadOnlyDictionary<string, int> s_binaryPrecedence = new System.Collections.ObjectModel.ReadOnlyDictionary<string, int>(new Dictionary<string, int>
        {
            ["or"] = 10,
            ["and"] = 15,
            ["is"] = 20,
            ["is not"] = 20,
            ["contains"] = 20,
            ["=="] = 30,
            ["equals"] = 30,
            ["!="] = 30,
            [">"] = 30,
            ["<"] = 30,
            [">="] = 30,
            ["<="] = 30,
            ["+"] = 40,
            ["-"] = 40,
            ["*"] = 60,
            ["/"] = 60,
            ["%"] = 60,
            ["|"] = 100,
            ["~"] = 110,
            [".."] = 120,
        });

        private static readonly string[] s_ifBranchEnds = { "elseif", "else", "endif" };
        private static readonly string[] s_ifEnd = { "endif" };
        private static readonly string[] s_forBodyEnds = { "else", "endfor" };
        private static readonly string[] s_forEnd = { "endfor" };

        private static readonly HashSet<string> s_reservedNames = new HashSet<string> { "true", "false", "null", "none" };

        private readonly Dictionary<string, MacroDefinition> _macros = new Dictionary<string, MacroDefinition>(System.StringComparer.Ordinal);
        private readonly Dictionary<string, TemplateNode[]> _blocks = new Dictionary<string, TemplateNode[]>(System.StringComparer.Ordinal);
        private ExpressionNode? _extends;
        private readonly string _text;
        private readonly List<Token> _tokens;
        private int _pos;
        private int _depth;

        private TemplateParser(string text, List<Token> tokens)
        {
            _text = text;
            _tokens = tokens;
        }

        public static ParsedTemplate Parse(string text)
        {
            var parser = new TemplateParser(text, TemplateLexer.Tokenize(text));
            TemplateNode[] nodes = parser.ParseBody(null, null);
            return new ParsedTemplate(
                nodes,
                new System.Collections.ObjectModel.ReadOnlyDictionary<string, MacroDefinition>(parser._macros),
                new System.Collections.ObjectModel.ReadOnlyDictionary<string, TemplateNode[]>(parser._blocks),
                parser._extends);
        }

        private Token Current => _tokens[_pos];

        private Token Peek => _pos + 1 < _tokens.Count ? _tokens[_pos + 1] : _tokens[_tokens.Count - 1];

        private void Next()
        {
            if (_pos < _tokens.Count - 1) _pos++;
        }

        private Token Expect(TokenType type, string? value = null)
        {
            Token token = Current;
            bool ok = token.Type == type && (value is null || token.Value == value);
            if (!ok)
            {
                throw Error(
                    $"Unexpected token of value \"{token.Value ?? "null"}\" and type {TokenTypeNames.JavaName(token.Type)}, expected token of type {TokenTypeNames.JavaName(type)}",
                    token);
            }

            Next();
            return token;
        }

        private FlowExpressionException Error(string message, Token at) =>
            new FlowExpressionException(FlowExpressionErrorKind.Parse, message, at.Offset + 1, _text);

        private void Enter(int extra = 1)
        {
            _depth += extra;
            if (_depth > MaxDepth)
            {
                throw Error($"The template is nested more than {MaxDepth} levels deep.", Current);
            }
        }

        private TemplateNode[] ParseBody(string[]? stopTags, string? openTag)
        {
            var nodes = new List<TemplateNode>();
            while (Current.Type != TokenType.Eof)
            {
                Token token = Current;
                switch (token.Type)
                {
                    case TokenType.Text:
                        nodes.Add(new TextNode(token.Value ?? string.Empty, token.Offset));
                        Next();
                        break;
                    case TokenType.PrintStart:
                        Next();
                        ExpressionNode expression = ParseExpression(0);
                        Expect(TokenType.PrintEnd);
                        nodes.Add(new PrintNode(expression));
                        break;
                    case TokenType.ExecuteStart:
                        Next();
                        Token tag = Current;
                        if (stopTags != null && tag.Type == TokenType.Name && System.Array.IndexOf(stopTags, tag.Value) >= 0)
                        {
                            return nodes.ToArray();
                        }

                        nodes.Add(ParseTag(tag));
                        break;
                    default:
                        throw Error($"Unexpected token \"{TokenTypeNames.JavaName(token.Type)}\" of value \"{token.Value ?? "null"}\"", token);
                }
            }

            if (stopTags != null)
            {
                throw Error($"Unexpected end of template. Pebble was looking for the \"{stopTags[stopTags.Length - 1]}\" tag", Current);
            }

            return nodes.ToArray();
        }

        private TemplateNode ParseTag(Token tag)
        {
            Enter();
            try
            {
                switch (tag.Type == TokenType.Name ? tag.Value : null)
                {
                    case "if": return ParseIf();
                    case "for": return ParseFor();
                    case "set": return ParseSet();
                    case "filter": return ParseFilterTag();
                    case "autoescape": return ParseAutoEscape();
                    case "block": return ParseBlock();
                    case "extends":
                        Next();
                        _extends = ParseExpression(0);
                        Expect(TokenType.ExecuteEnd);
                        return NoOutputNode.Instance;
                    case "from": return ParseFrom();
                    case "cache": return ParseBodyTag("endcache", skipName: false);
                    case "parallel": return ParseBodyTag("endparallel", skipName: false);
                    case "flush":
                        Next();
                        Expect(TokenType.ExecuteEnd);
                        return NoOutputNode.Instance;
                    case "macro": return ParseMacro();
                    case "include": return ParseInclude(null);
                    case "embed": return ParseInclude("endembed");
                    case "import":
                        Next();
                        ExpressionNode source = ParseExpression(0);
                        Expect(TokenType.ExecuteEnd);
                        return new ImportNode(source, null);
                    default:
                        if (tag.Type != TokenType.Name) throw Error("A block must start with a tag name.", tag);
                        throw Error($"Unexpected tag name \"{tag.Value ?? "null"}\"", tag);
                }
            }
            finally
            {
                _depth--;
            }
        }

        /// <summary><c>{% filter a | b(1) %}…{% endfilter %}</c>.</summary>
        private TemplateNode ParseFilterTag()
        {
            Next();
            ExpressionNode chain = new FilterTagInputNode(Current.Offset);
            while (true)
            {
                chain = ParseFilter(chain);
                if (!Current.Is(TokenType.Operator, "|")) break;
                Next();
            }

            Expect(TokenType.ExecuteEnd);
            TemplateNode[] body = ParseBody(new[] { "endfilter" }, "filter");
            Next();
            Expect(TokenType.ExecuteEnd);
            return new FilterTagNode(body, chain);
        }

        /// <summary><c>{% autoescape [strategy|true|false] %}…{% endautoescape %}</c>.</summary>
        private TemplateNode ParseAutoEscape()
        {
            Next();
            ExpressionNode? strategy = Current.Type == TokenType.ExecuteEnd ? null : ParseExpression(0);
            Expect(TokenType.ExecuteEnd);
            TemplateNode[] body = ParseBody(new[] { "endautoescape" }, "autoescape");
            Next();
            Expect(TokenType.ExecuteEnd);
            return new AutoEscapeNode(body, strategy);
        }

        /// <summary>A tag whose body simply renders (<c>block name</c>, <c>cache key</c>, <c>parallel</c>).</summary>
        private TemplateNode ParseBodyTag(string endTag, bool skipName)
        {
            Next();
            if (skipName) Expect(TokenType.Name);
            else if (Current.Type != TokenType.ExecuteEnd) ParseExpression(0);
            Expect(TokenType.ExecuteEnd);
            TemplateNode[] body = ParseBody(new[] { endTag }, endTag.Substring(3));
            Next();
            if (Current.Type == TokenType.Name) Next();
            Expect(TokenType.ExecuteEnd);
            return new BodyNode(body);
        }

        /// <summary><c>{% block name %}…{% endblock [name] %}</c>.</summary>
        private TemplateNode ParseBlock()
        {
            Next();
            string name = Expect(TokenType.Name).Value!;
            Expect(TokenType.ExecuteEnd);
            TemplateNode[] body = ParseBody(new[] { "endblock" }, "block");
            Next();
            if (Current.Type == TokenType.Name) Next();
            Expect(TokenType.ExecuteEnd);
            _blocks[name] = body;
            return new BlockNode(name, body);
        }

        /// <summary><c>{% from 'name' import a, b as c %}</c>.</summary>
        private TemplateNode ParseFrom()
        {
            Next();
            ExpressionNode source = ParseExpression(0);
            Expect(TokenType.Name, "import");
            var names = new List<KeyValuePair<string, string>>();
            do
            {
                if (names.Count > 0) Next();
                string name = Expect(TokenType.Name).Value!;
                string alias = name;
                if (Current.Is(TokenType.Name, "as"))
                {
                    Next();
                    alias = Expect(TokenType.Name).Value!;
                }

                names.Add(new KeyValuePair<string, string>(name, alias));
            }
            while (Current.Is(TokenType.Punctuation, ","));
            Expect(TokenType.ExecuteEnd);
            return new ImportNode(source, names.ToArray());
        }

        /// <summary><c>{% macro name(a, b='x') %}…{% endmacro %}</c>: registered for the whole template; renders nothing where written.</summary>
        private TemplateNode ParseMacro()
        {
            Next();
            string name = Expect(TokenType.Name).Value!;
            Expect(TokenType.Punctuation, "(");
            var parameters = new List<string>();
            var defaults = new List<ExpressionNode?>();
            while (!Current.Is(TokenType.Punctuation, ")"))
            {
                if (parameters.Count > 0) Expect(TokenType.Punctuation, ",");
                parameters.Add(Expect(TokenType.Name).Value!);
                if (Current.Is(TokenType.Punctuation, "="))
                {
                    Next();
                    defaults.Add(ParseExpression(0));
                }
                else
                {
                    defaults.Add(null);
                }
            }

            Next();
            Expect(TokenType.ExecuteEnd);
            TemplateNode[] body = ParseBody(new[] { "endmacro" }, "macro");
            Next();
            if (Current.Type == TokenType.Name) Next();
            Expect(TokenType.ExecuteEnd);
            _macros[name] = new MacroDefinition(name, parameters.ToArray(), defaults.ToArray(), body);
            return NoOutputNode.Instance;
        }

        /// <summary><c>{% include 'name' %}</c>, or <c>{% embed 'name' %}…{% endembed %}</c> (its body is not used here).</summary>
        private TemplateNode ParseInclude(string? endTag)
        {
            Next();
            ExpressionNode name = ParseExpression(0);
            Expect(TokenType.ExecuteEnd);
            if (endTag != null)
            {
                ParseBody(new[] { endTag }, endTag.Substring(3));
                Next();
                Expect(TokenType.ExecuteEnd);
            }

            return new IncludeNode(name);
        }

        private TemplateNode ParseIf()
        {
            Next();
            var branches = new List<KeyValuePair<ExpressionNode, TemplateNode[]>>();
            TemplateNode[]? elseBody = null;
            branches.Add(ParseIfBranch());
            while (true)
            {
                string? tag = Current.Value;
                Next();
                if (tag == "elseif")
                {
                    branches.Add(ParseIfBranch());
                }
                else if (tag == "else")
                {
                    Expect(TokenType.ExecuteEnd);
                    elseBody = ParseBody(s_ifEnd, "if");
                }
                else
                {
                    Expect(TokenType.ExecuteEnd);
                    return new IfNode(branches.ToArray(), elseBody);
                }
            }
        }

        /// <summary>The condition of an <c>if</c>/<c>elseif</c> and the body up to the next branch tag.</summary>
        private KeyValuePair<ExpressionNode, TemplateNode[]> ParseIfBranch()
        {
            ExpressionNode condition = ParseExpression(0);
            Expect(TokenType.ExecuteEnd);
            return new KeyValuePair<ExpressionNode, TemplateNode[]>(condition, ParseBody(s_ifBranchEnds, "if"));
        }

        private TemplateNode ParseFor()
        {
            Next();
            string variable = ParseNewVariableName();
            Expect(TokenType.Name, "in");
            ExpressionNode iterable = ParseExpression(0);
            Expect(TokenType.ExecuteEnd);
            TemplateNode[] body = ParseBody(s_forBodyEnds, "for");
            TemplateNode[]? elseBody = null;
            if (Current.Value == "else")
            {
                Next();
                Expect(TokenType.ExecuteEnd);
                elseBody = ParseBody(s_forEnd, "for");
            }

            Expect(TokenType.Name, "endfor");
            Expect(TokenType.ExecuteEnd);
            return new ForNode(variable, iterable, body, elseBody);
        }

        private TemplateNode ParseSet()
        {
            Next();
            string name = ParseNewVariableName();
            Expect(TokenType.Punctuation, "=");
            ExpressionNode value = ParseExpression(0);
            Expect(TokenType.ExecuteEnd);
            return new SetNode(name, value);
        }

        private string ParseNewVariableName()
        {
            Token token = Expect(TokenType.Name);
            if (s_reservedNames.Contains(token.Value!)) throw Error($"Can not assign a value to {token.Value}", token);
            return token.Value!;
        }

        private ExpressionNode ParseExpression(int minPrecedence)
        {
            Enter();
            int chain = 0;
            try
            {
                Token token = Current;
                ExpressionNode expression;
                if (token.Type == TokenType.Operator && (token.Value == "not" || token.Value == "-" || token.Value == "+"))
                {
                    Next();
                    ExpressionNode operand = ParseExpression(UnaryPrecedence);
                    expression = new UnaryNode(token.Value == "not" ? UnaryOperator.Not : token.Value == "-" ? UnaryOperator.Minus : UnaryOperator.Plus, operand, token.Offset);
                }
                else if (token.Is(TokenType.Punctuation, "("))
                {
                    Next();
                    expression = ParseExpression(0);
                    Expect(TokenType.Punctuation, ")");
                    expression = ParsePostfix(expression);
                }
                else if (token.Is(TokenType.Punctuation, "["))
                {
                    expression = ParseList();
                }
                else if (token.Is(TokenType.Punctuation, "{"))
                {
                    expression = ParseMap();
                }
                else
                {
                    expression = ParsePrimary();
                }

                token = Current;
                while (token.Type == TokenType.Operator && s_binaryPrecedence.TryGetValue(token.Value!, out int precedence) && precedence >= minPrecedence)
                {
                    Enter();
                    chain++;
                    Next();
                    switch (token.Value)
                    {
                        case "|":
                            expression = ParseFilter(expression);
                            break;
                        case "is":
                        case "is not":
                            expression = ParseTest(expression, token.Value == "is not", token);
                            break;
                        default:
                            ExpressionNode right = ParseExpression(precedence + 1);
                            expression = MakeBinary(token, expression, right);
                            break;
                    }

                    token = Current;
                }

                if (minPrecedence == 0 && Current.Is(TokenType.Punctuation, "?"))
                {
                    Token question = Current;
                    Next();
                    ExpressionNode whenTrue = ParseExpression(0);
                    Expect(TokenType.Punctuation, ":");
                    ExpressionNode whenFalse = ParseExpression(0);
                    expression = new TernaryNode(expression, whenTrue, whenFalse, question.Offset);
                }

                return expression;
            }
            finally
            {
                _depth -= 1 + chain;
            }
        }

        private static ExpressionNode MakeBinary(Token op, ExpressionNode left, ExpressionNode right)
        {
            switch (op.Value)
            {
                case "or": return new LogicalNode(LogicalOperator.Or, left, right, op.Offset);
                case "and": return new LogicalNode(LogicalOperator.And, left, right, op.Offset);
                case "contains": return new BinaryNode(BinaryOperator.Contains, left, right, op.Offset);
                case "==":
                case "equals": return new BinaryNode(BinaryOperator.Equals, left, right, op.Offset);
                case "!=": return new BinaryNode(BinaryOperator.NotEquals, left, right, op.Offset);
                case ">": return new BinaryNode(BinaryOperator.Greater, left, right, op.Offset);
                case "<": return new BinaryNode(BinaryOperator.Less, left, right, op.Offset);
                case ">=": return new BinaryNode(BinaryOperator.GreaterOrEqual, left, right, op.Offset);
                case "<=": return new BinaryNode(BinaryOperator.LessOrEqual, left, right, op.Offset);
                case "+": return new BinaryNode(BinaryOperator.Add, left, right, op.Offset);
                case "-": return new BinaryNode(BinaryOperator.Subtract, left, right, op.Offset);
                case "*": return new BinaryNode(BinaryOperator.Multiply, left, right, op.Offset);
                case "/": return new BinaryNode(BinaryOperator.Divide, left, right, op.Offset);
                case "%": return new BinaryNode(BinaryOperator.Modulus, left, right, op.Offset);
                case "~": return new BinaryNode(BinaryOperator.Concatenate, left, right, op.Offset);
                default: return new BinaryNode(BinaryOperator.Range, left, right, op.Offset);
            }
        }

        private ExpressionNode ParsePrimary()
        {
            Token token = Current;
            ExpressionNode node;
            switch (token.Type)
            {
                case TokenType.Name:
                    switch (token.Value)
                    {
                        case "true":
                        case "TRUE":
                            node = new LiteralNode(PebbleValues.True, token.Offset);
                            Next();
                            break;
                        case "false":
                        case "FALSE":
                            node = new LiteralNode(PebbleValues.False, token.Offset);
                            Next();
                            break;
                        case "none":
                        case "NONE":
                        case "null":
                        case "NULL":
                            node = new LiteralNode(null, token.Offset);
                            Next();
                            break;
                        default:
                            Next();
                            if (Current.Is(TokenType.Punctuation, "("))
                            {
                                BuiltInFunctions.All.TryGetValue(token.Value!, out CallableDefinition<FunctionFunction>? function);
                                BoundArguments arguments = ParseArguments(function?.ArgumentNames);
                                node = new FunctionNode(token.Value!, function, arguments, token.Offset);
                            }
                            else
                            {
                                node = new VariableNode(new[] { token.Value! }, token.Offset);
                            }

                            break;
                    }

                    break;
                case TokenType.Long:
                case TokenType.Number:
                    node = new LiteralNode(ParseNumber(token), token.Offset);
                    Next();
                    break;
                case TokenType.String:
                case TokenType.StringInterpolationStart:
                    node = ParseString();
                    break;
                default:
                    throw Error($"Unexpected token \"{TokenTypeNames.JavaName(token.Type)}\" of value \"{token.Value ?? "null"}\"", token);
            }

            return ParsePostfix(node);
        }

        private object ParseNumber(Token token)
        {
            string text = token.Value!;
            if (token.Type == TokenType.Number && text.IndexOf('.') >= 0)
            {
                return double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            }

            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            {
                throw Error($"For input string: \"{text}\"", token);
            }

            return JavaNumbers.Box(value);
        }

        private ExpressionNode ParseString()
        {
            var parts = new List<ExpressionNode>();
            int offset = Current.Offset;
            TokenType? previous = null;
            while (true)
            {
                Token token = Current;
                if (token.Type == TokenType.String && previous != TokenType.String)
                {
                    Next();
                    parts.Add(new LiteralNode(token.Value ?? string.Empty, token.Offset));
                    previous = TokenType.String;
                }
                else if (token.Type == TokenType.StringInterpolationStart)
                {
                    Next();
                    parts.Add(ParseExpression(0));
                    Expect(TokenType.StringInterpolationEnd);
                    previous = TokenType.StringInterpolationEnd;
                }
                else
                {
                    break;
                }
            }

            if (parts.Count == 1 && parts[0] is LiteralNode) return parts[0];
            return new InterpolationNode(parts.ToArray(), offset);
        }

        private ExpressionNode ParsePostfix(ExpressionNode node)
        {
            int chain = 0;
            try
            {
                while (true)
                {
                    Token token = Current;
                    if (token.Is(TokenType.Punctuation, "."))
                    {
                        Next();
                        Token name = Expect(TokenType.Name);
                        if (Current.Is(TokenType.Punctuation, "("))
                        {
                            node = new AttributeNode(node, new LiteralNode(name.Value, name.Offset), ParseMethodArguments(), name.Offset);
                        }
                        else if (node is VariableNode variable)
                        {
                            node = variable.Append(name.Value!);
                        }
                        else
                        {
                            node = new AttributeNode(node, new LiteralNode(name.Value, name.Offset), null, name.Offset);
                        }
                    }
                    else if (token.Is(TokenType.Punctuation, "["))
                    {
                        Next();
                        ExpressionNode key = ParseExpression(0);
                        Expect(TokenType.Punctuation, "]");
                        node = new AttributeNode(node, key, null, token.Offset);
                    }
                    else if (token.Is(TokenType.Punctuation, "("))
                    {
                        // Pebble casts what precedes "(" to a function name; a variable or subscript fails that cast.
                        string? pebbleNode = node is VariableNode v ? (v.IsPlain ? "ContextVariableExpression" : "GetAttributeExpression")
                            : node is AttributeNode ? "GetAttributeExpression" : null;
                        if (pebbleNode != null)
                        {
                            throw Error(JavaErrors.ClassCast("io.pebbletemplates.pebble.node.expression." + pebbleNode, "io.pebbletemplates.pebble.node.FunctionOrMacroNameNode"), token);
                        }

                        throw Error($"Unexpected token \"PUNCTUATION\" of value \"(\"", token);
                    }
                    else
                    {
                        return node;
                    }

                    Enter();
                    chain++;
                }
            }
            finally
            {
                _depth -= chain;
            }
        }

        private ExpressionNode[] ParseMethodArguments()
        {
            var positional = new List<ExpressionNode>();
            var named = new List<NamedArgument>();
            ParseArgumentList(positional, named);
            if (named.Count > 0) throw Error("Can not use named arguments when calling a bean method", Current);
            return positional.ToArray();
        }

        private BoundArguments ParseArguments(string[]? argumentNames)
        {
            var positional = new List<ExpressionNode>();
            var named = new List<NamedArgument>();
            ParseArgumentList(positional, named);
            return BoundArguments.Bind(argumentNames, positional, named);
        }

        private void ParseArgumentList(List<ExpressionNode> positional, List<NamedArgument> named)
        {
            Expect(TokenType.Punctuation, "(");
            while (!Current.Is(TokenType.Punctuation, ")"))
            {
                if (positional.Count > 0 || named.Count > 0) Expect(TokenType.Punctuation, ",");
                string? name = null;
                if (Peek.Is(TokenType.Punctuation, "="))
                {
                    name = ParseNewVariableName();
                    Expect(TokenType.Punctuation, "=");
                }

                ExpressionNode value = ParseExpression(0);
                if (name is null)
                {
                    if (named.Count > 0) throw Error("Positional arguments must be declared before any named arguments.", Current);
                    positional.Add(value);
                }
                else
                {
                    named.Add(new NamedArgument(name, value));
                }
            }

            Expect(TokenType.Punctuation, ")");
        }

        private ExpressionNode ParseFilter(ExpressionNode input)
        {
            Token name = Expect(TokenType.Name);
            Runtime.Filters.FilterCatalog.Default.TryGetValue(name.Value!, out CallableDefinition<FilterFunction>? filter);
            BoundArguments arguments = Current.Is(TokenType.Punctuation, "(")
                ? ParseArguments(filter?.ArgumentNames)
                : BoundArguments.Bind(filter?.ArgumentNames, new List<ExpressionNode>(), new List<NamedArgument>());
            return new FilterNode(input, name.Value!, filter, arguments, name.Offset);
        }

        private ExpressionNode ParseTest(ExpressionNode input, bool negate, Token op)
        {
            Token name = Expect(TokenType.Name);
            BuiltInTests.All.TryGetValue(name.Value!, out CallableDefinition<TestFunction>? test);
            BoundArguments arguments = Current.Is(TokenType.Punctuation, "(")
                ? ParseArguments(test?.ArgumentNames)
                : BoundArguments.Bind(test?.ArgumentNames, new List<ExpressionNode>(), new List<NamedArgument>());
            return new TestNode(input, name.Value!, test, arguments, negate, name.Offset);
        }

        private ExpressionNode ParseList()
        {
            Token open = Expect(TokenType.Punctuation, "[");
            var items = new List<ExpressionNode>();
            if (Current.Is(TokenType.Punctuation, "]"))
            {
                Next();
                return new ListNode(items.ToArray(), open.Offset);
            }

            while (true)
            {
                items.Add(ParseExpression(0));
                if (Current.Is(TokenType.Punctuation, "]")) break;
                Expect(TokenType.Punctuation, ",");
            }

            Expect(TokenType.Punctuation, "]");
            return new ListNode(items.ToArray(), open.Offset);
        }

        private ExpressionNode ParseMap()
        {
            Token open = Expect(TokenType.Punctuation, "{");
            var entries = new List<KeyValuePair<ExpressionNode, ExpressionNode>>();
            if (Current.Is(TokenType.Punctuation, "}"))
            {
                Next();
                return new MapNode(entries.ToArray(), open.Offset);
            }

            while (true)
            {
                ExpressionNode key = ParseExpression(0);
                Expect(TokenType.Punctuation, ":");
                ExpressionNode value = ParseExpression(0);
                entries.Add(new KeyValuePair<ExpressionNode, ExpressionNode>(key, value));
                if (Current.Is(TokenType.Punctuation, "}")) break;
                Expect(TokenType.Punctuation, ",");
            }

            Expect(TokenType.Punctuation, "}");
            return new MapNode(entries.ToArray(), open.Offset);
        }
    }

    /// <summary>The parser's result: the node list.</summary>
    internal sealed class ParsedTemplate
    {
        public ParsedTemplate(TemplateNode[] nodes, IReadOnlyDictionary<string, MacroDefinition> macros, IReadOnlyDictionary<string, TemplateNode[]> blocks, ExpressionNode? extends)
        {
            Nodes = nodes;
            Macros = macros;
            Blocks = blocks;
            Extends = extends;
        }

        /// <summary>The template's blocks by name (what a template extending another overrides).</summary>
        public IReadOnlyDictionary<string, TemplateNode[]> Blocks { get; }

        /// <summary>The <c>extends</c> tag's template name, or null.</summary>
        public ExpressionNode? Extends { get; }

        public TemplateNode[] Nodes { get; }

        public IReadOnlyDictionary<string, MacroDefinition> Macros { get; }
    }
}
