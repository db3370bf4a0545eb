using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Lets <c>-Flow</c> take a <see cref="WxccFlow"/>, a file or the path of an export. Files are NOT read here: a read
    /// failure thrown from a transformation surfaces as ParameterArgumentTransformationError, so the cmdlet loads the file
    /// with <see cref="FlowFileLoader"/> and reports it with the same ids as Import-WxccFlow.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class WxccFlowTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                case WxccFlowSource _:
                    return value;
                case WxccFlow flow:
                    return new WxccFlowSource(flow);
                case FileInfo file:
                    return new WxccFlowSource(file.FullName);
                case string path:
                    return new WxccFlowSource(path);
                case PSCustomObject _:
                    // Unchanged, so the binder's conversion fails quietly and it binds the object's FullName/Path by property name.
                    return inputData;
                default:
                    throw new ArgumentTransformationMetadataException(string.Format(
                        CultureInfo.CurrentCulture, FlowStrings.FlowArgumentNotAFlow, value.GetType().Name));
            }
        }
    }
}
