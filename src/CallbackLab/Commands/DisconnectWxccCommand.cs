using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.Wxcc;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Forgets this session's Connect-Wxcc connection and its tokens.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Wxcc", HelpUri = HelpLinks.CmdletPages + "Disconnect-Wxcc.md")]
    [OutputType(typeof(void))]
    public sealed class DisconnectWxccCommand : CallbackLabCmdlet
    {
        /// <inheritdoc />
        protected override void EndProcessing()
        {
            WxccConnection? old = Session.Defaults.Disconnect();
            WriteVerbose(old is null
                ? ApiStrings.NotConnectedNothingToDo
                : string.Format(CultureInfo.CurrentCulture, ApiStrings.Disconnected, old.BaseUri));
        }
    }
}
