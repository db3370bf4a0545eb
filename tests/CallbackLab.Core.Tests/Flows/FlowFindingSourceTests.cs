using System.Collections.Generic;
using System.IO;
using CallbackLab.Core.Flows.Lab;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Validation;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>Findings of many flows checked together say which flow, and which file, each belongs to.</summary>
    public sealed class FlowFindingSourceTests
    {
        [Fact]
        public void AFindingInAFlowReadFromAFileCarriesTheFlowsNameAndPath()
        {
            string path = Path.Combine(Path.GetTempPath(), "callbacklab-finding-" + System.Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, LabFlow.Json.Replace("{{CallBackAPI_Request.httpStatusCode == 201}}", "{{HTTP_PUT.httpStatusCode == 201}}"));
            try
            {
                WxccFlow flow = WxccFlowReader.Load(path);
                IReadOnlyList<FlowFinding> findings = FlowValidator.Validate(flow);

                Assert.NotEmpty(findings);
                Assert.All(findings, f => Assert.Equal(LabFlow.Flow.Name, f.FlowName));
                Assert.All(findings, f => Assert.Equal(path, f.FlowPath));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void AFlowParsedFromTextHasANameButNoPath()
        {
            WxccFlow flow = WxccFlowReader.Parse(LabFlow.Json);
            FlowFinding finding = Assert.Single(FlowValidator.Validate(flow));
            Assert.Equal(flow.Name, finding.FlowName);
            Assert.False(string.IsNullOrEmpty(finding.FlowName));
            Assert.Null(finding.FlowPath);
        }
    }
}
