using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.JsonPath;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Selects values from JSON with a JSONPath expression, as Flow Designer's HTTP Request parsing does.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Select, "JsonPath", HelpUri = HelpLinks.CmdletPages + "Select-JsonPath.md")]
    [OutputType(typeof(PSObject), typeof(string), typeof(long), typeof(double), typeof(bool), typeof(object[]))]
    public sealed class SelectJsonPathCommand : CallbackLabCmdlet
    {
        /// <summary>The JSONPath expression, e.g. <c>$[0].tacnumber</c>; a path without <c>$</c> is read as <c>$</c> + path.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [Alias("JsonPathExp", "PathExpression")]
        public string Path { get; set; } = string.Empty;

        /// <summary>The JSON document to read.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [Alias("Content", "HttpResponseBody")]
        public string Json { get; set; } = string.Empty;

        /// <summary>Returns what a flow variable receives: one value, an array for filters and wildcards, or nothing.</summary>
        [Parameter]
        public SwitchParameter AsFlowVariable { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            JToken document;
            try
            {
                document = JToken.Parse(Json);
            }
            catch (JsonReaderException ex)
            {
                WriteError(
                    new FormatException(string.Format(CultureInfo.CurrentCulture, CommonStrings.InvalidJson, ex.Message), ex),
                    ErrorIds.InvalidJson, ErrorCategory.ParserError, Json);
                return;
            }

            try
            {
                if (AsFlowVariable.IsPresent)
                {
                    JToken? value = NewtonsoftJsonPathEngine.Instance.SelectForVariable(document, Path);
                    if (value != null)
                    {
                        WriteObject(JsonToPowerShell.ToValue(value), enumerateCollection: false);
                    }

                    return;
                }

                foreach (JToken match in NewtonsoftJsonPathEngine.Instance.SelectAll(document, Path))
                {
                    WriteObject(JsonToPowerShell.ToValue(match), enumerateCollection: false);
                }
            }
            catch (JsonPathException ex)
            {
                ThrowTerminatingError(ex, ErrorIds.InvalidJsonPath, ErrorCategory.InvalidArgument, Path);
            }
        }
    }
}
