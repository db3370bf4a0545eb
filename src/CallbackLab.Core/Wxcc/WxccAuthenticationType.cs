namespace CallbackLab.Core.Wxcc
{
    /// <summary>How a <see cref="WxccConnection"/> gets its bearer token.</summary>
    public enum WxccAuthenticationType
    {
        /// <summary>A fixed access token given by the user; it is not refreshed.</summary>
        AccessToken,

        /// <summary>An OAuth refresh token with the integration's client id and secret; refreshed before it expires.</summary>
        RefreshToken,

        /// <summary>The token of a lab emulator's endpoints.</summary>
        Emulator,
    }
}
