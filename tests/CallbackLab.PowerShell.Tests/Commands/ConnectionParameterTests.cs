using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CallbackLab.PowerShell.Tests.Commands.Api;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Commands
{
    /// <summary>
    /// Every <c>-Connection</c> of the module, in the real engine: typed WxccConnection with the transformation that binds an
    /// emulator, working with an emulator, a wrapped emulator and a connection, refused at binding for anything else.
    /// The emulator is started with -NoDefault, so only the given -Connection can have served the requests.
    /// </summary>
    public sealed class ConnectionParameterTests
    {
        private const string Bindings = "$w = [psobject]::AsPSObject($e); $raw = $e.PSObject.BaseObject; " +
            "$c = Connect-Wxcc -Uri $e.WxccUri -AccessToken $e.AccessToken -MockApiUri $e.MockApiUri; Disconnect-Wxcc; ";

        /// <summary>What each cmdlet with -Connection does against the given connection, and how it shows it worked.</summary>
        public static IEnumerable<object[]> Uses() => new[]
        {
            new object[] { "Invoke-IvrSimulation", "(Invoke-IvrSimulation -Digits 3 -Connection $x).Outcome.ToString()", "GlobalError", "POST" },
            new object[] { "Test-CallbackFlow", "Test-CallbackFlow -Quiet -Connection $x", true, "POST" },
            new object[] { "New-WxccCallbackTask", "(New-WxccCallbackTask -EntryPointId " + LabSeedIds.OutboundEntryPoint + " -Destination " + LabSeedIds.TacNumber + " -Connection $x).StatusCode", 201, "POST" },
            new object[] { "Get-WxccTask", "$null = New-WxccCallbackTask -EntryPointId " + LabSeedIds.OutboundEntryPoint + " -Destination " + LabSeedIds.TacNumber + " -Connection $c; @(Get-WxccTask -Connection $x).Count", 1, "GET" },
        };

        [Fact]
        public void EveryConnectionParameterIsAWxccConnectionThatAlsoTakesAnEmulator()
        {
            using var ps = new ModuleRunspace();
            var parameters = ps.Run(
                "Get-Command -Module CallbackLab | Where-Object { $_.Parameters.ContainsKey('Connection') } | ForEach-Object { " +
                "$p = $_.Parameters['Connection']; " +
                "'{0}|{1}|{2}' -f $_.Name, $p.ParameterType.FullName, (@($p.Attributes | ForEach-Object { $_.GetType().Name }) -join ',') }").Values.Cast<string>().ToList();

            Assert.Superset(new HashSet<string>(Uses().Select(u => (string)u[0])), new HashSet<string>(parameters.Select(p => p.Split('|')[0])));
            Assert.All(parameters, p =>
            {
                string[] parts = p.Split('|');
                Assert.Equal("CallbackLab.Core.Wxcc.WxccConnection", parts[1]);
                Assert.Contains("WxccConnectionTransformationAttribute", parts[2].Split(','));
            });
        }

        [Theory]
        [MemberData(nameof(Uses))]
        public void EveryConnectionParameterTakesAnEmulatorAWrappedEmulatorAndAConnection(string cmdlet, string use, object expected, string method)
        {
            using var scope = new EmulatorScope("-NoDefault");
            foreach (string given in new[] { "$e", "$w", "$raw", "$c" })
            {
                scope.Run("Get-CallbackLabEmulator | Reset-CallbackLabEmulator -Confirm:$false").AssertNoErrors();
                ScriptResult result = scope.Run(Bindings + "$x = " + given + "; " + use);

                result.AssertNoErrors();
                Assert.Equal((cmdlet, given, expected), (cmdlet, given, result.Values.Single()));
                Assert.NotEmpty(scope.Requests(method, "/v1/tasks"));
            }
        }

        [Fact]
        public void EveryConnectionParameterRefusesAStringAndAnotherObjectAtBinding()
        {
            using var scope = new EmulatorScope("-NoDefault");
            var names = scope.Run("(Get-Command -Module CallbackLab | Where-Object { $_.Parameters.ContainsKey('Connection') }).Name").Values.Cast<string>().ToList();
            Assert.NotEmpty(names);
            foreach (string name in names)
            {
                foreach ((string argument, string typeName) in new[] { ("'https://api.wxcc-us1.cisco.com'", "String"), ("([datetime]'2026-12-01')", "DateTime"), ("@{ Uri = 'x' }", "Hashtable") })
                {
                    ScriptResult result = scope.Run(name + " -Connection " + argument);
                    ErrorRecord error = Assert.Single(result.AllErrors);
                    string className = scope.Run("(Get-Command " + name + ").ImplementingType.FullName").Values.Cast<string>().Single();

                    Assert.Equal("ParameterArgumentTransformationError," + className, error.FullyQualifiedErrorId);
                    Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
                    Assert.Equal("ParameterBindingArgumentTransformationException", error.Exception.GetType().Name);
                    Assert.Equal("Connection", ((ParameterBindingException)error.Exception).ParameterName);
                    Assert.Contains("-Connection takes a WxCC connection (Connect-Wxcc, Get-WxccConnection) or an emulator", error.Exception.Message, System.StringComparison.Ordinal);
                    Assert.Contains("not a " + typeName + ".", error.Exception.Message, System.StringComparison.Ordinal);
                }
            }

            Assert.Empty(scope.Run("Get-CallbackLabRequest -Emulator $e").Output);
        }

        [Fact]
        public void AStoppedEmulatorIsRefusedAtBindingSayingSo()
        {
            using var ps = new ModuleRunspace();
            ScriptResult result = ps.Run("$e = Start-CallbackLabEmulator -NoDefault; $e | Stop-CallbackLabEmulator; New-WxccCallbackTask -EntryPointId ep -Destination 1 -Connection $e");

            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("ParameterArgumentTransformationError,CallbackLab.Commands.NewWxccCallbackTaskCommand", error.FullyQualifiedErrorId);
            Assert.EndsWith("is stopped.", error.Exception.Message, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("New-WxccCallbackTask -EntryPointId ep -Destination 1", "CallbackLab.Commands.NewWxccCallbackTaskCommand", "CallbackLab.Core.Wxcc.CallbackTaskRequest")]
        [InlineData("Get-WxccTask -PageSize 7", "CallbackLab.Commands.GetWxccTaskCommand", "CallbackLab.Core.Wxcc.WxccTaskQuery")]
        public void NotConnectedGivesTheAdviceAsTheRecommendedAction(string command, string className, string targetType)
        {
            using var ps = new ModuleRunspace();
            ScriptResult result = ps.Run(command);

            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("WxccNotConnected," + className, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal(targetType, error.TargetObject?.GetType().FullName);
            Assert.Equal("Run Connect-Wxcc, start the local emulator with Start-CallbackLabEmulator, or pass -Connection.", error.ErrorDetails.RecommendedAction);
            Assert.Equal(error.Exception.Message, error.ErrorDetails.Message);
            Assert.DoesNotContain("Connect-Wxcc", error.Exception.Message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("-Connection", error.Exception.Message, System.StringComparison.Ordinal);
        }
    }
}
