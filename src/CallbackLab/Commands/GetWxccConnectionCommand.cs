using System.Management.Automation;
using CallbackLab.Core.Wxcc;
using CallbackLab.Infrastructure;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the WxCC connection this session's cmdlets use: the Connect-Wxcc one or a started emulator's.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "WxccConnection", HelpUri = HelpLinks.CmdletPages + "Get-WxccConnection.md")]
    [OutputType(typeof(WxccConnection))]
    public sealed class GetWxccConnectionCommand : CallbackLabCmdlet
    {
        /// <inheritdoc />
        protected override void EndProcessing()
        {
            WxccConnection? connection = Session.Defaults.Default;
            if (connection != null)
            {
                WriteObject(connection);
            }
        }
    }
}
