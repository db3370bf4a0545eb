using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>
    /// The crash-and-fault suite's kill -9 loop: the console host is killed again and again while four writers create, update
    /// and delete records and create tasks, with the data log folded constantly (<c>--fold-bytes 2048</c>). After every kill the
    /// next start must hold every acknowledged change; unacknowledged ones may or may not be there. Bounded: 5 rounds on loopback.
    /// </summary>
    [Trait("Category", "CrashAndFault")]
    public sealed class CrashLoopTests : IDisposable
    {
        private const string DynVars = "flowdesigner/Lab/DynVars";
        private const int Rounds = 5;
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "cblab-crashloop-" + Guid.NewGuid().ToString("N"));

        private readonly ITestOutputHelper _output;

        public CrashLoopTests(ITestOutputHelper output)
        {
            _output = output;
            Directory.CreateDirectory(_folder);
        }

        public void Dispose()
        {
            Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public async Task EveryAcknowledgedWriteSurvivesRepeatedKills()
        {
            string data = Path.Combine(_folder, "lab.json");
            var created = new ConcurrentDictionary<string, byte>();
            var deleted = new ConcurrentDictionary<string, byte>();
            // Deletes sent whose answer never came (the kill cut it off): the record may be gone or still there.
            var deleting = new ConcurrentDictionary<string, byte>();
            var tasks = new ConcurrentDictionary<string, byte>();
            // Per record: the last acknowledged value, and values sent after it whose answer never came.
            var values = new ConcurrentDictionary<string, (string Acknowledged, List<string> Pending)>();
            var random = new Random(13);
            int totalAcknowledged = 0;

            for (int round = 0; round < Rounds; round++)
            {
                using Process host = EmulatorHost.Start("--port", "0", "--data", data, "--record-limit", "0", "--rate-limit", "0", "--fold-bytes", "2048");
                try
                {
                    (Uri baseUri, string token) = await EmulatorHost.ReadBaseUriAndTokenAsync(host);
                    using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
                    int acknowledged = 0;
                    int killAfter = random.Next(40, 120);
                    using var killed = new CancellationTokenSource();
                    int r = round;
                    Task[] writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
                    {
                        var mine = new List<string>();
                        for (int i = 0; !killed.IsCancellationRequested && i < 2000; i++)
                        {
                            try
                            {
                                int op = i % 7;
                                if (op == 5 && mine.Count > 0)
                                {
                                    string id = mine[i % mine.Count];
                                    string value = $"r{r}w{w}i{i}";
                                    values.AddOrUpdate(id, _ => ("?", new List<string> { value }), (_, old) => (old.Acknowledged, old.Pending.Append(value).ToList()));
                                    using var content = Json("{\"dn\":\"" + value + "\"}");
                                    using HttpResponseMessage response = await http.PutAsync(DynVars + "/" + id, content);
                                    if ((int)response.StatusCode == 200)
                                    {
                                        values[id] = (value, new List<string>());
                                        Interlocked.Increment(ref acknowledged);
                                    }
                                }
                                else if (op == 6 && mine.Count > 3)
                                {
                                    string id = mine[0];
                                    mine.RemoveAt(0);
                                    deleting[id] = 0;
                                    using HttpResponseMessage response = await http.DeleteAsync(DynVars + "/" + id);
                                    deleting.TryRemove(id, out _); // answered: a 500 or 503 means nothing changed
                                    if ((int)response.StatusCode == 200)
                                    {
                                        deleted[id] = 0;
                                        Interlocked.Increment(ref acknowledged);
                                    }
                                }
                                else if (op == 4)
                                {
                                    using var request = new HttpRequestMessage(HttpMethod.Post, "v1/tasks") { Content = Json(WxccTasksTests.LabTask().ToString()) };
                                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                                    using HttpResponseMessage response = await http.SendAsync(request);
                                    if ((int)response.StatusCode == 201)
                                    {
                                        tasks[(string)JObject.Parse(await response.Content.ReadAsStringAsync())["data"]!["id"]!] = 0;
                                        Interlocked.Increment(ref acknowledged);
                                    }
                                }
                                else
                                {
                                    string value = $"r{r}w{w}i{i}";
                                    using var content = Json("{\"dn\":\"" + value + "\"}");
                                    using HttpResponseMessage response = await http.PostAsync(DynVars, content);
                                    if ((int)response.StatusCode == 201)
                                    {
                                        string id = (string)JObject.Parse(await response.Content.ReadAsStringAsync())["id"]!;
                                        created[id] = 0;
                                        values[id] = (value, new List<string>());
                                        mine.Add(id);
                                        Interlocked.Increment(ref acknowledged);
                                    }
                                }
                            }
                            catch (Exception ex) when (ex is HttpRequestException || ex is TaskCanceledException || ex is IOException)
                            {
                                return; // the host is gone
                            }
                        }
                    })).ToArray();

                    var deadline = Stopwatch.StartNew();
                    while (Volatile.Read(ref acknowledged) < killAfter && deadline.Elapsed < TimeSpan.FromSeconds(30))
                    {
                        await Task.Delay(2);
                    }

                    host.Kill(entireProcessTree: true); // SIGKILL: no clean stop, no fold
                    killed.Cancel();
                    await Task.WhenAll(writers);
                    await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                    Assert.True(acknowledged >= 20, $"round {round}: only {acknowledged} changes were acknowledged before the kill");
                    totalAcknowledged += acknowledged;
                }
                finally
                {
                    if (!host.HasExited)
                    {
                        host.Kill(entireProcessTree: true);
                    }
                }
            }

            using var lab = new EmulatorClient(new LabEmulatorOptions { DataPath = data, RecordLimit = null });
            JToken records = (await lab.GetAsync(DynVars)).Json;
            int goneByUnansweredDelete = 0;
            var byId = records.ToDictionary(record => (string)record["id"]!, record => (string?)record["dn"]);
            Assert.Equal(records.Count(), byId.Count); // no id twice
            foreach (string id in created.Keys)
            {
                if (deleted.ContainsKey(id))
                {
                    Assert.False(byId.ContainsKey(id), $"record {id} was deleted (acknowledged) but is back");
                }
                else if (!byId.TryGetValue(id, out string? stored))
                {
                    // An unacknowledged delete may have been made durable before the kill cut off its answer.
                    Assert.True(deleting.ContainsKey(id), $"record {id} was created (acknowledged) but is missing");
                    goneByUnansweredDelete++;
                }
                else
                {
                    (string expected, List<string> pending) = values[id];
                    Assert.True(stored == expected || pending.Contains(stored!), $"record {id} holds {stored}, not its acknowledged {expected}");
                }
            }

            var taskIds = lab.Emulator.Tasks.Select(t => t.Id).ToList();
            Assert.Equal(taskIds.Count, taskIds.Distinct().Count());
            Assert.All(tasks.Keys, id => Assert.Contains(id, taskIds));
            Assert.True(lab.Emulator.StartWarnings.Count <= 1, string.Join("\n", lab.Emulator.StartWarnings));
            Assert.Empty(Directory.GetFiles(_folder, "*.tmp").Concat(Directory.GetFiles(_folder, ".*.tmp")));
            Assert.True(totalAcknowledged >= Rounds * 20);
            _output.WriteLine($"{totalAcknowledged} changes acknowledged; {goneByUnansweredDelete} records removed by a delete whose answer the kill cut off; {deleting.Count} deletes unanswered.");
        }

        private static StringContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");
    }
}
