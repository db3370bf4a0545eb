using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>Lets <c>-Flow</c> take a <see cref="WxccFlow"/> or the path of an export (resolved against the current location).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class WxccFlowTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                case WxccFlow _:
                    return value;
                case FileInfo file:
                    return Load(file.FullName);
                case string path:
                    return Load(engineIntrinsics.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
                default:
                    throw new ArgumentTransformationMetadataException(string.Format(
                        CultureInfo.CurrentCulture, FlowStrings.FlowArgumentNotAFlow, value.GetType().Name));
            }
        }

        private static WxccFlow Load(string path)
        {
            if (!File.Exists(path))
            {
                throw new ArgumentTransformationMetadataException(string.Format(CultureInfo.CurrentCulture, FlowStrings.FlowFileNotFound, path));
            }

            try
            {
                return WxccFlowReader.Load(path);
            }
            catch (FlowFormatException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
        }
    }
}
