using System;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using CallbackLab.Core.Http;
using CallbackLab.Core.MockApi;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Turns an <see cref="ApiException"/> into the ErrorRecord users see: a stable id per API, a category by status,
    /// the request as target, and ErrorDetails with the API's description and the trackingId.
    /// </summary>
    internal static class ApiErrorRecords
    {
        /// <summary><c>WxccApiError</c>, <c>WxccAuthenticationError</c>, <c>MockApiError</c>, <c>MockApiRecordLimitReached</c> or <c>UnencryptedAuthenticationRefused</c>.</summary>
        internal static string ErrorId(ApiException exception)
        {
            if (exception.Kind == ApiFailureKind.UnencryptedAuthentication)
            {
                return ErrorIds.UnencryptedAuthenticationRefused;
            }

            switch (exception.Request.Service)
            {
                case ApiService.WxccToken:
                    return ErrorIds.WxccAuthenticationError;
                case ApiService.MockApi:
                    return MockApiClient.IsRecordLimitReached(exception) ? ErrorIds.MockApiRecordLimitReached : ErrorIds.MockApiError;
                default:
                    return exception.StatusCode == HttpStatusCode.Unauthorized ? ErrorIds.WxccAuthenticationError : ErrorIds.WxccApiError;
            }
        }

        /// <summary>400 InvalidArgument, 401 AuthenticationError, 403 PermissionDenied, 404 ObjectNotFound, 429 LimitsExceeded, 5xx InvalidResult or ConnectionError.</summary>
        internal static ErrorCategory Category(ApiException exception)
        {
            switch (exception.Kind)
            {
                case ApiFailureKind.Timeout:
                    return ErrorCategory.OperationTimeout;
                case ApiFailureKind.ConnectFailure:
                case ApiFailureKind.ConnectionLost:
                    return ErrorCategory.ConnectionError;
                case ApiFailureKind.UnencryptedAuthentication:
                    return ErrorCategory.SecurityError;
                case ApiFailureKind.InvalidResponse:
                    return ErrorCategory.InvalidResult;
            }

            if (MockApiClient.IsRecordLimitReached(exception))
            {
                return ErrorCategory.LimitsExceeded;
            }

            int status = (int)(exception.StatusCode ?? 0);
            if (exception.Request.Service == ApiService.WxccToken && (status == 400 || status == 401))
            {
                return ErrorCategory.AuthenticationError; // invalid_grant: the refresh token or client credentials were refused
            }

            switch (status)
            {
                case 400:
                    return ErrorCategory.InvalidArgument;
                case 401:
                    return ErrorCategory.AuthenticationError;
                case 403:
                    return ErrorCategory.PermissionDenied;
                case 404:
                    return ErrorCategory.ObjectNotFound;
                case 429:
                    return ErrorCategory.LimitsExceeded;
                case 502:
                case 503:
                case 504:
                    return ErrorCategory.ConnectionError;
                default:
                    return status >= 500 ? ErrorCategory.InvalidResult : ErrorCategory.InvalidOperation;
            }
        }

        /// <summary>The complete ErrorRecord; <paramref name="target"/> defaults to the request (the token request shows only its address).</summary>
        internal static ErrorRecord Create(ApiException exception, object? target = null)
        {
            object effectiveTarget = target ?? (exception.Request.Service == ApiService.WxccToken
                ? LogRedactor.RedactUri(exception.Request.Uri)
                : (object)exception.Request);
            var record = new ErrorRecord(exception, ErrorId(exception), Category(exception), effectiveTarget)
            {
                ErrorDetails = new ErrorDetails(Details(exception)),
            };
            string? action = RecommendedAction(exception);
            if (action != null)
            {
                record.ErrorDetails.RecommendedAction = action;
            }

            return record;
        }

        private static string Details(ApiException exception)
        {
            if (exception.StatusCode is HttpStatusCode status && exception.Kind == ApiFailureKind.HttpStatus)
            {
                // Without a description the reason phrase would only repeat the status name, so say why there is none.
                string explanation = exception.Description != null
                    ? ": " + exception.Description
                    : string.IsNullOrWhiteSpace(exception.ResponseBody) ? ApiStrings.ApiStatusNoBody : string.Empty;
                string retry = exception.RetryAfter is { } wait
                    ? string.Format(CultureInfo.CurrentCulture, ApiStrings.ApiStatusRetryAfter, Math.Ceiling(wait.TotalSeconds))
                    : string.Empty;
                return string.Format(CultureInfo.CurrentCulture, ApiStrings.ApiStatusDetails,
                    exception.Request, (int)status, status, explanation, exception.TrackingId, retry);
            }

            return string.Format(CultureInfo.CurrentCulture, ApiStrings.ApiFailureDetails, exception.Request, exception.Message, exception.TrackingId);
        }

        private static string? RecommendedAction(ApiException exception)
        {
            if (exception.Kind == ApiFailureKind.UnencryptedAuthentication)
            {
                return ApiStrings.UseHttpsAction;
            }

            if (exception.TaskWasCreated)
            {
                return ApiStrings.TaskCreatedAnswerUnreadable;
            }

            if (exception.Request.Service == ApiService.Wxcc && !exception.Request.IsIdempotent && exception.IsAmbiguous)
            {
                return ApiStrings.TaskNotRetried;
            }

            if (ErrorId(exception) == ErrorIds.WxccAuthenticationError)
            {
                return ApiStrings.CheckCredentialsAction;
            }

            return MockApiClient.IsRecordLimitReached(exception) ? ApiStrings.RecordLimitAction : null;
        }
    }
}
