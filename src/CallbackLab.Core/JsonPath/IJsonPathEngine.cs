using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.JsonPath
{
    /// <summary>
    /// Evaluates JSONPath expressions the way Flow Designer's HTTP Request activity does.
    /// One small interface so the engine can be swapped (JsonPath.Net is not on this package feed;
    /// <see cref="NewtonsoftJsonPathEngine"/> uses Newtonsoft.Json's SelectTokens).
    /// </summary>
    public interface IJsonPathEngine
    {
        /// <summary>Returns every token the path matches, in document order; an empty list when nothing matches.</summary>
        /// <exception cref="JsonPathException">The path is not valid JSONPath.</exception>
        IReadOnlyList<JToken> SelectAll(JToken document, string path);

        /// <summary>
        /// Returns the value a flow variable receives: the single match, a JSON array when the path is a
        /// filter or wildcard (Jayway returns arrays for those), or <c>null</c> when nothing matches.
        /// </summary>
        /// <exception cref="JsonPathException">The path is not valid JSONPath.</exception>
        JToken? SelectForVariable(JToken document, string path);
    }
}
