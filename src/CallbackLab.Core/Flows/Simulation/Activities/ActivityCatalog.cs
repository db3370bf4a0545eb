using System;
using System.Collections.Generic;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Every activity type of Flow Designer's registry (shared reference, flow-activities.md §3): ports, outputs and the world
    /// settings the simulator reads. Where sources disagree on a success port (exports <c>default</c>, the registry
    /// <c>out</c>) both are listed and the simulator takes the one the flow wires. Validators and docs read it.
    /// </summary>
    public static class ActivityCatalog
    {
        private static readonly string[] s_none = Array.Empty<string>();
        private static readonly string[] s_failure = { "FailureCode", "FailureDescription" };
        private static readonly Dictionary<string, ActivityDescription> s_types = Build();

        /// <summary>All described types.</summary>
        public static IReadOnlyCollection<ActivityDescription> All => s_types.Values;

        /// <summary>The description of <paramref name="type"/>; null when the type is not in the registry.</summary>
        public static ActivityDescription? Find(string type) => s_types.TryGetValue(type, out ActivityDescription? d) ? d : null;

        /// <summary>
        /// The ports <paramref name="activity"/> can leave by: its type's fixed ports plus those its export names (menu digits,
        /// case and allocation indexes); null when the type is not described.
        /// </summary>
        public static IReadOnlyList<string>? PortsOf(FlowActivity activity)
        {
            ActivityDescription? description = Find(activity.Type);
            if (description == null)
            {
                return null;
            }

            string? listProperty = description.PortSource == ActivityPortSource.Allocations ? "allocations"
                : description.PortSource == ActivityPortSource.None ? null : "menuLinks";
            if (listProperty == null || !(activity.Json[listProperty] is JArray named))
            {
                return description.Ports;
            }

            var ports = new List<string>(description.Ports);
            foreach (JToken port in named)
            {
                string? name = (string?)port;
                if (!string.IsNullOrEmpty(name) && !ports.Contains(name!))
                {
                    ports.Add(name!);
                }
            }

            return ports;
        }

        private static Dictionary<string, ActivityDescription> Build()
        {
            var types = new Dictionary<string, ActivityDescription>(StringComparer.OrdinalIgnoreCase);
            void Add(string type, string summary, string[] ports, string[]? outputs = null, string[]? world = null, ActivityPortSource source = ActivityPortSource.None, bool ends = false) =>
                types[type] = new ActivityDescription(type, summary, ports, source, outputs ?? s_none, world ?? s_none, ends);
            string[] Failure(params string[] more) => Concat(more, s_failure);
            string[] contact = { "ANI", "DNIS", "InteractionID", "OrgId", "EntryPointId", "FlowId", "FlowVersionLabel", "PSTNRegion", "Headers", "CallbackType", "CallbackReason", "ScheduleSourceInteractionId" };
            string[] agents = { "LoggedOnAgentsAll", "LoggedOnAgentsCurrent", "AvailableAgentsAll", "AvailableAgentsCurrent" };

            Add(ActivityTypes.NewPhoneContact, "Starts a voice flow; the contact's outputs are set when the call starts.", new[] { "out" }, contact);
            Add(ActivityTypes.NewContact, "The 2025+ start activity (still labelled NewPhoneContact).", new[] { "out" }, contact);
            Add(ActivityTypes.NewSubFlowStart, "Starts a subflow.", new[] { "out" });
            Add(ActivityTypes.Event, "Starts an event flow when its event fires.", new[] { "out" });
            Add(ActivityTypes.End, "Ends the flow (or event flow).", s_none, ends: true);
            Add(ActivityTypes.EndFlow, "Ends the flow (older spelling).", s_none, ends: true);
            Add(ActivityTypes.EndSubflow, "Ends a subflow; the caller flow goes on.", s_none, ends: true);
            Add(ActivityTypes.DisconnectContact, "Hangs up (outcome Disconnected).", s_none, ends: true);

            Add(ActivityTypes.PlayMessage, "Renders the prompts and plays them on the virtual clock.", new[] { "default", "error" }, world: new[] { "FailingActivities" });
            Add(ActivityTypes.PlayMusic, "Plays music for its duration (30 s by default).", new[] { "default", "error" }, world: new[] { "FailingActivities" });
            Add(ActivityTypes.Menu, "Takes one caller input: an option's digit, else invalid; none: timeout.", new[] { "timeout", "invalid", "error" }, new[] { "OptionEntered" }, source: ActivityPortSource.MenuLinks);
            Add(ActivityTypes.CollectDigits, "Takes the caller's digit string; fewer than minDigits: invalid; none: timeout.", new[] { "default", "timeout", "invalid", "error" }, new[] { "DigitsEntered" });
            Add(ActivityTypes.FeedbackV2, "Runs the survey with the scripted answers (FeedbackSurvey event).", new[] { "default", "error" }, new[] { "status" }, new[] { "SurveyAnswers" });
            Add(ActivityTypes.Feedback, "The legacy survey, as Feedback-V2.", new[] { "default" }, new[] { "status" }, new[] { "SurveyAnswers" });

            Add(ActivityTypes.SetVariable, "Runs each assignment (setVariablesArray or the single form) in order.", new[] { "out", "error" });
            Add(ActivityTypes.Condition, "Evaluates its expression to true or false.", new[] { "true", "false", "error" });
            Add(ActivityTypes.Case, "Compares its expression with each case value (menuLinks_input) and leaves by the case's index.", new[] { "default", "error" }, source: ActivityPortSource.CaseLinks);
            Add(ActivityTypes.PercentAllocation, "Draws a path by weight from the seeded random source.", new[] { "error" }, new[] { "percentage", "description" }, new[] { "Seed" }, ActivityPortSource.Allocations);
            Add(ActivityTypes.BusinessHours, "Reads the schedule on the virtual clock: override, holiday, working hours, else default.", new[] { "workingHours", "holidays", "override", "default", "error" },
                new[] { "WorkingHoursShift_Name", "Holidays_Name", "Overrides_Name", "Status" }, new[] { "BusinessHoursStatus", "BusinessHours", "TimeZone", "StartTime" });
            Add(ActivityTypes.Wait, "Moves the virtual clock by its duration (HH:MM:SS, 5 s to 72 h).", new[] { "out", "error" });
            Add(ActivityTypes.GoTo, "Hands the call to another flow or entry point (outcome HandedOff).", new[] { "error" }, s_failure, ends: true);
            Add(ActivityTypes.SubflowHandoff, "Runs a subflow from the subflow library.", new[] { "default", "error" });
            Add(ActivityTypes.Function, "Maps the function's scripted JSON result by JSONPath.", new[] { "default", "error" }, world: new[] { "ServiceResponses" });

            Add(ActivityTypes.HttpRequest, "Sends the request (MockAPI, connector, or the stub engine); retries on no answer or 5xx.", new[] { "default" }, new[] { "httpStatusCode", "httpResponseBody", "httpResponseHeaders" });
            Add(ActivityTypes.HttpRequestV1, "The first HTTP Request (connector), as http-request-v2.", new[] { "default" }, new[] { "httpStatusCode", "httpResponseBody", "httpResponseHeaders" });
            Add(ActivityTypes.Parse, "Converts JSON, XML, YAML or TOML to JSON and maps outputVariableArray by JSONPath.", new[] { "default", "error" });
            Add(ActivityTypes.BreRequest, "Answers from the scripted rules-engine entry for its context (404 without one).", new[] { "default" }, new[] { "httpStatusCode", "httpResponseBody" }, new[] { "ServiceResponses" });
            Add(ActivityTypes.CryptographicHash, "SHA256 or SHA512 of the input (and salt), as lower-case hex.", new[] { "out", "error" }, new[] { "HashOutput", "status" });
            Add(ActivityTypes.GenerateOtp, "Draws a one-time password from the seeded random source.", new[] { "out", "error" }, new[] { "OTP", "status" }, new[] { "Seed" });
            Add(ActivityTypes.VerifyOtp, "Checks the pin against this call's OTP: match, failure, or resend on an empty pin.", new[] { "default", "out", "failure", "resend", "error" }, new[] { "status" });
            Add(ActivityTypes.ScreenPop, "Records a ScreenPop event with the rendered URL.", new[] { "default", "out", "error" });

            Add(ActivityTypes.QueueContact, "Queues the contact; an agent answers AgentAvailableAfter later.", new[] { "default", "failure" }, Failure("QueueId"), new[] { "AgentAvailableAfter", "FailingActivities" });
            Add(ActivityTypes.QueueToAgent, "Queues to one agent in the world's agent state.", new[] { "default", "error" }, Failure("AgentId", "AgentState", "AgentIdleCode"), new[] { "AgentState", "AgentAvailableAfter" });
            Add(ActivityTypes.QueueLookup, "Reports the world's queue statistics.", new[] { "default", "out", "insufficientdata", "failure" },
                Failure(Concat(new[] { "PIQ", "EWT", "CallsQueuedNow", "OldestCallTime" }, agents)),
                new[] { "EstimatedWaitTime", "PositionInQueue", "CallsQueuedNow", "OldestCallTime", "LoggedOnAgents", "AvailableAgents", "InsufficientQueueData" });
            Add(ActivityTypes.AdvancedQueueInfo, "Reports the world's queue statistics and call distribution groups.", new[] { "out", "default", "failure" },
                Failure(Concat(new[] { "PIQ", "CurrentGroup", "TotalGroups", "status" }, agents)), new[] { "PositionInQueue", "LoggedOnAgents", "AvailableAgents", "CallDistributionGroups" });
            Add(ActivityTypes.EscalateCdg, "Moves the queued contact to the next or last call distribution group.", new[] { "out", "error" }, Failure("CurrentGroup", "TotalGroups", "status"), new[] { "CallDistributionGroups" });
            Add(ActivityTypes.SetContactPriority, "Sets the queue priority (1-9) and records a ContactPriority event.", new[] { "out", "failure" }, Failure("status"));
            Add(ActivityTypes.Callback, "Records the courtesy callback; an undiallable number fires CallbackFailed.", new[] { "default", "failure" }, s_failure);
            Add(ActivityTypes.ScheduledCallback, "Records a callback window checked against the documented rules.", new[] { "default", "out", "failure" }, s_failure, new[] { "StartTime" });
            Add(ActivityTypes.BlindTransfer, "Hands the call to a number (outcome Transferred).", new[] { "failure" }, world: new[] { "TransferResult" }, ends: true);
            Add(ActivityTypes.BridgedTransfer, "Bridges to a number; the caller returns unless the far end is busy, silent or invalid.", new[] { "default", "failure" }, s_failure, new[] { "TransferResult" });
            Add(ActivityTypes.SetCallerId, "Records a CallerId event (terminal in PreDial flows).", new[] { "out", "error" });
            Add(ActivityTypes.SetAnnouncement, "Records an Announcement event (agent greeting, compliance announcement).", new[] { "out", "error" }, new[] { "status" });
            Add(ActivityTypes.SetWhisperAnnouncement, "Records a WhisperAnnouncement event with the rendered prompts.", new[] { "out", "error" });
            Add(ActivityTypes.SendDigits, "Sends DTMF (DigitsSent event).", new[] { "out", "failure" }, new[] { "status" });

            string[] va = { "ENDED", "ESCALATE", "error" };
            Add(ActivityTypes.VirtualAssistant, "Plays the scripted virtual-agent turn (Handled by default).", va, new[] { "LastIntent", "TranscriptURL", "ErrorCode" }, new[] { "VirtualAgentTurns" });
            Add(ActivityTypes.VirtualAssistantVoice, "Plays the scripted virtual-agent turn (Handled by default).", va, new[] { "MetaData", "StateEventName", "TranscriptURL" }, new[] { "VirtualAgentTurns" });
            Add(ActivityTypes.Record, "Records the caller (FileInfo JSON) unless they stay silent.", new[] { "default", "noInputTimeout", "undefinedErrors" }, new[] { "audioFileData", "errorCode", "errorDescription" }, new[] { "CallerRecords", "Seed" });
            Add(ActivityTypes.RecordingControl, "Pauses or resumes the call recording (RecordingControl event).", new[] { "default", "failure" }, Failure("status"));
            Add(ActivityTypes.UploadAudio, "Records an AudioUploaded event for a recorded file.", new[] { "default", "error" }, new[] { "status" }, new[] { "FailingActivities" });
            Add(ActivityTypes.StartMediaStream, "Records a StartMediaStream event.", new[] { "default", "out", "failure" }, new[] { "status" }, new[] { "FailingActivities" });
            Add(ActivityTypes.CallProgressAnalysis, "Records the world's CPA verdict (CallProgressAnalysis event).", new[] { "out", "failure" }, Failure("status"), new[] { "CallProgressResult" });
            Add(ActivityTypes.ReceiveMessage, "Takes the next scripted inbound message; none: timeout.", new[] { "default", "out", "timeout", "error" }, new[] { "ChannelPayload", "TrackingId", "ErrorCode", "ErrorMessage", "status" }, new[] { "InboundMessages" });
            Add(ActivityTypes.SendCustomMessage, "Records a CustomMessageSent event.", new[] { "out", "error" }, new[] { "ErrorCode", "ErrorMessage", "status" });
            return types;
        }

        private static string[] Concat(string[] first, string[] second)
        {
            var all = new string[first.Length + second.Length];
            first.CopyTo(all, 0);
            second.CopyTo(all, first.Length);
            return all;
        }
    }
}
