using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using CallbackLab.Core.Emulator;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>
    /// The emulator's HTTP/1.1 listener on malformed, oversized and unusual input (the malformed-input table): every case gets the
    /// documented status, in the answer and in the journal, and the emulator keeps serving.
    /// </summary>
    [Trait("Category", "CrashAndFault")]
    public sealed class HttpFramingTests
    {
        private const string DynVars = "/flowdesigner/Lab/DynVars";

        /// <summary>name, request ({port} is replaced), half-close after sending, expected status.</summary>
        public static IEnumerable<object[]> Table() => new[]
        {
            Case("origin form", "GET " + DynVars + "/1 HTTP/1.1\r\nHost: x\r\n\r\n", 200),
            Case("absolute form routes by its path", "GET http://127.0.0.1:{port}" + DynVars + "/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 200),
            Case("absolute form with a query", "GET http://127.0.0.1:{port}" + DynVars + "?dn=4694096861 HTTP/1.1\r\nHost: x\r\n\r\n", 200),
            Case("bare LF line ends", "GET " + DynVars + "/1 HTTP/1.1\nHost: x\n\n", 200),
            Case("HTTP/1.0 without Host", "GET " + DynVars + "/1 HTTP/1.0\r\n\r\n", 200),
            Case("request line over 8 KiB", "GET /" + new string('a', 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
            Case("1 MiB query", "GET " + DynVars + "?q=" + new string('q', 1024 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
            Case("header block over 32 KiB", "GET / HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Range(0, 40).Select(i => "X-H" + i + ": " + new string('h', 1000) + "\r\n")) + "\r\n", 431),
            Case("one header over 32 KiB", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('h', 40000) + "\r\n\r\n", 431),
            Case("too many headers", "GET / HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Range(0, 120).Select(i => "X-H" + i + ": 1\r\n")) + "\r\n", 431),
            Case("HTTP/1.1 without Host", "GET " + DynVars + "/1 HTTP/1.1\r\n\r\n", 400),
            Case("two Host headers", "GET " + DynVars + "/1 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
            Case("unknown version", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
            Case("not HTTP", "HELLO\r\n\r\n", 400),
            Case("no version", "GET /\r\n\r\n", 400),
            Case("two spaces", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            Case("target not a path", "GET flowdesigner HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            Case("space before the colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
            Case("header without a colon", "GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", 400),
            Case("obsolete line folding", "GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  continued\r\n\r\n", 400),
            Case("Content-Length not a number", "POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}", 400),
            Case("two different Content-Lengths", "POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400),
            Case("Content-Length and Transfer-Encoding", "POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 400),
            Case("unknown transfer coding", "POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
            Case("chunked body", "POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n4\r\n:\"b\"\r\n1\r\n}\r\n0\r\n\r\n", 201),
            Case("chunked body with extension and trailer", "POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;x=y\r\n{}\r\n0\r\nX-T: 1\r\n\r\n", 201),
            Case("bad chunk size", "POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400),
            Case("chunk without its CRLF", "POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n", 400),
            Case("chunked body cut off", "POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{}", 400, halfClose: true),
            Case("body shorter than Content-Length, then half-close", "POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":1}", 400, halfClose: true),
            Case("Content-Length over the body limit", "POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n{}", 413),
            Case("chunked over the body limit", "POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1FFFFF\r\n", 413),
            Case("method not a token", "G(T / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            Case("NUL in a header value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n", 400),
        };

        private static object[] Case(string name, string request, int status, bool halfClose = false) => new object[] { name, request, halfClose, status };

        [Theory]
        [MemberData(nameof(Table))]
        public async Task EachCaseGetsItsStatusInTheAnswerAndTheJournal(string name, string request, bool halfClose, int status)
        {
            using var lab = new EmulatorClient();
            string answer = await RawHttp.ExchangeAsync(lab.Emulator.Port, request.Replace("{port}", lab.Emulator.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), halfClose);
            Assert.True(status == RawHttp.Status(answer), name + ": expected " + status + ", got: " + answer.Split("\r\n")[0]);
            JournalEntry entry = Assert.Single(lab.Emulator.Journal);
            Assert.Equal(status, entry.StatusCode);
            Assert.Equal(200, (await lab.GetAsync("flowdesigner/Lab/DynVars/1")).Status);
        }

        [Fact]
        public async Task AnAbsoluteFormRequestReturnsTheRecordItsPathNames()
        {
            using var lab = new EmulatorClient();
            string answer = await RawHttp.ExchangeAsync(lab.Emulator.Port, "GET http://127.0.0.1:" + lab.Emulator.Port + DynVars + "/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            Assert.Equal(200, RawHttp.Status(answer));
            Assert.Contains("\"id\":\"1\"", answer);
            Assert.Equal(DynVars + "/1", lab.Emulator.Journal.Single().Path);
        }

        [Fact]
        public async Task KeepAliveServesSeveralRequestsOnOneConnectionAndConnectionCloseEndsIt()
        {
            using var lab = new EmulatorClient();
            string request = "GET " + DynVars + "/1 HTTP/1.1\r\nHost: x\r\n\r\n";
            string answer = await RawHttp.ExchangeAsync(lab.Emulator.Port, request + request + "GET " + DynVars + "/2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + request);
            Assert.Equal(3, RawHttp.AnswerCount(answer));
            Assert.Equal(3, lab.Emulator.Journal.Count);
        }

        [Fact]
        public async Task HeadAnswersTheLengthWithoutTheBody()
        {
            using var lab = new EmulatorClient();
            string get = await RawHttp.ExchangeAsync(lab.Emulator.Port, "GET " + DynVars + "/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            string head = await RawHttp.ExchangeAsync(lab.Emulator.Port, "HEAD " + DynVars + "/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            string length = get.Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(length, head.Split("\r\n"));
            Assert.EndsWith("\r\n\r\n", head);
        }

        [Fact]
        public async Task ExpectContinueGetsA100BeforeTheBody()
        {
            using var lab = new EmulatorClient();
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", lab.Emulator.Port);
            NetworkStream stream = client.GetStream();
            byte[] head = Encoding.ASCII.GetBytes("POST " + DynVars + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head);
            var buffer = new byte[256];
            int read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            Assert.StartsWith("HTTP/1.1 100 Continue\r\n\r\n", Encoding.ASCII.GetString(buffer, 0, read));
            await stream.WriteAsync(Encoding.ASCII.GetBytes("{}"));
            Assert.Equal(201, RawHttp.Status(await RawHttp.ReadUntilClosedAsync(stream, 5000)));
        }

        [Fact]
        public async Task AUtf8BomBodyIsAccepted()
        {
            using var lab = new EmulatorClient();
            byte[] body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"dn\":\"bom\"}")).ToArray();
            Assert.Equal(201, await PostBytesAsync(lab, body, "application/json"));
            Assert.Equal(200, (await lab.GetAsync("flowdesigner/Lab/DynVars?dn=bom")).Status);
        }

        [Theory]
        [InlineData("utf-16", "utf-16")]
        [InlineData("utf-16le", "utf-16le")]
        [InlineData("utf-16be", "utf-16be")]
        [InlineData("UTF-32", "utf-32")]
        [InlineData("\"utf-8\"", "utf-8")]
        [InlineData("iso-8859-1", "iso-8859-1")]
        public async Task ADeclaredCharsetIsHonoured(string declared, string encodingName)
        {
            using var lab = new EmulatorClient();
            Encoding encoding = encodingName == "utf-16" ? new UnicodeEncoding(bigEndian: false, byteOrderMark: true)
                : encodingName == "utf-32" ? new UTF32Encoding(bigEndian: false, byteOrderMark: true)
                : Encoding.GetEncoding(encodingName);
            byte[] body = encoding.GetPreamble().Concat(encoding.GetBytes("{\"dn\":\"caf\u00e9\"}")).ToArray();
            Assert.Equal(201, await PostBytesAsync(lab, body, "application/json; charset=" + declared));
            JToken found = (await lab.GetAsync("flowdesigner/Lab/DynVars?dn=caf%C3%A9")).Json;
            Assert.Equal("caf\u00e9", (string?)found[0]!["dn"]);
        }

        [Fact]
        public async Task InvalidUtf8IsRefusedNamingTheOffset()
        {
            using var lab = new EmulatorClient();
            byte[] body = Encoding.ASCII.GetBytes("{\"dn\":\"ab").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.ASCII.GetBytes("\"}")).ToArray();
            var (status, text) = await PostBytesWithBodyAsync(lab, body, "application/json");
            Assert.Equal(400, status);
            Assert.Contains("offset 9", text);
            Assert.Equal(5, (await lab.GetAsync("flowdesigner/Lab/DynVars")).Json.Count());
        }

        [Fact]
        public async Task AnUnknownCharsetIs415()
        {
            using var lab = new EmulatorClient();
            Assert.Equal(415, await PostBytesAsync(lab, Encoding.ASCII.GetBytes("{}"), "application/json; charset=klingon"));
        }

        private static async Task<int> PostBytesAsync(EmulatorClient lab, byte[] body, string contentType) => (await PostBytesWithBodyAsync(lab, body, contentType)).Status;

        private static async Task<(int Status, string Body)> PostBytesWithBodyAsync(EmulatorClient lab, byte[] body, string contentType)
        {
            using var content = new System.Net.Http.ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using System.Net.Http.HttpResponseMessage response = await lab.Http.PostAsync("flowdesigner/Lab/DynVars", content);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
