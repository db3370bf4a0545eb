using CallbackLab.Core.Wxcc;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// A <see cref="WxccCmdlet"/> that gets the pipeline's connection handed to every record, as PSOpenAD's session base
    /// cmdlet hands its session to <c>ProcessRecordWithSession</c>: override <see cref="ProcessRecordWithConnection"/>.
    /// With nothing connected the first record stops the cmdlet with <c>WxccNotConnected</c>, naming <see cref="ConnectionErrorTarget"/>.
    /// </summary>
    public abstract class ConnectedWxccCmdlet : WxccCmdlet
    {
        /// <summary>The not-connected error's target: what this record asks for (null by default).</summary>
        protected virtual object? ConnectionErrorTarget => null;

        /// <summary>Resolves the connection once per pipeline and hands it to <see cref="ProcessRecordWithConnection"/>.</summary>
        protected sealed override void ProcessRecord()
        {
            ProcessRecordWithConnection(RequireConnection(ConnectionErrorTarget));
        }

        /// <summary>Processes one input with the pipeline's connection.</summary>
        protected abstract void ProcessRecordWithConnection(WxccConnection connection);
    }
}
