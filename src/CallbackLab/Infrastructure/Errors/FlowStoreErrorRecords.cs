using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.FlowStore;
using CallbackLab.Core.Http;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>The ErrorRecords of the tenant cmdlets (Flow Store, entry points, EXECUTE_FLOW) that the shared API mapping does not cover.</summary>
    internal static class FlowStoreErrorRecords
    {
        /// <summary>The connection has no organization id: <c>WxccOrgIdRequired</c> (InvalidOperation) with the Connect-Wxcc advice.</summary>
        internal static ErrorRecord OrgIdRequired(OrganizationIdRequiredException exception, object? target)
        {
            return new ErrorRecord(exception, ErrorIds.WxccOrgIdRequired, ErrorCategory.InvalidOperation, target)
            {
                ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = FlowStoreStrings.OrgIdRequiredAction },
            };
        }

        /// <summary>A 409 on import: <c>WxccFlowExists</c> (ResourceExists), the flow name as target, the Flow Store's answer in ErrorDetails.</summary>
        internal static ErrorRecord FlowExists(FlowNameConflictException exception)
        {
            ApiException conflict = exception.Conflict;
            string explanation = conflict.Description != null ? ": " + conflict.Description : string.Empty;
            return new ErrorRecord(exception, ErrorIds.WxccFlowExists, ErrorCategory.ResourceExists, exception.FlowName)
            {
                ErrorDetails = new ErrorDetails(string.Format(
                    CultureInfo.CurrentCulture, FlowStoreStrings.FlowExistsDetails, exception.FlowName, conflict.Request, explanation, conflict.TrackingId))
                {
                    RecommendedAction = FlowStoreStrings.FlowExistsAction,
                },
            };
        }

        /// <summary>
        /// The shared mapping of <paramref name="exception"/>, with the recommended action a Flow Store or EXECUTE_FLOW failure
        /// needs: a request that was not retried because it may have acted says what it may have done.
        /// </summary>
        internal static ErrorRecord ApiFailure(ApiException exception, object? target)
        {
            ErrorRecord record = ApiErrorRecords.Create(exception, target);
            string? action = exception.TaskWasCreated ? FlowStoreStrings.FlowTestRequested
                : exception.Request.IsIdempotent || !exception.IsAmbiguous ? null
                : exception.Request.Service == ApiService.FlowStore ? FlowStoreStrings.FlowStoreNotRetried
                : FlowStoreStrings.FlowTestNotRetried;
            if (action != null)
            {
                record.ErrorDetails.RecommendedAction = action;
            }

            return record;
        }
    }
}
