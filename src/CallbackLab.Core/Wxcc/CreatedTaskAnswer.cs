using CallbackLab.Core.Http;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Wxcc
{
    /// <summary>
    /// Reads the answer to a <c>POST /v1/tasks</c> (<c>{meta:{orgId}, data:{id}}</c>) for callback and EXECUTE_FLOW tasks alike.
    /// A success status means the task exists even when its answer cannot be read: that is an error saying so, so nobody sends it twice.
    /// </summary>
    internal static class CreatedTaskAnswer
    {
        /// <summary>The created task's id and organization; <paramref name="whatHappened"/> ends the unreadable-answer message.</summary>
        /// <exception cref="ApiException">The answer has no readable <c>data.id</c>; <see cref="ApiException.TaskWasCreated"/> is set.</exception>
        internal static (string Id, string? OrgId) Read(ApiRequest request, ApiResponse response, string whatHappened)
        {
            JObject? body;
            try
            {
                body = response.ReadJsonObject();
            }
            catch (ApiException)
            {
                body = null;
            }

            if (body?.SelectToken("data.id") is JValue { Type: JTokenType.String } id && ((string?)id)?.Length > 0)
            {
                return ((string)id!, (string?)body.SelectToken("meta.orgId"));
            }

            throw new ApiException(
                "WxCC answered " + (int)response.StatusCode + " without a readable data.id in its body: " + whatHappened,
                request, ApiFailureKind.InvalidResponse, response.StatusCode, LogRedactor.RedactBody(response.Body, null))
            {
                TaskWasCreated = true,
            };
        }
    }
}
