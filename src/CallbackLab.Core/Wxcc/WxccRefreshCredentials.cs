using System;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>What an OAuth refresh needs: the integration's client id and secret and a refresh token.</summary>
    public sealed class WxccRefreshCredentials
    {
        /// <summary>Creates the credentials.</summary>
        public WxccRefreshCredentials(string clientId, string clientSecret, string refreshToken)
        {
            ClientId = string.IsNullOrEmpty(clientId) ? throw new ArgumentException("A client id is required.", nameof(clientId)) : clientId;
            ClientSecret = string.IsNullOrEmpty(clientSecret) ? throw new ArgumentException("A client secret is required.", nameof(clientSecret)) : clientSecret;
            RefreshToken = string.IsNullOrEmpty(refreshToken) ? throw new ArgumentException("A refresh token is required.", nameof(refreshToken)) : refreshToken;
        }

        /// <summary>The integration's client id (not a secret).</summary>
        public string ClientId { get; }

        /// <summary>The integration's client secret.</summary>
        internal string ClientSecret { get; }

        /// <summary>The current refresh token; a refresh may replace it.</summary>
        internal string RefreshToken { get; set; }

        /// <summary>Never shows the secrets.</summary>
        public override string ToString() => "ClientId=" + ClientId;
    }
}
