namespace CallbackLab.Core.Http
{
    /// <summary>An <see cref="IApiLog"/> that discards everything.</summary>
    public sealed class NullApiLog : IApiLog
    {
        /// <summary>The single instance.</summary>
        public static readonly NullApiLog Instance = new NullApiLog();

        private NullApiLog()
        {
        }

        /// <inheritdoc />
        public void Verbose(string message)
        {
        }

        /// <inheritdoc />
        public void Debug(string message)
        {
        }
    }
}
