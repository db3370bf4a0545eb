using System.Management.Automation;
using CallbackLab.Core.Wxcc;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>The ErrorRecords of connection problems: Core's plain message, with the cmdlet advice as the recommended action.</summary>
    internal static class ConnectionErrorRecords
    {
        /// <summary>Nothing to send a WxCC call to; <paramref name="target"/> is what the user asked for (the task or query).</summary>
        internal static ErrorRecord NotConnected(WxccNotConnectedException exception, object? target)
        {
            return new ErrorRecord(exception, ErrorIds.WxccNotConnected, ErrorCategory.ConnectionError, target)
            {
                ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = ApiStrings.WxccNotConnectedAction },
            };
        }
    }
}
