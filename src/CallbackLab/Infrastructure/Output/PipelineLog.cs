using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using CallbackLab.Core.Http;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Collects the HTTP layer's messages from whatever thread sends them, so the cmdlet can write them to the
    /// verbose and debug streams on the pipeline thread (Write* from another thread throws).
    /// </summary>
    internal sealed class PipelineLog : IApiLog, IDisposable
    {
        private readonly BlockingCollection<(bool IsDebug, string Message)> _messages = new BlockingCollection<(bool, string)>();

        /// <inheritdoc />
        public void Verbose(string message) => Add(false, message);

        /// <inheritdoc />
        public void Debug(string message) => Add(true, message);

        /// <summary>No more messages will come: ends <see cref="Drain"/>.</summary>
        internal void Complete()
        {
            try
            {
                _messages.CompleteAdding();
            }
            catch (ObjectDisposedException)
            {
                // The cmdlet was stopped and already let go of the log.
            }
        }

        /// <summary>Yields messages as they arrive until <see cref="Complete"/> is called and all are taken.</summary>
        internal IEnumerable<(bool IsDebug, string Message)> Drain() => _messages.GetConsumingEnumerable();

        /// <inheritdoc />
        public void Dispose() => _messages.Dispose();

        private void Add(bool isDebug, string message)
        {
            try
            {
                _messages.TryAdd((isDebug, message));
            }
            catch (InvalidOperationException)
            {
                // The cmdlet already stopped listening (the work finished or was cancelled): nothing to show it to.
            }
        }
    }
}
