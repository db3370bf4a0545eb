using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>A started emulator and a loopback client with a bounded timeout; disposing stops both.</summary>
    internal sealed class EmulatorClient : IDisposable
    {
        internal EmulatorClient(LabEmulatorOptions? options = null)
        {
            Emulator = LabEmulator.Start(options);
            Http = new HttpClient { BaseAddress = Emulator.BaseUri, Timeout = TimeSpan.FromSeconds(10) };
        }

        internal LabEmulator Emulator { get; }

        internal HttpClient Http { get; }

        internal async Task<Answer> SendAsync(HttpMethod method, string path, string? json = null, string? bearer = null, string? contentType = "application/json")
        {
            using var request = new HttpRequestMessage(method, path);
            if (json != null)
            {
                request.Content = new StringContent(json, Encoding.UTF8);
                request.Content.Headers.ContentType = contentType == null ? null : new MediaTypeHeaderValue(contentType);
            }

            if (bearer != null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", bearer);
            }

            using HttpResponseMessage response = await Http.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            return new Answer((int)response.StatusCode, body, response);
        }

        internal Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

        internal Task<Answer> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

        internal Task<Answer> PostTaskAsync(JObject body, string? bearer = "") =>
            SendAsync(HttpMethod.Post, "v1/tasks", body.ToString(), bearer == "" ? "Bearer " + Emulator.AccessToken : bearer);

        public void Dispose()
        {
            Http.Dispose();
            Emulator.Dispose();
        }

        internal sealed class Answer
        {
            internal Answer(int status, string body, HttpResponseMessage response)
            {
                Status = status;
                Body = body;
                RetryAfter = response.Headers.RetryAfter?.Delta;
                TrackingId = response.Headers.TryGetValues("TrackingID", out var values) ? string.Join(",", values) : null;
                Allow = string.Join(", ", response.Content.Headers.Allow);
            }

            internal int Status { get; }

            internal string Body { get; }

            internal TimeSpan? RetryAfter { get; }

            internal string? TrackingId { get; }

            internal string Allow { get; }

            internal JToken Json => JToken.Parse(Body);
        }
    }
}
