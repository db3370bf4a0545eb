using System;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Base of every CallbackLab cmdlet: one cancellation source cancelled in <see cref="StopProcessing"/>
    /// (so Ctrl+C stops a request or a delay at once), sync-over-async on the pipeline thread, and error helpers
    /// that always produce an <see cref="ErrorRecord"/> with a stable id, a category and the target object.
    /// </summary>
    public abstract class CallbackLabCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private bool _disposed;

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        /// <summary>The module state of this runspace.</summary>
        [SuppressMessage("Performance", "CA1822", Justification = "Every cmdlet reads the session as its own member, as PSOpenAD's session base cmdlet does; where it comes from is the base class's business.")]
        internal CallbackLabSession Session => CallbackLabSession.Current;

        /// <inheritdoc />
        protected override void StopProcessing()
        {
            try
            {
                _stopping.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The cmdlet already finished.
            }
        }

        /// <summary>
        /// Runs asynchronous work on the pipeline thread and waits for it. Write* calls stay on this thread.
        /// A cancellation caused by Ctrl+C surfaces as <see cref="PipelineStoppedException"/>.
        /// </summary>
        protected T RunSync<T>(Func<CancellationToken, Task<T>> work)
        {
            try
            {
                return work(StopToken).ConfigureAwait(false).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Runs asynchronous work that returns nothing; see <see cref="RunSync{T}"/>.</summary>
        protected void RunSync(Func<CancellationToken, Task> work)
        {
            RunSync<bool>(async token =>
            {
                await work(token).ConfigureAwait(false);
                return true;
            });
        }

        /// <summary>Builds an error record; <paramref name="details"/> becomes <see cref="ErrorRecord.ErrorDetails"/>.</summary>
        protected static ErrorRecord NewErrorRecord(
            Exception exception, string errorId, ErrorCategory category, object? target, string? details = null, string? recommendedAction = null)
        {
            var record = new ErrorRecord(exception, errorId, category, target);
            if (details != null || recommendedAction != null)
            {
                record.ErrorDetails = new ErrorDetails(details ?? exception.Message);
                if (recommendedAction != null)
                {
                    record.ErrorDetails.RecommendedAction = recommendedAction;
                }
            }

            return record;
        }

        /// <summary>Writes a non-terminating error: this input fails, the next one still runs.</summary>
        protected void WriteError(Exception exception, string errorId, ErrorCategory category, object? target, string? details = null)
        {
            WriteError(NewErrorRecord(exception, errorId, category, target, details));
        }

        /// <summary>Stops the cmdlet with a terminating error.</summary>
        protected void ThrowTerminatingError(Exception exception, string errorId, ErrorCategory category, object? target, string? details = null)
        {
            ThrowTerminatingError(NewErrorRecord(exception, errorId, category, target, details));
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases the cancellation source.</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (!_disposed && disposing)
            {
                _stopping.Dispose();
            }

            _disposed = true;
        }
    }
}
