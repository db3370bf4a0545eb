using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace CallbackLab.Core.Tests.Reports
{
    /// <summary>
    /// Runs headless Firefox (Debian package <c>firefox-esr</c>) on a report, offline, with a fresh profile each time.
    /// Firefox has no <c>--dump-dom</c>: the page is served from a loopback HTTP server that appends a test-only script
    /// (never part of the report file) which, once the page's own script has run and the page has loaded, posts
    /// <c>document.documentElement.outerHTML</c> back as a form. A form post is what the report's Content-Security-Policy
    /// still allows (<c>form-action</c> does not fall back to <c>default-src</c>), so the page is served unchanged but for
    /// that script. Every run is bounded: the browser is killed once the DOM arrives, or after the timeout.
    /// </summary>
    internal static class HeadlessFirefox
    {
        internal const string PathVariable = "CALLBACKLAB_FIREFOX";
        private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
        private static readonly string[] s_names = { "firefox-esr", "firefox" };

        // Runs after the report's script (it is placed after it); waits for the load event, then one more turn.
        private const string DomPoster =
            "<script>window.addEventListener('load',function(){setTimeout(function(){var dom=document.documentElement.outerHTML;"
            + "var f=document.createElement('form');f.method='post';f.action='/dom';var t=document.createElement('textarea');"
            + "t.name='dom';t.value=dom;f.appendChild(t);document.body.appendChild(f);f.submit();},0);});</script>";

        // No update checks, telemetry, first-run pages or captive-portal probes: the run touches nothing but 127.0.0.1.
        private static readonly string[] s_preferences =
        {
            "browser.shell.checkDefaultBrowser\", false", "app.update.auto\", false", "app.update.enabled\", false",
            "datareporting.policy.dataSubmissionEnabled\", false", "datareporting.healthreport.uploadEnabled\", false",
            "toolkit.telemetry.enabled\", false", "browser.startup.homepage_override.mstone\", \"ignore\"",
            "browser.aboutwelcome.enabled\", false", "extensions.update.enabled\", false", "network.captive-portal-service.enabled\", false",
            "network.connectivity-service.enabled\", false", "browser.safebrowsing.malware.enabled\", false",
            "browser.safebrowsing.phishing.enabled\", false", "browser.safebrowsing.downloads.enabled\", false",
            "network.dns.disablePrefetch\", true", "network.prefetch-next\", false", "browser.newtabpage.enabled\", false",
            "browser.startup.page\", 0",
        };

        /// <summary>The browser executable; null when none is installed.</summary>
        internal static string? Executable { get; } = BrowserFiles.Find(PathVariable, s_names);

        internal static string MissingMessage =>
            "Headless Firefox is needed for the report's Firefox tests and was not found (looked for " + string.Join(", ", s_names)
            + " on PATH and $" + PathVariable + "). Install it (Debian: apt-get install -y firefox-esr; .ci/run does), or set "
            + HeadlessChromium.OptOutVariable + "=1 to skip the browser tests on a machine that cannot have it.";

        /// <summary>The DOM of the page after its script ran, as Firefox serialises it.</summary>
        internal static string DumpDom(string htmlPath, string fragment = "", int width = 1400, int height = 1000)
        {
            string page = File.ReadAllText(htmlPath);
            int body = page.LastIndexOf("</body>", StringComparison.Ordinal);
            if (body < 0)
            {
                throw new InvalidOperationException(htmlPath + " has no </body>");
            }

            byte[] served = Encoding.UTF8.GetBytes(page.Insert(body, DomPoster));
            int port = FreePort();
            using var listener = new HttpListener();
            listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
            listener.Start();
            var dom = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            Task serving = Task.Run(() => Serve(listener, served, dom));
            try
            {
                Run(new[] { "--window-size=" + width + "," + height, "http://127.0.0.1:" + port + "/report.html" + fragment }, dom.Task);
                return dom.Task.Result;
            }
            finally
            {
                listener.Stop();
                serving.Wait(TimeSpan.FromSeconds(5));
            }
        }

        /// <summary>Takes a screenshot of the page (opened from <c>file://</c>, as a user would) into <paramref name="pngPath"/>.</summary>
        internal static void Screenshot(string htmlPath, string pngPath, int width = 1400, int height = 1000, string fragment = "")
        {
            Run(new[] { "--window-size=" + width + "," + height, "--screenshot", pngPath, new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri + fragment }, null);
            if (!File.Exists(pngPath))
            {
                throw new InvalidOperationException("Firefox wrote no screenshot to " + pngPath);
            }
        }

        /// <summary>
        /// Runs Firefox with <paramref name="arguments"/> until it exits or, when <paramref name="done"/> is given, until that
        /// completes (then it is killed); on the timeout it is killed and the run fails.
        /// </summary>
        private static void Run(string[] arguments, Task? done)
        {
            string executable = Executable ?? throw new InvalidOperationException(MissingMessage);
            string profile = BrowserFiles.NewProfile("firefox");
            File.WriteAllLines(Path.Combine(profile, "user.js"), s_preferences.Select(p => "user_pref(\"" + p + ");"));
            try
            {
                var start = new ProcessStartInfo(executable)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (string argument in new[] { "--headless", "--no-remote", "--profile", profile }.Concat(arguments))
                {
                    start.ArgumentList.Add(argument);
                }

                start.Environment["MOZ_CRASHREPORTER_DISABLE"] = "1";
                using Process process = Process.Start(start) ?? throw new InvalidOperationException("Firefox did not start: " + executable);
                var error = new StringBuilder();
                process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (error) { error.AppendLine(e.Data); } } };
                process.OutputDataReceived += (_, _) => { };
                process.BeginErrorReadLine();
                process.BeginOutputReadLine();
                Task exited = process.WaitForExitAsync();
                Task target = done ?? exited;
                Task.WhenAny(exited, target).Wait(s_timeout);
                bool finished = target.IsCompleted;
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }

                if (!finished)
                {
                    string why = exited.IsCompleted ? "Firefox exited with " + process.ExitCode + " before the page posted its DOM: "
                        : "Firefox did not finish within " + s_timeout.TotalSeconds + " s (killed): ";
                    lock (error)
                    {
                        throw new TimeoutException(why + error);
                    }
                }

                if (done == null && process.ExitCode != 0)
                {
                    throw new InvalidOperationException("Firefox exited with " + process.ExitCode + ": " + error);
                }
            }
            finally
            {
                BrowserFiles.DeleteProfile(profile);
            }
        }

        /// <summary>Answers the page and its favicon, and takes the posted DOM.</summary>
        private static void Serve(HttpListener listener, byte[] page, TaskCompletionSource<string> dom)
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = listener.GetContext();
                }
                catch (HttpListenerException)
                {
                    return; // stopped
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                using HttpListenerResponse response = context.Response;
                if (context.Request.HttpMethod == "POST" && context.Request.Url!.AbsolutePath == "/dom")
                {
                    using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                    string form = reader.ReadToEnd();
                    const string field = "dom=";
                    dom.TrySetResult(form.StartsWith(field, StringComparison.Ordinal) ? WebUtility.UrlDecode(form.Substring(field.Length)) : form);
                    response.StatusCode = 204;
                }
                else if (context.Request.Url!.AbsolutePath == "/report.html")
                {
                    response.ContentType = "text/html; charset=utf-8";
                    response.OutputStream.Write(page, 0, page.Length);
                }
                else
                {
                    response.StatusCode = 404;
                }
            }
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
