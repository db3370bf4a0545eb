using System;
using CallbackLab.Core.Emulator;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>What Set-CallbackLabFault -Verbose and -WhatIf show: the whole rule, not only its method and path.</summary>
    public sealed class FaultRuleDescriptionTests
    {
        [Fact]
        public void AStatusFaultNamesItsStatusRetryAfterCountAndProbability()
        {
            var rule = new FaultRule { Method = "GET", PathPattern = "/v1/tasks", StatusCode = 503, RetryAfterSeconds = 5, Count = 2, Probability = 0.5 };
            Assert.Equal("GET /v1/tasks: status 503, Retry-After 5 s, 2 times, probability 0.5", rule.ToString());
        }

        [Fact]
        public void ALatencyAndDropFaultNamesBothAndEveryRequest()
        {
            var rule = new FaultRule { Latency = TimeSpan.FromMilliseconds(250), DropConnection = true };
            Assert.Equal("* *: latency 250 ms, drop connection, every request", rule.ToString());
        }

        [Fact]
        public void ABodyIsDescribedByItsLengthOnly()
        {
            var rule = new FaultRule { StatusCode = 500, Body = "secret-ish", Count = 1 };
            Assert.Equal("* *: status 500, body of 10 characters, 1 time", rule.ToString());
        }
    }
}
