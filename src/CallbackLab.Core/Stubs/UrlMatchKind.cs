namespace CallbackLab.Core.Stubs
{
    /// <summary>How a stub matches the URL (WireMock's four, its path template, and a glob).</summary>
    public enum UrlMatchKind
    {
        /// <summary>No URL constraint: any URL.</summary>
        Any,

        /// <summary><c>url</c>: path and query exactly (or, written absolute, scheme, host, port, path and query).</summary>
        Url,

        /// <summary><c>urlPath</c>: the path exactly (or, written absolute, scheme, host, port and path); the query is free.</summary>
        UrlPath,

        /// <summary><c>urlPattern</c>: a regular expression on path and query (on the absolute URL when it starts with a scheme).</summary>
        UrlPattern,

        /// <summary><c>urlPathPattern</c>: a regular expression on the path (on the absolute URL without query when it starts with a scheme).</summary>
        UrlPathPattern,

        /// <summary><c>urlPathTemplate</c>: a path with <c>{name}</c> segments, e.g. <c>/contacts/{id}</c>.</summary>
        UrlPathTemplate,

        /// <summary><c>urlGlob</c> (a CallbackLab extension): a glob on the path, or on the absolute URL without query when it starts with a scheme.</summary>
        UrlGlob,
    }
}
