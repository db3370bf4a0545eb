using System.Collections.Generic;
using System.Management.Automation;
using CallbackLab.Core.MockApi;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Infrastructure
{
    /// <summary>Writes a DynVars record as PowerShell sees it: the typed record, plus its other fields as note properties.</summary>
    internal static class DynVarsOutput
    {
        /// <summary>The record wrapped in a PSObject with one note property per extra field (e.g. <c>createdAt</c>).</summary>
        internal static PSObject ToPSObject(DynVarsRecord record)
        {
            var output = PSObject.AsPSObject(record);
            foreach (KeyValuePair<string, JToken> field in record.OtherJson)
            {
                if (output.Properties[field.Key] is null)
                {
                    output.Properties.Add(new PSNoteProperty(field.Key, JsonToPowerShell.ToValue(field.Value)));
                }
            }

            return output;
        }
    }
}
