using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Emulator
{
    public sealed class PersistenceAndConcurrencyTests : IDisposable
    {
        private const string DynVars = "flowdesigner/Lab/DynVars";
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "cblab-" + Guid.NewGuid().ToString("N"));

        public PersistenceAndConcurrencyTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public void Dispose()
        {
            Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public async Task EightParallelWritersLoseNothing()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { RecordLimit = null });
            var ids = new ConcurrentBag<string>();
            await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
            {
                for (int i = 0; i < 250; i++)
                {
                    var answer = await lab.PostAsync(DynVars, $"{{\"writer\":{writer},\"n\":{i}}}");
                    Assert.Equal(201, answer.Status);
                    ids.Add((string)answer.Json["id"]!);
                }
            })));
            Assert.Equal(2000, ids.Distinct().Count());
            JToken all = (await lab.GetAsync(DynVars)).Json;
            Assert.Equal(2005, all.Count());
            Assert.Equal(ids.OrderBy(i => i).ToArray(), all.Skip(5).Select(r => (string)r["id"]!).OrderBy(i => i).ToArray());
            for (int writer = 0; writer < 8; writer++)
            {
                Assert.Equal(Enumerable.Range(0, 250), all.Where(r => (int?)r["writer"] == writer).Select(r => (int)r["n"]!).OrderBy(n => n));
            }
        }

        [Fact]
        public async Task ParallelWritersWithADataFileLeaveEveryRecordInTheFile()
        {
            string data = Path.Combine(_folder, "lab.json");
            using (var lab = new EmulatorClient(new LabEmulatorOptions { DataPath = data, RecordLimit = null }))
            {
                await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
                {
                    for (int i = 0; i < 25; i++)
                    {
                        Assert.Equal(201, (await lab.PostAsync(DynVars, "{}")).Status);
                    }
                })));
            }

            JObject file = JObject.Parse(File.ReadAllText(data));
            var records = (JArray)file["resources"]![DynVars]!["records"]!;
            Assert.Equal(105, records.Count);
            Assert.Equal(105, records.Select(r => (string?)r["id"]).Distinct().Count());
            Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
        }

        [Fact]
        public async Task ADataFileIsLoadedByTheNextStartWithRecordsTasksAndIds()
        {
            string data = Path.Combine(_folder, "lab.json");
            using (var lab = new EmulatorClient(new LabEmulatorOptions { DataPath = data }))
            {
                await lab.PostAsync(DynVars, "{\"dn\":\"5550001\"}");
                await lab.SendAsync(System.Net.Http.HttpMethod.Delete, DynVars + "/6");
                await lab.PostAsync(DynVars, "{\"dn\":\"5550002\"}");
                Assert.Equal(201, (await lab.PostTaskAsync(WxccTasksTests.LabTask())).Status);
            }

            using (var again = new EmulatorClient(new LabEmulatorOptions { DataPath = data }))
            {
                Assert.Equal("7", (string?)(await again.GetAsync(DynVars + "?dn=5550002")).Json[0]!["id"]);
                Assert.Equal(404, (await again.GetAsync(DynVars + "/6")).Status);
                Assert.Equal("8", (string?)(await again.PostAsync(DynVars, "{}")).Json["id"]);
                RecordedTask task = Assert.Single(again.Emulator.Tasks);
                Assert.Equal(LabSeed.LabTacNumber, task.Destination);
                again.Emulator.Reset();
            }

            JObject file = JObject.Parse(File.ReadAllText(data));
            Assert.Equal(5, ((JArray)file["resources"]![DynVars]!["records"]!).Count);
            Assert.Empty((JArray)file["tasks"]!);
        }

        [Theory]
        [InlineData("{ not json")]
        [InlineData("[1, 2]")]
        [InlineData("{\"resources\":{\"a\":{\"nextId\":\"x\",\"records\":[]}}}")]
        [InlineData("{\"tasks\":[{\"id\":\"t\",\"time\":\"never\",\"request\":{}}]}")]
        public void ACorruptDataFileIsRefusedAndLeftAsItIs(string content)
        {
            string data = Path.Combine(_folder, "lab.json");
            File.WriteAllText(data, content);
            Assert.Throws<InvalidDataException>(() => LabEmulator.Start(new LabEmulatorOptions { DataPath = data }));
            Assert.Equal(content, File.ReadAllText(data));
        }

        [Fact]
        public async Task ACustomSeedReplacesTheEmbeddedOneAndCanHoldSeveralResources()
        {
            string seed = Path.Combine(_folder, "seed.json");
            File.WriteAllText(seed, "{\"flowdesigner/Lab/DynVars\":[{\"dn\":\"111\",\"outboundcallbackep\":\"ep-1\"}],\"flowdesigner/Lab/flowers\":[{\"name\":\"rose\"}]}");
            using var lab = new EmulatorClient(new LabEmulatorOptions { SeedPath = seed });
            Assert.Equal("[{\"dn\":\"111\",\"outboundcallbackep\":\"ep-1\",\"id\":\"1\"}]", (await lab.GetAsync(DynVars)).Body);
            Assert.Equal("rose", (string?)(await lab.GetAsync("flowdesigner/Lab/flowers?id=1")).Json[0]!["name"]);
            Assert.Equal(new[] { LabSeed.LabOutboundEntryPointId, "ep-1" }, lab.Emulator.OutboundEntryPointIds.ToArray());
        }

        [Fact]
        public void TheEmbeddedSeedHasTheLabRecordFirstAndItsEntryPoints()
        {
            using var emulator = LabEmulator.Start();
            JArray seed = JArray.Parse(LabSeed.ReadEmbeddedDynVars());
            Assert.Equal(LabSeed.LabDn, (string?)seed[0]["dn"]);
            Assert.Equal(LabSeed.LabTacNumber, (string?)seed[0]["tacnumber"]);
            Assert.Equal(LabSeed.LabOutboundEntryPointId, (string?)seed[0]["outboundcallbackep"]);
            Assert.Equal(seed.Select(r => (string)r["outboundcallbackep"]!).ToArray(), emulator.OutboundEntryPointIds.ToArray());
        }

        [Fact]
        public void SeveralEmulatorsRunSideBySideAndStopReleasesThePort()
        {
            using var first = LabEmulator.Start();
            using var second = LabEmulator.Start();
            Assert.NotEqual(first.Port, second.Port);
            Assert.Equal("127.0.0.1", first.BaseUri.Host);
            Assert.Throws<SocketException>(() => LabEmulator.Start(new LabEmulatorOptions { Port = first.Port }));
            int port = first.Port;
            first.Stop();
            Assert.False(first.IsRunning);
            var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            probe.Stop();
            using var again = LabEmulator.Start(new LabEmulatorOptions { Port = port });
            Assert.Equal(port, again.Port);
            Assert.Equal(new Uri($"http://127.0.0.1:{port}/flowdesigner/Lab"), again.MockApiUri);
            Assert.Equal(new Uri($"http://127.0.0.1:{port}/v1/access_token"), again.TokenUri);
        }

        [Fact]
        public async Task BindingEveryAddressStillReportsALoopbackUrl()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { BindAddress = IPAddress.Any });
            Assert.Equal("127.0.0.1", lab.Emulator.BaseUri.Host);
            Assert.Equal(200, (await lab.GetAsync(DynVars + "/1")).Status);
        }

        [Fact]
        public void OptionsAreCopiedAtStart()
        {
            var options = new LabEmulatorOptions();
            using var emulator = LabEmulator.Start(options);
            options.Port = 1;
            Assert.NotEqual(1, emulator.Port);
            Assert.Null(emulator.DataPath);
            Assert.True(emulator.IsRunning);
            Assert.Throws<ArgumentOutOfRangeException>(() => LabEmulator.Start(new LabEmulatorOptions { Port = 70000 }));
        }

        [Fact]
        public async Task AFailedStartOnATakenPortLeavesTheRunningEmulatorServing()
        {
            using var lab = new EmulatorClient();
            Assert.Throws<SocketException>(() => LabEmulator.Start(new LabEmulatorOptions { Port = lab.Emulator.Port }));
            Assert.Equal(200, (await lab.GetAsync(DynVars + "/1")).Status);
            using var fresh = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(new Uri(lab.Emulator.MockApiUri + "/DynVars/1"))).StatusCode);
        }
    }
}
