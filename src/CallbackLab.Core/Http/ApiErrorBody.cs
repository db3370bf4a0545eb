using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Http
{
    /// <summary>Reads the description and tracking id out of the error bodies WxCC, the Webex token endpoint and MockAPI send.</summary>
    public static class ApiErrorBody
    {
        private const int MaximumRawLength = 500;

        /// <summary>
        /// The human description in an error body: WxCC's <c>error.message[0].description</c>, <c>errors[0].description</c>,
        /// <c>message</c>, OAuth's <c>error_description</c>, MockAPI's JSON string (<c>"Not found"</c>), or the raw text.
        /// </summary>
        public static string? Description(string? body)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return null;
            }

            JToken? token = TryParse(body!);
            switch (token)
            {
                case JValue value when value.Type == JTokenType.String:
                    return (string?)value;
                case JObject obj:
                    return FirstString(
                               obj.SelectToken("error.message[0].description"),
                               obj.SelectToken("errors[0].description"),
                               obj.SelectToken("errors[0].message"),
                               obj["error_description"],
                               obj["message"],
                               obj["error"] is JValue ? obj["error"] : null)
                           ?? Truncate(body!);
                default:
                    return Truncate(body!);
            }
        }

        /// <summary>The <c>trackingId</c> an error body carries, if any.</summary>
        public static string? TrackingId(string? body)
        {
            return string.IsNullOrWhiteSpace(body) ? null : FirstString((TryParse(body!) as JObject)?["trackingId"]);
        }

        private static string? FirstString(params JToken?[] candidates)
        {
            return candidates.OfType<JValue>().Where(v => v.Type != JTokenType.Null).Select(v => v.ToString(CultureInfo.InvariantCulture)).FirstOrDefault(s => s.Length > 0);
        }

        private static string Truncate(string body) => body.Length <= MaximumRawLength ? body.Trim() : body.Substring(0, MaximumRawLength) + "…";

        private static JToken? TryParse(string body)
        {
            try
            {
                return JToken.Parse(body);
            }
            catch (JsonReaderException)
            {
                return null;
            }
        }
    }
}
