using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>
    /// A write is acknowledged only once it is durable in the append-only data log; a write that cannot be made durable changes
    /// nothing; a torn tail is ignored and reported once; stale temporary files go; a malformed data file names its JSON path.
    /// </summary>
    [Trait("Category", "CrashAndFault")]
    public sealed class DurableWriteTests : IDisposable
    {
        private const string DynVars = "flowdesigner/Lab/DynVars";
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "cblab-durable-" + Guid.NewGuid().ToString("N"));
        private readonly string _data;

        public DurableWriteTests()
        {
            Directory.CreateDirectory(_folder);
            _data = Path.Combine(_folder, "lab.json");
        }

        public void Dispose()
        {
            Directory.Delete(_folder, recursive: true);
        }

        private LabEmulatorOptions Failing(FailingStream.FailureSwitch failure) => new LabEmulatorOptions
        {
            DataPath = _data,
            OpenDataLog = path => new FailingStream(path, failure),
        };

        [Fact]
        public async Task AFailedCreateIsRolledBackSoARetryMakesNoDuplicate()
        {
            var failure = new FailingStream.FailureSwitch();
            using (var lab = new EmulatorClient(Failing(failure)))
            {
                failure.Failing = true;
                EmulatorClient.Answer refused = await lab.PostAsync(DynVars, "{\"dn\":\"5550100\"}");
                Assert.Equal(500, refused.Status);
                Assert.Contains("not saved", refused.Body);
                Assert.Equal(404, (await lab.GetAsync(DynVars + "?dn=5550100")).Status);
                Assert.Equal(5, (await lab.GetAsync(DynVars)).Json.Count());

                failure.Failing = false;
                EmulatorClient.Answer retried = await lab.PostAsync(DynVars, "{\"dn\":\"5550100\"}");
                Assert.Equal(201, retried.Status);
                Assert.Equal("6", (string?)retried.Json["id"]);
            }

            using var again = new EmulatorClient(new LabEmulatorOptions { DataPath = _data });
            Assert.Single((await again.GetAsync(DynVars + "?dn=5550100")).Json);
            Assert.Equal(6, (await again.GetAsync(DynVars)).Json.Count());
        }

        [Fact]
        public async Task AFailedUpdateDeleteOrTaskChangesNothingInMemoryOrOnDisk()
        {
            var failure = new FailingStream.FailureSwitch();
            using (var lab = new EmulatorClient(Failing(failure)))
            {
                string before = (await lab.GetAsync(DynVars + "/1")).Body;
                failure.Failing = true;
                Assert.Equal(500, (await lab.SendAsync(HttpMethod.Put, DynVars + "/1", "{\"dn\":\"changed\"}")).Status);
                Assert.Equal(500, (await lab.SendAsync(HttpMethod.Delete, DynVars + "/2")).Status);
                Assert.Equal(500, (await lab.PostTaskAsync(WxccTasksTests.LabTask())).Status);
                Assert.Equal(before, (await lab.GetAsync(DynVars + "/1")).Body);
                Assert.Equal(200, (await lab.GetAsync(DynVars + "/2")).Status);
                Assert.Empty(lab.Emulator.Tasks);
                failure.Failing = false;
                Assert.Equal(201, (await lab.PostTaskAsync(WxccTasksTests.LabTask())).Status);
            }

            using var again = new EmulatorClient(new LabEmulatorOptions { DataPath = _data });
            Assert.DoesNotContain("changed", (await again.GetAsync(DynVars + "/1")).Body);
            Assert.Equal(200, (await again.GetAsync(DynVars + "/2")).Status);
            Assert.Single(again.Emulator.Tasks);
            Assert.Empty(again.Emulator.StartWarnings);
        }

        [Fact]
        public async Task ALogThatCannotBeRestoredStopsWritesAndSaysWhyWhileReadsGoOn()
        {
            var failure = new FailingStream.FailureSwitch();
            using var lab = new EmulatorClient(Failing(failure));
            failure.Failing = true;
            failure.FailTruncate = true;
            Assert.Equal(500, (await lab.PostAsync(DynVars, "{}")).Status);
            failure.Failing = false;
            failure.FailTruncate = false;
            EmulatorClient.Answer refused = await lab.PostAsync(DynVars, "{}");
            Assert.Equal(503, refused.Status);
            Assert.Contains("stopped accepting writes", refused.Body);
            Assert.Equal(5, (await lab.GetAsync(DynVars)).Json.Count());
        }

        [Fact]
        public async Task AWriteAppendsToTheLogWithoutRewritingTheSnapshot()
        {
            using var lab = new EmulatorClient(new LabEmulatorOptions { DataPath = _data, RecordLimit = null });
            string snapshot = File.ReadAllText(_data);
            for (int i = 0; i < 20; i++)
            {
                Assert.Equal(201, (await lab.PostAsync(DynVars, "{\"n\":" + i + "}")).Status);
            }

            Assert.Equal(snapshot, File.ReadAllText(_data));
            Assert.Equal(20, File.ReadAllLines(_data + ".log").Length);
        }

        [Fact]
        public async Task ACleanStopFoldsTheLogIntoTheSnapshot()
        {
            using (var lab = new EmulatorClient(new LabEmulatorOptions { DataPath = _data }))
            {
                Assert.Equal(201, (await lab.PostAsync(DynVars, "{\"dn\":\"5550101\"}")).Status);
            }

            var records = (JArray)JObject.Parse(File.ReadAllText(_data))["resources"]![DynVars]!["records"]!;
            Assert.Equal(6, records.Count);
            Assert.False(File.Exists(_data + ".log") && new FileInfo(_data + ".log").Length > 0);
        }

        [Fact]
        public async Task ATornTailIsIgnoredAndReportedOnce()
        {
            using (var lab = new EmulatorClient(new LabEmulatorOptions { DataPath = _data }))
            {
                Assert.Equal(201, (await lab.PostAsync(DynVars, "{\"dn\":\"kept\"}")).Status);
                File.Copy(_data + ".log", Path.Combine(_folder, "log.copy"));
            }

            // As a kill -9 in the middle of an append would leave it: the acknowledged line, then half a line.
            string whole = File.ReadAllText(Path.Combine(_folder, "log.copy"));
            File.WriteAllText(_data + ".log", whole + whole.Substring(0, whole.Length / 2).Replace("kept", "torn"));
            File.WriteAllText(_data, File.ReadAllText(_data).Replace("\"kept\"", "\"old\""));

            using (var lab = new EmulatorClient(new LabEmulatorOptions { DataPath = _data }))
            {
                Assert.Equal(200, (await lab.GetAsync(DynVars + "?dn=kept")).Status);
                string warning = Assert.Single(lab.Emulator.StartWarnings);
                Assert.Contains("torn", warning);
            }

            using var third = new EmulatorClient(new LabEmulatorOptions { DataPath = _data });
            Assert.Empty(third.Emulator.StartWarnings);
            Assert.Equal(200, (await third.GetAsync(DynVars + "?dn=kept")).Status);
        }

        [Fact]
        public void AStartRemovesOnlyItsOwnStaleTemporaryFiles()
        {
            string stale = Path.Combine(_folder, ".lab.json." + Guid.NewGuid().ToString("N") + ".tmp");
            string foreign = Path.Combine(_folder, ".other.json." + Guid.NewGuid().ToString("N") + ".tmp");
            string notOurs = Path.Combine(_folder, ".lab.json.backup.tmp");
            foreach (string file in new[] { stale, foreign, notOurs })
            {
                File.WriteAllText(file, "{");
            }

            using (LabEmulator.Start(new LabEmulatorOptions { DataPath = _data }))
            {
                Assert.False(File.Exists(stale));
                Assert.True(File.Exists(foreign));
                Assert.True(File.Exists(notOurs));
            }
        }

        [Theory]
        [InlineData("{\"resources\":{\"x\":5}}", "resources.x")]
        [InlineData("{\"resources\":[]}", "resources")]
        [InlineData("{\"resources\":{\"x\":{\"records\":[1]}}}", "resources.x.records[0]")]
        [InlineData("{\"resources\":{\"x\":{\"records\":{}}}}", "resources.x.records")]
        [InlineData("{\"resources\":{\"x\":{\"nextId\":\"seven\",\"records\":[]}}}", "resources.x.nextId")]
        [InlineData("{\"resources\":{\"x\":{\"nextId\":0,\"records\":[]}}}", "resources.x.nextId")]
        [InlineData("{\"resources\":{\"x\":{\"records\":[{\"id\":{}}]}}}", "resources.x.records[0].id")]
        [InlineData("{\"tasks\":{}}", "tasks")]
        [InlineData("{\"tasks\":[5]}", "tasks[0]")]
        [InlineData("{\"tasks\":[{\"id\":\"t\",\"time\":\"never\",\"request\":{}}]}", "tasks[0].time")]
        [InlineData("{\"tasks\":[{\"id\":[],\"time\":1,\"request\":{}}]}", "tasks[0].id")]
        [InlineData("{\"tasks\":[{\"id\":\"t\",\"time\":1,\"request\":\"x\"}]}", "tasks[0].request")]
        [InlineData("{\"version\":\"one\"}", "version")]
        [InlineData("[1, 2]", "$")]
        public void AMalformedDataFileNamesItsJsonPathAndIsLeftAsItIs(string content, string path)
        {
            File.WriteAllText(_data, content);
            InvalidDataException refused = Assert.Throws<InvalidDataException>(() => LabEmulator.Start(new LabEmulatorOptions { DataPath = _data }));
            Assert.Contains("'" + path + "'", refused.Message);
            Assert.Equal(content, File.ReadAllText(_data));
        }

        [Fact]
        public async Task AnExhaustedIdSpaceIsRefusedInsteadOfWrapping()
        {
            File.WriteAllText(_data, "{\"version\":1,\"resources\":{\"" + DynVars + "\":{\"nextId\":9223372036854775807,\"records\":[]}},\"tasks\":[]}");
            using var lab = new EmulatorClient(new LabEmulatorOptions { DataPath = _data });
            // 2^63-1 is the one value nextId may hold without an id to hand out: the resource has used every id.
            EmulatorClient.Answer refused = await lab.PostAsync(DynVars, "{}");
            Assert.Equal(400, refused.Status);
            Assert.Contains("id", refused.Body);
            lab.Emulator.Stop();
            using var again = new EmulatorClient(new LabEmulatorOptions { DataPath = _data });
            Assert.Equal(400, (await again.PostAsync(DynVars, "{}")).Status);
            Assert.Equal(404, (await again.GetAsync(DynVars + "/-9223372036854775808")).Status);
        }

        [Fact]
        public async Task ARecordWithTheLargestIdDoesNotWrapTheNextId()
        {
            File.WriteAllText(_data, "{\"version\":1,\"resources\":{\"" + DynVars + "\":{\"records\":[{\"id\":\"9223372036854775807\"}]}},\"tasks\":[]}");
            using var lab = new EmulatorClient(new LabEmulatorOptions { DataPath = _data });
            Assert.Equal(400, (await lab.PostAsync(DynVars, "{}")).Status);
            Assert.Single((await lab.GetAsync(DynVars)).Json);
        }
    }
}
