using System;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Wxcc;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Lets a <c>-Connection</c> typed <see cref="WxccConnection"/> take an emulator too (as Start- or Get-CallbackLabEmulator
    /// wrote it, PSObject-wrapped or not): it binds the connection that emulator issued. Anything else fails at binding
    /// (ParameterArgumentTransformationError) with a message that says what the parameter takes.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class WxccConnectionTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case WxccConnection connection:
                    return connection;
                case CallbackLabEmulator emulator when !emulator.IsRunning:
                    throw new ArgumentTransformationMetadataException(
                        string.Format(CultureInfo.CurrentCulture, EmulatorStrings.EmulatorStopped, emulator.Uri));
                case CallbackLabEmulator emulator:
                    return emulator.Connection;
                case LabEmulator server:
                    return server.Connection;
                default:
                    throw new ArgumentTransformationMetadataException(string.Format(
                        CultureInfo.CurrentCulture, ApiStrings.ConnectionArgumentNotAConnection, value.GetType().Name));
            }
        }
    }
}
