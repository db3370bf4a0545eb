using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator
{
    /// <summary>The documented WxCC error body: <c>{"trackingId": …, "error": {"key": "400", "message": [{"description": …}]}}</c>.</summary>
    internal static class WxccErrors
    {
        internal static EmulatorResponse Create(int status, string trackingId, params string[] descriptions)
        {
            var messages = new JArray();
            foreach (string description in descriptions)
            {
                messages.Add(new JObject { ["description"] = description });
            }

            return EmulatorResponse.Json(status, new JObject
            {
                ["trackingId"] = trackingId,
                ["error"] = new JObject
                {
                    ["key"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["message"] = messages,
                },
            });
        }
    }
}
