using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>A slow or idle client cannot pin the emulator (header and idle timeouts, a connection cap), and the journal is bounded in bytes.</summary>
    [Trait("Category", "CrashAndFault")]
    public sealed class SlowClientAndJournalLimitTests
    {
        private const string DynVars = "flowdesigner/Lab/DynVars";

        [Fact]
        public async Task AClientTricklingHeadersIsCutOffAtTheHeaderTimeout()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { HeaderTimeout = TimeSpan.FromMilliseconds(500) });
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", lab.Emulator.Port);
            NetworkStream stream = client.GetStream();
            var clock = Stopwatch.StartNew();
            bool closed = false;
            try
            {
                // One header byte every 100 ms keeps the connection busy but never finishes the head.
                foreach (char c in "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + new string('s', 100))
                {
                    await stream.WriteAsync(new[] { (byte)c });
                    await Task.Delay(100);
                    if (clock.Elapsed > TimeSpan.FromSeconds(8))
                    {
                        break;
                    }
                }
            }
            catch (System.IO.IOException)
            {
                closed = true;
            }

            if (!closed)
            {
                closed = await ReadsEndAsync(stream);
            }

            Assert.True(closed, "the trickling client was not cut off");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), "cut off only after " + clock.Elapsed);
        }

        [Fact]
        public async Task AnIdleKeepAliveConnectionIsClosedAtTheIdleTimeout()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { IdleTimeout = TimeSpan.FromMilliseconds(500) });
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", lab.Emulator.Port);
            NetworkStream stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /" + DynVars + "/1 HTTP/1.1\r\nHost: x\r\n\r\n"));
            var clock = Stopwatch.StartNew();
            string answer = await RawHttp.ReadUntilClosedAsync(stream, 8000);
            Assert.Equal(200, RawHttp.Status(answer));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the idle connection stayed open " + clock.Elapsed);
        }

        [Fact]
        public async Task AnIdleSocketThatNeverSendsIsClosed()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { HeaderTimeout = TimeSpan.FromMilliseconds(500), IdleTimeout = TimeSpan.FromMilliseconds(500) });
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", lab.Emulator.Port);
            var clock = Stopwatch.StartNew();
            Assert.True(await ReadsEndAsync(client.GetStream()));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        }

        [Fact]
        public async Task ConnectionsOverTheCapAre503AndTheEmulatorServesAgainOnceTheyGo()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { MaxConnections = 2 });
            using var first = new TcpClient();
            using var second = new TcpClient();
            await first.ConnectAsync("127.0.0.1", lab.Emulator.Port);
            await second.ConnectAsync("127.0.0.1", lab.Emulator.Port);
            await Task.Delay(200);
            string refused = await RawHttp.ExchangeAsync(lab.Emulator.Port, "GET /" + DynVars + "/1 HTTP/1.1\r\nHost: x\r\n\r\n");
            Assert.Equal(503, RawHttp.Status(refused));
            first.Close();
            second.Close();
            await Task.Delay(300);
            Assert.Equal(200, RawHttp.Status(await RawHttp.ExchangeAsync(lab.Emulator.Port, "GET /" + DynVars + "/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
        }

        [Fact]
        public async Task TheJournalCapsEachHeaderTheQueryAndItsTotalBytes()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { JournalMaxBytes = 256 * 1024 });
            string longValue = new string('v', 6000);
            for (int i = 0; i < 40; i++)
            {
                using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, DynVars + "?q=" + new string('q', 6000));
                request.Headers.TryAddWithoutValidation("X-Long", longValue);
                request.Content = new System.Net.Http.StringContent("{\"dn\":\"" + new string('7', 60000) + "\"}", Encoding.UTF8, "application/json");
                using var response = await lab.Http.SendAsync(request);
            }

            var journal = lab.Emulator.Journal;
            Assert.InRange(journal.Count, 1, 39);
            Assert.True(journal.Sum(e => e.ApproximateBytes) <= 256 * 1024);
            JournalEntry last = journal.Last();
            Assert.Equal(JournalEntry.HeaderValueLimit, last.Headers["X-Long"].Length);
            Assert.Equal(JournalEntry.QueryLimit, last.Query.Length);
            Assert.True(last.IsTruncated);
        }

        private static async Task<bool> ReadsEndAsync(NetworkStream stream)
        {
            var buffer = new byte[1024];
            var clock = Stopwatch.StartNew();
            try
            {
                while (clock.Elapsed < TimeSpan.FromSeconds(8))
                {
                    Task<int> read = stream.ReadAsync(buffer, 0, buffer.Length);
                    if (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(8) - clock.Elapsed)) != read)
                    {
                        return false;
                    }

                    if (await read == 0)
                    {
                        return true;
                    }
                }
            }
            catch (System.IO.IOException)
            {
                return true;
            }

            return false;
        }
    }
}
