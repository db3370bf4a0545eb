namespace CallbackLab.Core.Tests.Reports
{
    /// <summary>
    /// A test that needs headless Chromium. Where Chromium is missing it fails with <see cref="HeadlessChromium.MissingMessage"/>,
    /// unless <see cref="HeadlessChromium.OptOutVariable"/>=1 was set on purpose: then it is reported as skipped, with the reason.
    /// </summary>
    public sealed class BrowserFactAttribute : FactAttribute
    {
        public BrowserFactAttribute()
        {
            if (HeadlessChromium.Executable == null && HeadlessChromium.OptedOut)
            {
                Skip = "Chromium is not installed and " + HeadlessChromium.OptOutVariable + "=1 opts out of the browser tests.";
            }
        }
    }
}
