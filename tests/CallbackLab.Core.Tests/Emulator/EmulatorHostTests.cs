using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>The console host as a separate process: killed while writers post (the data file must parse and hold every acknowledged record), stopped by Ctrl+C (SIGINT) or SIGTERM, and its options.</summary>
    [Trait("Category", "CrashAndFault")]
    public sealed class EmulatorHostTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "cblab-crash-" + Guid.NewGuid().ToString("N"));

        public EmulatorHostTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public void Dispose()
        {
            Directory.Delete(_folder, recursive: true);
        }

        private static Process StartHost(params string[] args) => EmulatorHost.Start(args);

        /// <summary>The base address from the host's first, machine-readable line.</summary>
        private static async Task<Uri> ReadBaseUriAsync(Process host)
        {
            string firstLine = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? string.Empty;
            Assert.StartsWith("Listening: ", firstLine);
            return new Uri(firstLine.Substring("Listening: ".Length).Trim());
        }

        [Fact]
        public async Task AKilledHostLeavesAValidFileWithEveryAcknowledgedRecord()
        {
            string data = Path.Combine(_folder, "lab.json");
            using Process host = StartHost("--port", "0", "--data", data, "--record-limit", "0");
            try
            {
                Uri baseUri = await ReadBaseUriAsync(host);
                using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
                var acknowledged = new ConcurrentBag<string>();
                using var killed = new CancellationTokenSource();
                Task[] writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
                {
                    for (int i = 0; i < 200 && !killed.IsCancellationRequested; i++)
                    {
                        try
                        {
                            using var content = new StringContent($"{{\"writer\":{w},\"n\":{i}}}", Encoding.UTF8, "application/json");
                            using HttpResponseMessage response = await http.PostAsync("flowdesigner/Lab/DynVars", content);
                            if ((int)response.StatusCode == 201)
                            {
                                acknowledged.Add((string)JObject.Parse(await response.Content.ReadAsStringAsync())["id"]!);
                            }
                        }
                        catch (Exception ex) when (ex is HttpRequestException || ex is TaskCanceledException)
                        {
                            return; // the host is gone
                        }
                    }
                })).ToArray();

                var deadline = Stopwatch.StartNew();
                while (acknowledged.Count < 40 && deadline.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(5);
                }

                host.Kill(entireProcessTree: true);
                killed.Cancel();
                await Task.WhenAll(writers);
                await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

                Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} records were acknowledged before the kill");
                // The data file and its log, read by the next start, hold every acknowledged record once (a torn tail is at most one warning).
                using var restarted = new EmulatorClient(new CallbackLab.Core.Emulator.LabEmulatorOptions { DataPath = data, RecordLimit = null });
                JToken records = (await restarted.GetAsync("flowdesigner/Lab/DynVars")).Json;
                var ids = records.Select(r => (string)r["id"]!).ToHashSet();
                Assert.All(acknowledged, id => Assert.Contains(id, ids));
                Assert.Equal(ids.Count, records.Count());
                Assert.True(restarted.Emulator.StartWarnings.Count <= 1, string.Join("\n", restarted.Emulator.StartWarnings));
            }
            finally
            {
                if (!host.HasExited)
                {
                    host.Kill(entireProcessTree: true);
                }
            }
        }

        /// <summary>
        /// Ctrl+C is SIGINT to the process; <c>kill -INT</c> sends exactly that (and <c>-TERM</c> what a service manager sends).
        /// Unix only: Windows has no way to send one process's Ctrl+C to another that is not on the same console.
        /// </summary>
        [Theory]
        [InlineData("INT")]
        [InlineData("TERM")]
        public async Task ASignalStopsTheHostCleanlyWithExitCode0AndReleasesThePort(string signal)
        {
            Assert.False(OperatingSystem.IsWindows(), "this test sends a POSIX signal with kill(1)");
            using Process host = StartHost("--port", "0");
            try
            {
                Uri baseUri = await ReadBaseUriAsync(host);
                Task<string> rest = host.StandardOutput.ReadToEndAsync(); // keep draining so the host never blocks on a full pipe
                using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
                {
                    Assert.Equal(200, (int)(await http.GetAsync(new Uri(baseUri, "flowdesigner/Lab/DynVars/1"))).StatusCode);
                }

                var kill = new ProcessStartInfo("kill") { UseShellExecute = false };
                kill.ArgumentList.Add("-" + signal);
                kill.ArgumentList.Add(host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                using (Process sender = Process.Start(kill)!)
                {
                    await sender.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                    Assert.Equal(0, sender.ExitCode);
                }

                await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(0, host.ExitCode);
                Assert.Contains("Press Ctrl+C to stop.", await rest);
                var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, baseUri.Port);
                probe.Start(); // throws SocketException (address in use) if the host left the port bound
                probe.Stop();
            }
            finally
            {
                if (!host.HasExited)
                {
                    host.Kill(entireProcessTree: true);
                }
            }
        }

        [Theory]
        [InlineData("--port", "x", "--port needs a whole number from 0 to 65535.")]
        [InlineData("--bind", "nowhere", "--bind needs an IP address, e.g. 127.0.0.1.")]
        [InlineData("--colour", "red", "Unknown option --colour.")]
        [InlineData("--header-timeout", "0", "--header-timeout needs a number of seconds from 0.1 to 3600.")]
        [InlineData("--idle-timeout", "x", "--idle-timeout needs a number of seconds from 0.1 to 3600.")]
        [InlineData("--max-connections", "0", "--max-connections needs a whole number from 1 to 100000.")]
        public async Task TheHostRefusesBadOptionsWithExitCode2(string option, string value, string message)
        {
            using Process host = StartHost(option, value);
            string error = await host.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(2, host.ExitCode);
            Assert.StartsWith(message + Environment.NewLine + "Usage: CallbackLab.EmulatorHost", error);
        }

        /// <summary>Runs the host to its end and returns its exit code, standard output and standard error.</summary>
        private static async Task<(int ExitCode, string Output, string Error)> RunToEndAsync(params string[] args)
        {
            using Process host = StartHost(args);
            Task<string> output = host.StandardOutput.ReadToEndAsync();
            Task<string> error = host.StandardError.ReadToEndAsync();
            try
            {
                await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            finally
            {
                if (!host.HasExited)
                {
                    host.Kill(entireProcessTree: true);
                }
            }

            return (host.ExitCode, await output, await error);
        }

        private static void AssertOneClearLine(string error, string expected)
        {
            string[] lines = error.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, "expected one line on standard error, got:\n" + error);
            Assert.Contains(expected, lines[0]);
            Assert.DoesNotContain("   at ", error);
            Assert.DoesNotContain("Exception", error);
        }

        [Fact]
        public async Task APortInUseIsOneClearLineAndExitCode2()
        {
            using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            taken.Start();
            int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            var (exitCode, output, error) = await RunToEndAsync("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, output);
            AssertOneClearLine(error, "cannot listen on 127.0.0.1:" + port);
        }

        [Fact]
        public async Task AnAddressThatIsNotThisMachinesIsOneClearLineAndExitCode2()
        {
            var (exitCode, _, error) = await RunToEndAsync("--bind", "192.0.2.1"); // TEST-NET-1: never a local address
            Assert.Equal(2, exitCode);
            AssertOneClearLine(error, "cannot listen on 192.0.2.1");
        }

        [Fact]
        public async Task ACorruptDataFileIsOneClearLineAndExitCode2AndStaysUntouched()
        {
            string data = Path.Combine(_folder, "lab.json");
            File.WriteAllText(data, "{\"resources\":{\"x\":5}}");
            var (exitCode, _, error) = await RunToEndAsync("--data", data);
            Assert.Equal(2, exitCode);
            AssertOneClearLine(error, "'resources.x'");
            Assert.Contains(data, error);
            Assert.Equal("{\"resources\":{\"x\":5}}", File.ReadAllText(data));
        }

        [Fact]
        public async Task AMissingSeedIsOneClearLineAndExitCode2()
        {
            string seed = Path.Combine(_folder, "missing-seed.json");
            var (exitCode, _, error) = await RunToEndAsync("--seed", seed);
            Assert.Equal(2, exitCode);
            AssertOneClearLine(error, seed);
        }

        [Fact]
        public async Task ACorruptSeedIsOneClearLineAndExitCode2()
        {
            string seed = Path.Combine(_folder, "seed.json");
            File.WriteAllText(seed, "42");
            var (exitCode, _, error) = await RunToEndAsync("--seed", seed);
            Assert.Equal(2, exitCode);
            AssertOneClearLine(error, seed);
        }

        [Fact]
        public async Task StubFilesGivenWithStubAnswerOverLoopback()
        {
            string first = Path.Combine(_folder, "first.json");
            string second = Path.Combine(_folder, "mappings.json");
            File.WriteAllText(first, "{\"request\":{\"method\":\"GET\",\"urlPath\":\"/hello\"},\"response\":{\"status\":299,\"body\":\"stubbed\"}}");
            File.WriteAllText(second, "{\"mappings\":[{\"request\":{\"method\":\"GET\",\"urlPath\":\"/flowdesigner/Lab/DynVars\"},\"response\":{\"status\":503,\"body\":\"down\"}}]}");
            using Process host = StartHost("--port", "0", "--stub", first, "--stub", second);
            try
            {
                Uri baseUri = await ReadBaseUriAsync(host);
                Assert.Equal("127.0.0.1", baseUri.Host);
                using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
                using HttpResponseMessage hello = await http.GetAsync("hello");
                Assert.Equal(299, (int)hello.StatusCode);
                Assert.Equal("stubbed", await hello.Content.ReadAsStringAsync());
                using HttpResponseMessage overridden = await http.GetAsync("flowdesigner/Lab/DynVars");
                Assert.Equal(503, (int)overridden.StatusCode); // the WireMock mapping answers before the built-in MockAPI
            }
            finally
            {
                host.Kill(entireProcessTree: true);
            }
        }

        [Fact]
        public async Task AttendeesSeedARoomTheFlowStoreServes()
        {
            using Process host = StartHost("--port", "0", "--attendees", "12");
            try
            {
                (Uri baseUri, string token) = await EmulatorHost.ReadBaseUriAndTokenAsync(host);
                using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
                using HttpResponseMessage record = await http.GetAsync("flowdesigner/Lab/DynVars?attendeeId=012");
                Assert.Equal("4695550012", (string?)JArray.Parse(await record.Content.ReadAsStringAsync()).Single()["dn"]);
                using var list = new HttpRequestMessage(HttpMethod.Get, "v1/tasks?from=0");
                list.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                string orgId = (string)JObject.Parse(await (await http.SendAsync(list)).Content.ReadAsStringAsync())["meta"]!["orgId"]!;
                using var flows = new HttpRequestMessage(HttpMethod.Get, "flow-store/" + orgId + "/project/5e5c9ad6d61f870d6d778c1b/flows?includePagination=true");
                flows.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                Assert.Equal(12, (int)JObject.Parse(await (await http.SendAsync(flows)).Content.ReadAsStringAsync())["meta"]!["totalRecords"]!);
            }
            finally
            {
                host.Kill(entireProcessTree: true);
            }
        }

        [Theory]
        [InlineData("0", "--attendees: A room has 1 to 9999 attendees, not 0.")]
        [InlineData("missing-roster.csv", "--attendees: The roster 'missing-roster.csv' does not exist")]
        public async Task ABadRoomIsOneClearLineAndExitCode2(string value, string message)
        {
            var (exitCode, output, error) = await RunToEndAsync("--port", "0", "--attendees", value);
            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith(message, error.Trim());
            Assert.Single(error.Trim().Split('\n'));
        }

        [Fact]
        public async Task AMissingStubFileIsOneClearLineAndExitCode2()
        {
            string stub = Path.Combine(_folder, "missing-stub.json");
            var (exitCode, output, error) = await RunToEndAsync("--port", "0", "--stub", stub);
            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, output);
            AssertOneClearLine(error, "The stub file '" + stub + "' does not exist.");
        }

        [Fact]
        public async Task AMalformedStubFileIsOneClearLineAndExitCode2()
        {
            string stub = Path.Combine(_folder, "bad-stub.json");
            File.WriteAllText(stub, "{\"mappings\":[{\"request\":{\"method\":\"GET\",\"urlPath\":5}}]}");
            var (exitCode, output, error) = await RunToEndAsync("--port", "0", "--stub", stub);
            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, output);
            AssertOneClearLine(error, "The stub file '" + stub + "' is not valid stub JSON or WireMock mappings: mappings[0]");
        }

        [Fact]
        public async Task BindingEveryAddressPrintsTheRealAddressAndWarns()
        {
            using Process host = StartHost("--port", "0", "--bind", "0.0.0.0");
            try
            {
                string firstLine = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? string.Empty;
                Assert.Matches("^Listening: http://0\\.0\\.0\\.0:[0-9]+/$", firstLine);
                string warning = await host.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? string.Empty;
                Assert.StartsWith("Warning: ", warning);
                Assert.Contains("reachable from the network", warning);
                int port = new Uri(firstLine.Substring("Listening: ".Length)).Port;
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                Assert.Equal(200, (int)(await http.GetAsync("http://127.0.0.1:" + port + "/flowdesigner/Lab/DynVars/1")).StatusCode);
            }
            finally
            {
                host.Kill(entireProcessTree: true);
            }
        }

        [Fact]
        public async Task TheLoopbackDefaultPrintsNoWarning()
        {
            using Process host = StartHost("--port", "0", "--header-timeout", "5", "--idle-timeout", "20", "--max-connections", "50");
            try
            {
                Uri baseUri = await ReadBaseUriAsync(host);
                Assert.Equal("127.0.0.1", baseUri.Host);
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.DoesNotContain("Warning", await host.StandardError.ReadToEndAsync());
            }
            finally
            {
                if (!host.HasExited)
                {
                    host.Kill(entireProcessTree: true);
                }
            }
        }
    }
}
