using System;
using CallbackLab.Core.MockApi;
using CallbackLab.Core.Wxcc;

namespace CallbackLab.Core.Tests.Wxcc
{
    /// <summary>Every branch of the rule "explicit, then the newest of Connect-Wxcc and a started emulator, then (MockAPI only) the public project".</summary>
    public sealed class EndpointDefaultsTests
    {
        private static readonly Uri s_public = new Uri("http://127.0.0.1:9/public/Lab");
        private static readonly WxccConnection s_tenant = WxccConnection.WithAccessToken(new Uri("https://api.wxcc-ca1.cisco.com"), "T");
        private static readonly WxccConnection s_tenantWithMockApi =
            WxccConnection.WithAccessToken(new Uri("https://api.wxcc-us1.cisco.com"), "T", new Uri("https://y.mockapi.io/q"));

        private static WxccConnection Emulator(int port) =>
            new WxccConnection(new Uri("http://127.0.0.1:" + port + "/"), new FixedTokenSource("E" + port), new Uri("http://127.0.0.1:" + port + "/flowdesigner/Lab"));

        [Fact]
        public void NothingSetUpIsNotConnectedAndThePublicProject()
        {
            var defaults = new EndpointDefaults(s_public);

            Assert.Null(defaults.Default);
            Assert.Null(defaults.ConnectionFor(null));
            Assert.Throws<WxccNotConnectedException>(() => defaults.RequireConnection(null));
            Assert.Null(defaults.ConfiguredMockApiUri());
            Assert.Equal(s_public, defaults.MockApiUriFor());
            Assert.True(defaults.IsPublicMockApi(defaults.MockApiUriFor()));
        }

        [Fact]
        public void TheDefaultPublicProjectIsTheLabs()
        {
            Assert.Equal(MockApiClient.LabUri, new EndpointDefaults().PublicMockApiUri);
        }

        [Fact]
        public void AnExplicitConnectionAndUriWinOverEveryDefault()
        {
            var defaults = new EndpointDefaults(s_public);
            WxccConnection emulator = Emulator(5080);
            defaults.UseEmulator(emulator);
            defaults.Connect(s_tenantWithMockApi);
            WxccConnection mine = Emulator(6000);

            Assert.Same(mine, defaults.ConnectionFor(mine));
            Assert.Same(mine, defaults.RequireConnection(mine));
            Assert.Equal(mine.MockApiUri, defaults.MockApiUriFor(null, mine));
            Assert.Equal(new Uri("https://x.mockapi.io/p"), defaults.MockApiUriFor(new Uri("https://x.mockapi.io/p"), mine));
        }

        [Fact]
        public void AnExplicitConnectionWithoutMockApiLeavesMockApiToTheDefaults()
        {
            var defaults = new EndpointDefaults(s_public);
            WxccConnection emulator = Emulator(5080);
            defaults.UseEmulator(emulator);

            Assert.Equal(emulator.MockApiUri, defaults.MockApiUriFor(null, s_tenant));
        }

        [Fact]
        public void AnEmulatorStartedAfterConnectWxccIsTheDefault()
        {
            var defaults = new EndpointDefaults(s_public);
            defaults.Connect(s_tenantWithMockApi);
            WxccConnection emulator = Emulator(5080);
            defaults.UseEmulator(emulator);

            Assert.Same(emulator, defaults.Default);
            Assert.Null(defaults.Connected);
            Assert.Equal(emulator.MockApiUri, defaults.MockApiUriFor());
        }

        [Fact]
        public void ConnectWxccAfterAnEmulatorIsTheDefaultAndDisconnectHandsItBack()
        {
            var defaults = new EndpointDefaults(s_public);
            WxccConnection emulator = Emulator(5080);
            defaults.UseEmulator(emulator);
            defaults.Connect(s_tenantWithMockApi);

            Assert.Same(s_tenantWithMockApi, defaults.Default);
            Assert.Equal(s_tenantWithMockApi.MockApiUri, defaults.MockApiUriFor());

            Assert.Same(s_tenantWithMockApi, defaults.Disconnect());
            Assert.Same(emulator, defaults.Default);
            Assert.Equal(emulator.MockApiUri, defaults.MockApiUriFor());
            Assert.Null(defaults.Disconnect());
        }

        [Fact]
        public void ConnectWxccWithoutMockApiLeavesMockApiToARunningEmulator()
        {
            var defaults = new EndpointDefaults(s_public);
            WxccConnection emulator = Emulator(5080);
            defaults.UseEmulator(emulator);
            defaults.Connect(s_tenant);

            Assert.Same(s_tenant, defaults.Default);
            Assert.Equal(emulator.MockApiUri, defaults.MockApiUriFor());
        }

        [Fact]
        public void StoppingTheDefaultEmulatorHandsTheDefaultToTheNewestStillRunning()
        {
            var defaults = new EndpointDefaults(s_public);
            WxccConnection a = Emulator(5080), b = Emulator(5081);
            defaults.UseEmulator(a);
            defaults.UseEmulator(b);

            defaults.ForgetEmulator(b, a);
            Assert.Same(a, defaults.Default);
            Assert.Equal(a.MockApiUri, defaults.MockApiUriFor());

            defaults.ForgetEmulator(a, null);
            Assert.Null(defaults.Default);
            Assert.Equal(s_public, defaults.MockApiUriFor());
            Assert.Throws<WxccNotConnectedException>(() => defaults.RequireConnection(null));
        }

        [Fact]
        public void StoppingAnEmulatorThatIsNotTheDefaultChangesNothing()
        {
            var defaults = new EndpointDefaults(s_public);
            WxccConnection a = Emulator(5080), b = Emulator(5081);
            defaults.UseEmulator(a);

            defaults.ForgetEmulator(b, a);
            Assert.Same(a, defaults.Default);
        }

        [Fact]
        public void ANewerConnectWxccStaysTheDefaultWhenTheEmulatorStops()
        {
            var defaults = new EndpointDefaults(s_public);
            WxccConnection emulator = Emulator(5080);
            defaults.UseEmulator(emulator);
            defaults.Connect(s_tenant);

            defaults.ForgetEmulator(emulator, null);
            Assert.Same(s_tenant, defaults.Default);
            Assert.Equal(s_public, defaults.MockApiUriFor());
        }

        [Fact]
        public void StoppingAnEmulatorStartedAfterConnectWxccLeavesNothingConnected()
        {
            var defaults = new EndpointDefaults(s_public);
            defaults.Connect(s_tenant);
            WxccConnection emulator = Emulator(5080);
            defaults.UseEmulator(emulator);

            defaults.ForgetEmulator(emulator, null);
            Assert.Null(defaults.Default); // the replaced connection does not come back and turn later calls towards a tenant
        }

        [Fact]
        public void NotConnectedSaysSoWithoutCmdletAdvice()
        {
            var ex = Assert.Throws<WxccNotConnectedException>(() => new EndpointDefaults(s_public).RequireConnection(null));

            Assert.DoesNotContain("Connect-Wxcc", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("-Connection", ex.Message, StringComparison.Ordinal);
            Assert.StartsWith("Not connected to WxCC", ex.Message, StringComparison.Ordinal);
        }
    }
}
