using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Emulator.Room;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.FlowStore;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Core.Tests.FlowStore
{
    /// <summary>The clients against the emulator's Flow Store, entry-point and EXECUTE_FLOW routes over loopback: the two sides agree.</summary>
    public sealed class FlowStoreAgainstEmulatorTests : IDisposable
    {
        private readonly LabEmulator _lab = LabEmulator.Start(new LabEmulatorOptions { Attendees = Roster.Numbered(25) });
        private readonly ApiHttpClient _http = new ApiHttpClient(new ApiClientOptions { RetryInterval = TimeSpan.FromMilliseconds(10) });

        public void Dispose() => _lab.Dispose();

        private WxccConnection Connection()
        {
            WxccConnection connection = _lab.Connection;
            connection.OrgId ??= _lab.OrgId;
            return connection;
        }

        [Fact]
        public async Task ListsTheRoomAcrossPagesTheServerCaps()
        {
            var client = new FlowStoreClient(Connection(), _http);
            var flows = await client.ListFlowsAsync(new FlowListQuery { PartialName = "Main_Flow_", PageSize = 10 }, CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, 25).Select(n => "Main_Flow_" + n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)), flows.Select(f => f.Name));
            Assert.All(flows, f => Assert.Equal(("Published", FlowKind.Flow), (f.Status, f.Type)));
            Assert.Contains("Live", flows[0].Tags);
            Assert.NotNull(flows[0].Modified);

            // Asked for more than the emulator's page maximum (100): the metadata says what it used, and the listing follows it.
            FlowListPage page = await client.ListFlowPageAsync(new FlowListQuery { PageSize = 500 }, 0, CancellationToken.None);
            Assert.Equal((25, 1, (int?)null), (page.Flows.Count, page.TotalPages!.Value, page.Next));
        }

        [Fact]
        public async Task ExportsImportsUnderANewNamePublishesAndMapsAnEntryPoint()
        {
            WxccConnection connection = Connection();
            var store = new FlowStoreClient(connection, _http);
            WxccFlowSummary seeded = (await store.ListFlowsAsync(new FlowListQuery { PartialName = "Main_Flow_007" }, CancellationToken.None)).Single();

            FlowExport export = await store.ExportFlowAsync(seeded.Id, "latest", CancellationToken.None);
            Assert.Equal("Main_Flow_007", export.Name);
            WxccFlow flow = export.ToFlow();

            FlowNameConflictException clash = await Assert.ThrowsAsync<FlowNameConflictException>(() =>
                store.ImportFlowAsync(FlowImport.FromFlow(flow, null, overwrite: false), CancellationToken.None));
            Assert.Equal(("Main_Flow_007", HttpStatusCode.Conflict), (clash.FlowName, clash.Conflict.StatusCode!.Value));

            WxccPublishedFlow published = await store.ImportAndPublishAsync(
                FlowImport.FromFlow(LabFlow.Flow, "Review_007", overwrite: false), "from the tests", new[] { "Test" }, CancellationToken.None);
            Assert.Equal(("Review_007", "Published"), (published.Name, published.Status));
            Assert.Contains("Test", published.Tags);

            var entryPoints = new EntryPointClient(connection, _http);
            WxccEntryPoint inbound = (await entryPoints.ListEntryPointsAsync(CancellationToken.None)).Single(e => e.Name == "Inbound_007_Channel");
            WxccEntryPoint mapped = await entryPoints.SetFlowAsync(inbound.Id, published.FlowId, "Test", CancellationToken.None);
            Assert.Equal((published.FlowId, "Test"), (mapped.FlowId, mapped.FlowTagId));
            Assert.Equal(published.FlowId, (await entryPoints.GetEntryPointAsync(inbound.Id, CancellationToken.None)).FlowId);

            var tests = new FlowTestClient(connection, _http);
            var task = new ExecuteFlowTaskRequest(inbound.Id, "14085550100", "+19725550199");
            WxccFlowTest run = await tests.StartAsync(task, tests.NewRequest(task), CancellationToken.None);
            Assert.Equal(201, run.StatusCode);
            Assert.False(string.IsNullOrEmpty(run.TaskId));
        }
    }
}
