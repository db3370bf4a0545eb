namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Where the project lives online: the one place that names the repository. Each cmdlet's HelpUri points at its page
    /// under docs/en-US there (Get-Help -Online); a contract test holds the manifest's ProjectUri and LicenseUri to it.
    /// </summary>
    internal static class HelpLinks
    {
        /// <summary>The repository.</summary>
        public const string Repository = "https://github.com/callbacklab/CallbackLab";

        /// <summary>The folder of the cmdlet pages; a cmdlet's page is this plus <c>Verb-Noun.md</c>.</summary>
        public const string CmdletPages = Repository + "/blob/main/docs/en-US/";
    }
}
