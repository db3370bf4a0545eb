using System;
using System.Collections.Generic;
using System.Linq;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>The WxCC data centres and their API base addresses (<c>https://api.wxcc-&lt;region&gt;.cisco.com</c>).</summary>
    public static class WxccRegions
    {
        /// <summary>The region names <c>Connect-Wxcc -Region</c> accepts.</summary>
        public static readonly IReadOnlyList<string> Names = new[] { "us1", "eu1", "eu2", "anz1", "ca1", "jp1", "sg1" };

        /// <summary>The default OAuth token endpoint (it serves every data centre).</summary>
        public static readonly Uri DefaultTokenUri = new Uri("https://webexapis.com/v1/access_token");

        /// <summary>The API base of <paramref name="region"/>, e.g. <c>https://api.wxcc-us1.cisco.com</c>.</summary>
        /// <exception cref="ArgumentException">The region is not one of <see cref="Names"/>.</exception>
        public static Uri BaseUri(string region)
        {
            string? known = Names.FirstOrDefault(n => string.Equals(n, region, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                throw new ArgumentException("Unknown WxCC region '" + region + "'. Use one of: " + string.Join(", ", Names) + ".", nameof(region));
            }

            return new Uri("https://api.wxcc-" + known + ".cisco.com");
        }

        /// <summary>The region whose base address is <paramref name="baseUri"/>, or null for any other address.</summary>
        public static string? FromBaseUri(Uri baseUri)
        {
            return Names.FirstOrDefault(n => Uri.Compare(BaseUri(n), baseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped,
                StringComparison.OrdinalIgnoreCase) == 0);
        }
    }
}
