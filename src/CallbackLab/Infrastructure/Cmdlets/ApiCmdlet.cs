using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet that calls an API: the shared timeout, retry and transport parameters, one
    /// <see cref="ApiHttpClient"/> per call whose verbose/debug messages reach the pipeline thread as they happen,
    /// and <see cref="ApiException"/> turned into ErrorRecords with stable ids.
    /// </summary>
    public abstract class ApiCmdlet : CallbackLabCmdlet
    {
        /// <summary>Seconds one attempt may take; 0 waits without limit. Default 100.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary>How many times a failed request is retried when that is safe. Default 2.</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int MaximumRetryCount { get; set; } = 2;

        /// <summary>Seconds between retries when the server sends no Retry-After. Default 1.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int RetryIntervalSec { get; set; } = 1;

        /// <summary>Allows sending a token over plain http:// to a host that is not the loopback.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>
        /// Runs API work on a fresh client and waits for it on the pipeline thread, writing its verbose and debug messages
        /// as they come. Ctrl+C cancels requests and retry waits at once.
        /// </summary>
        protected T RunApi<T>(Func<ApiHttpClient, CancellationToken, Task<T>> work, WxccConnection? connection = null)
        {
            using var log = new PipelineLog();
            var options = new ApiClientOptions
            {
                Timeout = TimeoutSec == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(TimeoutSec),
                MaximumRetryCount = MaximumRetryCount,
                RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec),
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent || connection?.AllowUnencryptedAuthentication == true,
                Log = log,
            };
            Task<T> task = StartWork(work, new ApiHttpClient(options), log);
            foreach ((bool isDebug, string message) in log.Drain())
            {
                if (isDebug)
                {
                    WriteDebug(message);
                }
                else
                {
                    WriteVerbose(message);
                }
            }

            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Writes a non-terminating error for a failed request: this input fails, the next one still runs.</summary>
        protected void WriteApiError(ApiException exception, object? target = null)
        {
            WriteError(ApiErrorRecords.Create(exception, target));
        }

        private Task<T> StartWork<T>(Func<ApiHttpClient, CancellationToken, Task<T>> work, ApiHttpClient http, PipelineLog log)
        {
            Task<T> task;
            try
            {
                task = work(http, StopToken);
            }
            catch
            {
                log.Complete();
                throw;
            }

            task.ContinueWith(_ => log.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return task;
        }
    }
}
