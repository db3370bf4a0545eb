namespace CallbackLab.Core.Expressions.Parsing
{
    /// <summary>Pebble's token types; <see cref="TokenTypeNames.JavaName"/> gives the names its error messages print.</summary>
    internal enum TokenType
    {
        Eof,
        Text,
        ExecuteStart,
        ExecuteEnd,
        PrintStart,
        PrintEnd,
        Name,
        Number,
        Long,
        String,
        Operator,
        Punctuation,
        StringInterpolationStart,
        StringInterpolationEnd,
    }

    /// <summary>Maps token types to the Java enum names that appear in Pebble's messages.</summary>
    internal static class TokenTypeNames
    {
        public static string JavaName(TokenType type)
        {
            switch (type)
            {
                case TokenType.Eof: return "EOF";
                case TokenType.Text: return "TEXT";
                case TokenType.ExecuteStart: return "EXECUTE_START";
                case TokenType.ExecuteEnd: return "EXECUTE_END";
                case TokenType.PrintStart: return "PRINT_START";
                case TokenType.PrintEnd: return "PRINT_END";
                case TokenType.Name: return "NAME";
                case TokenType.Number: return "NUMBER";
                case TokenType.Long: return "LONG";
                case TokenType.String: return "STRING";
                case TokenType.Operator: return "OPERATOR";
                case TokenType.Punctuation: return "PUNCTUATION";
                case TokenType.StringInterpolationStart: return "STRING_INTERPOLATION_START";
                default: return "STRING_INTERPOLATION_END";
            }
        }
    }

    /// <summary>One token: type, value (null for delimiters Pebble stores without a value) and 0-based offset.</summary>
    internal readonly struct Token
    {
        public Token(TokenType type, string? value, int offset)
        {
            Type = type;
            Value = value;
            Offset = offset;
        }

        public TokenType Type { get; }

        public string? Value { get; }

        public int Offset { get; }

        public bool Is(TokenType type, string value) => Type == type && Value == value;
    }
}
