using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>
    /// Runs work items with at most <see cref="ThrottleLimit"/> at once and hands the results back in submission order, with
    /// a bounded number of items in flight so memory stays flat however long the input is. Not thread-safe: one producer
    /// (a cmdlet's ProcessRecord) submits and takes.
    /// </summary>
    /// <typeparam name="TResult">What one item produces.</typeparam>
    public sealed class OrderedParallelRunner<TResult> : IDisposable
    {
        private readonly SemaphoreSlim _throttle;
        private readonly Queue<Task<TResult>> _pending = new Queue<Task<TResult>>();

        /// <summary>Creates a runner; <paramref name="maxInFlight"/> defaults to four times the throttle limit.</summary>
        public OrderedParallelRunner(int throttleLimit, int? maxInFlight = null)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "At least one item must be able to run.");
            ThrottleLimit = throttleLimit;
            MaxInFlight = Math.Max(throttleLimit, maxInFlight ?? throttleLimit * 4);
            _throttle = new SemaphoreSlim(throttleLimit);
        }

        /// <summary>How many items run at once.</summary>
        public int ThrottleLimit { get; }

        /// <summary>How many submitted items may wait for their turn to be taken before <see cref="TryTakeNext"/> asks the caller to wait.</summary>
        public int MaxInFlight { get; }

        /// <summary>Items submitted and not yet taken.</summary>
        public int Pending => _pending.Count;

        /// <summary>Starts <paramref name="work"/> as soon as a slot is free.</summary>
        public void Submit(Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
        {
            if (work is null) throw new ArgumentNullException(nameof(work));
            SemaphoreSlim throttle = _throttle;
            _pending.Enqueue(Task.Run(async () =>
            {
                await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await work(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    throttle.Release();
                }
            }, cancellationToken));
        }

        /// <summary>
        /// The oldest item, when it has finished or when too many are in flight (the caller then waits for it, which bounds
        /// memory); false when the oldest is still running and there is room for more.
        /// </summary>
        public bool TryTakeNext(out Task<TResult> next)
        {
            if (_pending.Count > 0 && (_pending.Peek().IsCompleted || _pending.Count > MaxInFlight))
            {
                next = _pending.Dequeue();
                return true;
            }

            next = null!;
            return false;
        }

        /// <summary>The oldest item whatever its state (to drain at the end of input); false when none is left.</summary>
        public bool TryTakeAny(out Task<TResult> next)
        {
            if (_pending.Count > 0)
            {
                next = _pending.Dequeue();
                return true;
            }

            next = null!;
            return false;
        }

        /// <inheritdoc />
        public void Dispose() => _throttle.Dispose();
    }
}
