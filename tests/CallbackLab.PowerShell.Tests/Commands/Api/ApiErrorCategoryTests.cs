using System.Collections.Generic;
using System.Management.Automation;

namespace CallbackLab.PowerShell.Tests.Commands.Api
{
    /// <summary>
    /// The HTTP status -> ErrorCategory mapping users see (issue 4): 400 InvalidArgument, 401 AuthenticationError,
    /// 403 PermissionDenied, 404 ObjectNotFound, 429 LimitsExceeded, 500 InvalidResult, 503 ConnectionError; the request is
    /// the target, and ErrorDetails quotes the body's description and trackingId (else the status and the TrackingId sent).
    /// Twin of tests/Pester/Api.Tests.ps1 ("error categories").
    /// </summary>
    public sealed class ApiErrorCategoryTests
    {
        public static TheoryData<int, ErrorCategory, bool> Statuses => new TheoryData<int, ErrorCategory, bool>
        {
            { 400, ErrorCategory.InvalidArgument, true },
            { 401, ErrorCategory.AuthenticationError, false },
            { 403, ErrorCategory.PermissionDenied, true },
            { 404, ErrorCategory.ObjectNotFound, false },
            { 429, ErrorCategory.LimitsExceeded, true },
            { 500, ErrorCategory.InvalidResult, false },
            { 503, ErrorCategory.ConnectionError, true },
        };

        [Theory]
        [MemberData(nameof(Statuses))]
        public void EachStatusHasItsCategoryTheRequestAsTargetAndTheBodysDetails(int status, ErrorCategory category, bool bodyHasDetails)
        {
            using var lab = new EmulatorScope();
            string body = bodyHasDetails ? "-Body '{\"trackingId\":\"srv-" + status + "\",\"message\":\"refused with " + status + "\"}' " : string.Empty;
            var result = lab.Run(
                "Set-CallbackLabFault -Path '*/DynVars*' -Method GET -StatusCode " + status + " " + body + "-Count 1; " +
                "Get-DynVars -Id 1 -MaximumRetryCount 0");

            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Equal("MockApiError,CallbackLab.Commands.GetDynVarsCommand", error.FullyQualifiedErrorId);
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Equal("CallbackLab.Core.Http.ApiRequest", error.TargetObject.GetType().FullName); // the request is the target
            PSObject request = PSObject.AsPSObject(error.TargetObject);
            Assert.Matches("^GET http://127\\.0\\.0\\.1:[0-9]+/flowdesigner/Lab/DynVars/1$", request.ToString());
            Assert.Equal("CallbackLab.Core.Http.ApiException", error.Exception.GetType().FullName);
            Assert.Equal(status, (int)PSObject.AsPSObject(error.Exception).Properties["StatusCode"].Value);
            if (bodyHasDetails)
            {
                Assert.Contains("failed with " + status + " ", error.ErrorDetails.Message);
                Assert.Contains(": refused with " + status + " (TrackingId: srv-" + status + ")", error.ErrorDetails.Message);
            }
            else
            {
                Assert.Contains("failed with " + status + " ", error.ErrorDetails.Message);
                Assert.Contains("(TrackingId: " + (string)request.Properties["TrackingId"].Value + ")", error.ErrorDetails.Message);
            }

            Assert.Equal(new[] { "GET /flowdesigner/Lab/DynVars/1" }, lab.Requests("GET", "*/DynVars*")); // -MaximumRetryCount 0: one attempt
        }

        [Fact]
        public void ErrorDetailsSayThereIsNoBodyAndQuoteRetryAfterInsteadOfRepeatingTheReasonPhrase()
        {
            using var lab = new EmulatorScope();
            var result = lab.Run(
                "Set-CallbackLabFault -Path '*/DynVars*' -Method GET -StatusCode 429 -RetryAfterSeconds 30 -Body '' -Count 1; " +
                "Get-DynVars -Id 1 -MaximumRetryCount 0");
            ErrorRecord error = Assert.Single(result.AllErrors);
            Assert.Contains("failed with 429 TooManyRequests (no body); the server asks to retry after 30 s (TrackingId: ", error.ErrorDetails.Message);
            Assert.DoesNotContain("TooManyRequests: TooManyRequests", error.ErrorDetails.Message);
            Assert.Contains("Retry-After: 30 s.", error.Exception.Message);
        }
    }
}
