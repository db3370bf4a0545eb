using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.Expressions;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Renders a Flow Designer expression (Pebble template) with flow variables, as Flow Designer does.</para>
    /// </summary>
    [Cmdlet(VerbsData.Expand, "FlowExpression", HelpUri = HelpLinks.CmdletPages + "Expand-FlowExpression.md")]
    [OutputType(typeof(string))]
    public sealed class ExpandFlowExpressionCommand : CallbackLabCmdlet
    {
        private IVariableResolver? _variables;

        /// <summary>The template, e.g. <c>{{NewPhoneContact.DNIS | slice(2)}}</c>.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [Alias("Expr", "Template", "Value")]
        public string Expression { get; set; } = string.Empty;

        /// <summary>The flow variables: a hashtable or an object whose properties are the variables.</summary>
        [Parameter(Position = 1)]
        [Alias("Variables", "Vars")]
        public object? Variable { get; set; }

        /// <summary>Undefined variables are errors instead of empty text.</summary>
        [Parameter]
        public SwitchParameter Strict { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            try
            {
                _variables = PowerShellFlowVariables.ToResolver(Variable);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ex, ErrorIds.InvalidFlowVariables, ErrorCategory.InvalidArgument, Variable);
            }
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            string text = Expression ?? string.Empty;
            try
            {
                FlowTemplate template = FlowTemplate.Parse(text);
                var options = new ExpressionOptions { StrictVariables = Strict.IsPresent };
                WriteObject(template.Render(_variables ?? DictionaryVariableResolver.Empty, options));
            }
            catch (FlowExpressionException ex) when (ex.Kind == FlowExpressionErrorKind.Parse)
            {
                WriteError(NewErrorRecord(ex, ErrorIds.FlowExpressionParseError, ErrorCategory.ParserError, text,
                    Format(ExpressionStrings.ParseErrorDetails, ex), ExpressionStrings.ParseErrorRecommendedAction));
            }
            catch (FlowExpressionException ex)
            {
                WriteError(NewErrorRecord(ex, ErrorIds.FlowExpressionEvaluationError, ErrorCategory.InvalidOperation, text,
                    Format(ExpressionStrings.EvaluationErrorDetails, ex), ExpressionStrings.EvaluationErrorRecommendedAction));
            }
        }

        private static string Format(string format, FlowExpressionException ex) =>
            string.Format(CultureInfo.CurrentCulture, format, ex.Message, ex.Position, ex.Expression);
    }
}
