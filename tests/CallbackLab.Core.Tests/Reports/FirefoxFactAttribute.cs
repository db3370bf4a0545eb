namespace CallbackLab.Core.Tests.Reports
{
    /// <summary>
    /// A test that needs headless Firefox. Where Firefox is missing it fails with <see cref="HeadlessFirefox.MissingMessage"/>,
    /// unless <see cref="HeadlessChromium.OptOutVariable"/>=1 was set on purpose: then it is reported as skipped, with the reason.
    /// </summary>
    public sealed class FirefoxFactAttribute : FactAttribute
    {
        public FirefoxFactAttribute()
        {
            if (HeadlessFirefox.Executable == null && HeadlessChromium.OptedOut)
            {
                Skip = "Firefox is not installed and " + HeadlessChromium.OptOutVariable + "=1 opts out of the browser tests.";
            }
        }
    }
}
