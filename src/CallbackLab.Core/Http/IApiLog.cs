namespace CallbackLab.Core.Http
{
    /// <summary>
    /// Where the HTTP layer reports what it does. Every message is already redacted.
    /// The module queues these and writes them to -Verbose / -Debug on the pipeline thread.
    /// </summary>
    public interface IApiLog
    {
        /// <summary>Method and URL of each attempt, retries and their reasons.</summary>
        void Verbose(string message);

        /// <summary>Headers and bodies of requests and responses.</summary>
        void Debug(string message);
    }
}
