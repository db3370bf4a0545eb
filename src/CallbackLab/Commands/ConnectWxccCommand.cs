using System;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using CallbackLab.Core.Http;
using CallbackLab.Core.Wxcc;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Connects this session to the WxCC API with an access token or an OAuth refresh token.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Wxcc", DefaultParameterSetName = AccessTokenSet, HelpUri = HelpLinks.CmdletPages + "Connect-Wxcc.md")]
    [OutputType(typeof(WxccConnection))]
    public sealed class ConnectWxccCommand : ApiCmdlet
    {
        private const string AccessTokenSet = "AccessToken";
        private const string RefreshTokenSet = "RefreshToken";

        /// <summary>The data centre: us1, eu1, eu2, anz1, ca1, jp1 or sg1 (https://api.wxcc-&lt;region&gt;.cisco.com). Default us1.</summary>
        [Parameter]
        [ValidateSet("us1", "eu1", "eu2", "anz1", "ca1", "jp1", "sg1", IgnoreCase = true)]
        public string? Region { get; set; }

        /// <summary>Another API base address (e.g. an emulator's); instead of -Region.</summary>
        [Parameter]
        [ValidateNotNull]
        [ValidateHttpUri]
        public Uri? Uri { get; set; }

        /// <summary>A bearer token; it is used as is and not refreshed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        /// <summary>The integration's client id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RefreshTokenSet)]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; } = string.Empty;

        /// <summary>The integration's client secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RefreshTokenSet)]
        [ValidateNotNull]
        public SecureString? ClientSecret { get; set; }

        /// <summary>The refresh token; the access token is obtained now and refreshed before it expires.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RefreshTokenSet)]
        [ValidateNotNull]
        public SecureString? RefreshToken { get; set; }

        /// <summary>The OAuth token endpoint. Default https://webexapis.com/v1/access_token.</summary>
        [Parameter(ParameterSetName = RefreshTokenSet)]
        [ValidateNotNull]
        [ValidateHttpUri]
        public Uri TokenUri { get; set; } = WxccRegions.DefaultTokenUri;

        /// <summary>The MockAPI prefix that goes with this connection (the default for the DynVars cmdlets while it is connected).</summary>
        [Parameter]
        [ValidateNotNull]
        [ValidateHttpUri]
        public Uri? MockApiUri { get; set; }

        /// <summary>The organization id the Flow Store and entry-point paths need (Get-WxccFlow, Get-WxccEntryPoint and the rest).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OrgId { get; set; }

        /// <summary>The Flow Store base, when it is not the API base + flow-store/ (the real host is unverified).</summary>
        [Parameter]
        [ValidateNotNull]
        [ValidateHttpUri]
        public Uri? FlowStoreUri { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (Region != null && Uri != null)
            {
                ThrowTerminatingError(new ArgumentException(ApiStrings.RegionAndUri), ErrorIds.RegionAndUri, ErrorCategory.InvalidArgument, Uri);
            }

            // An empty SecureString passes [ValidateNotNull]; say which credential is empty rather than fail deep inside.
            foreach ((string name, System.Security.SecureString? value) in new[]
                     { ("AccessToken", AccessToken), ("ClientSecret", ClientSecret), ("RefreshToken", RefreshToken) })
            {
                if (value != null && value.Length == 0)
                {
                    ThrowTerminatingError(
                        new ArgumentException(string.Format(CultureInfo.CurrentCulture, ApiStrings.EmptyCredential, name), name),
                        ErrorIds.EmptyCredential, ErrorCategory.InvalidArgument, name);
                }
            }

            Uri baseUri = Uri ?? WxccRegions.BaseUri(Region ?? "us1");
            WxccConnection connection = ParameterSetName == RefreshTokenSet
                ? WxccConnection.WithRefreshToken(baseUri, TokenUri, new WxccRefreshCredentials(
                    ClientId, SecureStrings.ToPlainText(ClientSecret), SecureStrings.ToPlainText(RefreshToken)), MockApiUri)
                : WxccConnection.WithAccessToken(baseUri, SecureStrings.ToPlainText(AccessToken), MockApiUri);
            connection.AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent;
            connection.OrgId = OrgId;
            connection.FlowStoreUri = FlowStoreUri;

            try
            {
                // Prove the refresh credentials now rather than at the first task; also refuses http:// for the token early.
                RunApi((http, token) => ProveAsync(connection, baseUri, http, token), connection);
            }
            catch (ApiException ex)
            {
                ThrowTerminatingError(ApiErrorRecords.Create(ex));
            }

            Session.Defaults.Connect(connection);
            WriteVerbose(string.Format(CultureInfo.CurrentCulture, ApiStrings.Connected, connection.BaseUri, connection.AuthenticationType));
            WriteObject(connection);
        }

        private static async System.Threading.Tasks.Task<bool> ProveAsync(
            WxccConnection connection, Uri baseUri, ApiHttpClient http, System.Threading.CancellationToken token)
        {
            if (baseUri.Scheme == System.Uri.UriSchemeHttp && !baseUri.IsLoopback && !http.Options.AllowUnencryptedAuthentication)
            {
                // No request is sent here; the same rule the HTTP layer applies, checked before the connection is kept.
                throw new ApiException(
                    "Refusing to use a token over unencrypted HTTP with " + baseUri.Host + ".",
                    new ApiRequest(ApiService.Wxcc, System.Net.Http.HttpMethod.Get, baseUri), ApiFailureKind.UnencryptedAuthentication);
            }

            await connection.RefreshAsync(http, token).ConfigureAwait(false);
            return true;
        }
    }
}
