using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Models
{
    /// <summary>
    /// What a <c>-Flow</c> parameter binds: a <see cref="WxccFlow"/> already in memory, or the path of a Flow Designer export
    /// that the cmdlet loads while it processes the input, so a missing or malformed file is reported like Import-WxccFlow
    /// reports it (FlowFileNotFound, InvalidFlowExport) instead of as a parameter binding failure.
    /// </summary>
    public sealed class WxccFlowSource
    {
        /// <summary>Wraps a flow already in memory.</summary>
        public WxccFlowSource(WxccFlow flow)
        {
            Flow = flow;
        }

        /// <summary>Names an export file (resolved against the current location when the cmdlet loads it).</summary>
        public WxccFlowSource(string path)
        {
            Path = path;
        }

        /// <summary>The flow, when one was given.</summary>
        public WxccFlow? Flow { get; }

        /// <summary>The path as given, when a path was given.</summary>
        public string? Path { get; }

        /// <inheritdoc />
        public override string ToString() => Flow?.Name ?? Path ?? string.Empty;
    }
}
