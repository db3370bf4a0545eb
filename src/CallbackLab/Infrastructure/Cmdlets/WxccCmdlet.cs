using System.Management.Automation;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet that calls the WxCC API (the model is PSOpenAD's session base cmdlet): it owns <c>-Connection</c>
    /// (a <see cref="WxccConnection"/>, or an emulator, which binds the connection it issued) and resolves the connection once
    /// per pipeline, the given one or else the session default (see <see cref="EndpointDefaults"/>), so every input of one
    /// pipeline goes to the same place. Derive from <see cref="ConnectedWxccCmdlet"/> to get the connection handed to each
    /// record; derive from this class when the cmdlet must do something first (ask ShouldProcess so -WhatIf needs no
    /// connection, build the request the not-connected error names) or works in EndProcessing, and call
    /// <see cref="RequireConnection"/> when it needs the connection.
    /// </summary>
    public abstract class WxccCmdlet : ApiCmdlet
    {
        private WxccConnection? _resolved;

        /// <summary>The WxCC connection, or an emulator; default: the session's (the newest of Connect-Wxcc and a started emulator).</summary>
        [Parameter]
        [ValidateNotNull]
        [WxccConnectionTransformation]
        public WxccConnection? Connection { get; set; }

        /// <summary>
        /// The connection of this pipeline: resolved on the first call and kept. With none given and no session default, a
        /// terminating <c>WxccNotConnected</c> error (ConnectionError, the advice as RecommendedAction) whose target is <paramref name="target"/>.
        /// </summary>
        /// <param name="target">What the user asked for (the task, query or flow), so a script can tell which input failed.</param>
        protected WxccConnection RequireConnection(object? target)
        {
            if (_resolved is null)
            {
                try
                {
                    _resolved = Session.Defaults.RequireConnection(Connection);
                }
                catch (WxccNotConnectedException ex)
                {
                    ThrowTerminatingError(ConnectionErrorRecords.NotConnected(ex, target));
                    throw; // unreachable: ThrowTerminatingError always throws
                }
            }

            return _resolved;
        }
    }
}
