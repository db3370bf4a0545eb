using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>Flow Store and entry point calls against an <see cref="EmulatorClient"/>, with the emulator's full-scope token unless told otherwise.</summary>
    internal static class FlowStoreClient
    {
        internal const string Project = "5e5c9ad6d61f870d6d778c1b";

        internal static string FlowsPath(EmulatorClient lab, string rest = "", string? orgId = null) =>
            "flow-store/" + (orgId ?? lab.Emulator.OrgId) + "/project/" + Project + "/flows" + rest;

        internal static string EntryPointsPath(EmulatorClient lab, string rest = "", string? orgId = null) =>
            "organization/" + (orgId ?? lab.Emulator.OrgId) + "/entry-point" + rest;

        internal static string Bearer(EmulatorClient lab, string? token = null) => "Bearer " + (token ?? lab.Emulator.AccessToken);

        internal static Task<EmulatorClient.Answer> GetAsync(EmulatorClient lab, string path, string? token = null) =>
            lab.SendAsync(HttpMethod.Get, path, bearer: Bearer(lab, token));

        internal static Task<EmulatorClient.Answer> SendJsonAsync(EmulatorClient lab, HttpMethod method, string path, JToken body, string? token = null) =>
            lab.SendAsync(method, path, body.ToString(), Bearer(lab, token));

        /// <summary>POST …/flows:import with the export as the multipart part <c>file</c>.</summary>
        internal static async Task<EmulatorClient.Answer> ImportAsync(EmulatorClient lab, string exportJson, string query = "", string? token = null, bool chunked = false)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, FlowsPath(lab, ":import" + query));
            var form = new MultipartFormDataContent("cblab-boundary");
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(exportJson));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, "file", "flow.json");
            request.Content = form;
            request.Headers.TryAddWithoutValidation("Authorization", Bearer(lab, token));
            request.Headers.TransferEncodingChunked = chunked ? true : (bool?)null;
            using HttpResponseMessage response = await lab.Http.SendAsync(request);
            return new EmulatorClient.Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
        }

        internal static Task<EmulatorClient.Answer> PublishAsync(EmulatorClient lab, string flowId, params string[] tags) =>
            SendJsonAsync(lab, HttpMethod.Post, FlowsPath(lab, "/" + flowId + ":publish"), new JObject { ["comment"] = "published by a test", ["tagIds"] = new JArray(tags) });

        /// <summary>A small valid export named <paramref name="name"/>: the lab flow renamed.</summary>
        internal static string Export(string name, string? description = null)
        {
            var export = JObject.Parse(CallbackLab.Core.Flows.Lab.LabFlow.Json);
            export["name"] = name;
            if (description != null)
            {
                export["description"] = description;
            }

            return export.ToString();
        }
    }
}
