using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Simulation;

namespace CallbackLab.Core.Tests.Flows
{
    public sealed class OrderedParallelRunnerTests
    {
        [Fact]
        public async Task ResultsComeBackInSubmissionOrderWithAtMostTheThrottleLimitRunning()
        {
            int running = 0;
            int mostRunning = 0;
            var results = new List<int>();
            using var runner = new OrderedParallelRunner<int>(3);
            for (int i = 0; i < 40; i++)
            {
                int item = i;
                runner.Submit(async _ =>
                {
                    int now = Interlocked.Increment(ref running);
                    InterlockedMax(ref mostRunning, now);
                    await Task.Delay((40 - item) % 7, _).ConfigureAwait(false); // later items often finish first
                    Interlocked.Decrement(ref running);
                    return item;
                }, CancellationToken.None);
                while (runner.TryTakeNext(out Task<int> next))
                {
                    results.Add(await next);
                }

                Assert.True(runner.Pending <= runner.MaxInFlight, "in flight stays bounded");
            }

            while (runner.TryTakeAny(out Task<int> rest))
            {
                results.Add(await rest);
            }

            Assert.Equal(System.Linq.Enumerable.Range(0, 40), results);
            Assert.InRange(mostRunning, 1, 3);
            Assert.Equal(12, runner.MaxInFlight);
        }

        [Fact]
        public async Task TheOldestRunningItemIsHandedOutOnlyWhenTooManyWait()
        {
            var gate = new TaskCompletionSource<int>();
            using var runner = new OrderedParallelRunner<int>(1, maxInFlight: 2);
            runner.Submit(_ => gate.Task, CancellationToken.None);
            runner.Submit(_ => Task.FromResult(2), CancellationToken.None);
            Assert.False(runner.TryTakeNext(out _));
            runner.Submit(_ => Task.FromResult(3), CancellationToken.None);
            Assert.True(runner.TryTakeNext(out Task<int> oldest));
            Assert.False(oldest.IsCompleted);
            gate.SetResult(1);
            Assert.Equal(1, await oldest);
            Assert.Throws<ArgumentOutOfRangeException>(() => new OrderedParallelRunner<int>(0));
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
