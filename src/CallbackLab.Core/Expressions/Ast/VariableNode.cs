using CallbackLab.Core.Expressions.Runtime;
using CallbackLab.Core.Expressions.Values;

namespace CallbackLab.Core.Expressions.Ast
{
    /// <summary>
    /// A variable with its chain of <c>.name</c> attributes (<c>NewPhoneContact.DNIS</c>). Flow Designer stores activity
    /// outputs under flat dotted names, so the longest flat name the resolver knows wins and the rest of the chain is
    /// read as attributes. The flat names are built once, at parse time.
    /// </summary>
    internal sealed class VariableNode : ExpressionNode
    {
        private readonly string[] _segments;
        private readonly string[] _flatNames; // _flatNames[k] = segments 0..k joined with dots

        public VariableNode(string[] segments, int offset)
            : base(offset)
        {
            _segments = segments;
            _flatNames = new string[segments.Length];
            string name = segments[0];
            _flatNames[0] = name;
            for (int i = 1; i < segments.Length; i++)
            {
                name = name + "." + segments[i];
                _flatNames[i] = name;
            }
        }

        public string FullName => _flatNames[_flatNames.Length - 1];

        /// <summary>The same variable with one more <c>.name</c> segment.</summary>
        public VariableNode Append(string segment)
        {
            var segments = new string[_segments.Length + 1];
            _segments.CopyTo(segments, 0);
            segments[_segments.Length] = segment;
            return new VariableNode(segments, Offset);
        }

        public string RootName => _segments[0];

        /// <summary>True for a plain variable without attributes (Pebble's ContextVariableExpression).</summary>
        public bool IsPlain => _segments.Length == 1;

        public override object? Evaluate(EvaluationContext context)
        {
            object? value;
            int resolved;
            if (context.TryGetLocal(_segments[0], out value))
            {
                resolved = 0;
            }
            else
            {
                resolved = -1;

                // A resolver that knows it holds no dotted names needs only the root looked up.
                int longest = context.Variables is DictionaryVariableResolver plain && !plain.HasDottedNames ? 0 : _flatNames.Length - 1;
                for (int k = longest; k >= 0; k--)
                {
                    if (context.Variables.TryGetValue(_flatNames[k], out value))
                    {
                        resolved = k;
                        break;
                    }
                }

                if (resolved < 0)
                {
                    if (context.StrictNow)
                    {
                        throw context.Error(Offset, $"Root attribute [{_segments[0]}] does not exist or can not be accessed and strict variables is set to true.");
                    }

                    return null;
                }
            }

            value = ValueImport.Import(value);
            for (int j = resolved + 1; j < _segments.Length; j++)
            {
                value = MemberAccess.GetAttribute(value, _segments[j], context, Offset, j == resolved + 1 ? _flatNames[resolved] : null);
            }

            return value;
        }
    }
}
