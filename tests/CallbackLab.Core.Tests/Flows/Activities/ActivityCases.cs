using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Flows.Simulation.World;
using Xunit;

namespace CallbackLab.Core.Tests.Flows.Activities
{
    /// <summary>
    /// The scripted calls, per activity type, that drive each hand-made flow down every port it wires. Expected values come from
    /// the flow itself (its variables and properties), the reference table (ports, output names, documented rules) or an
    /// independent computation (SHA digests from Python's hashlib).
    /// </summary>
    internal static class ActivityCases
    {
        internal static readonly DateTimeOffset Tuesday10NewYork = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

        private static readonly Lazy<Dictionary<string, ActivityCase>> s_all = new Lazy<Dictionary<string, ActivityCase>>(
            () => Build().ToDictionary(c => c.Name, StringComparer.Ordinal));

        internal static IReadOnlyDictionary<string, ActivityCase> All => s_all.Value;

        private static ActivityCase Case(string name, string file, string activity, string? port) => new ActivityCase(name, file, activity, port);

        private static IEnumerable<ActivityCase> Build()
        {
            // Start activities: both generations label the start NewPhoneContact; a subflow starts at NewSubFlowStart.
            yield return Case("NewPhoneContact.out", "NewPhoneContact", "NewPhoneContact", "out").Expecting("caller", "+14085550123").Ends("Done", SimulationOutcome.Ended);
            yield return Case("NewContact.out", "NewContact", "NewPhoneContact", "out").Expecting("caller", "+14085550123").Ends("Done", SimulationOutcome.Ended)
                .Expecting("NewPhoneContact.FlowVersionLabel", "Latest").Expecting("NewPhoneContact.CallbackType", string.Empty)
                .Checking(r => Assert.Equal(ActivityFlows.Load("NewContact").FlowId, r.Outputs["NewPhoneContact.FlowId"]));
            yield return Case("NewSubFlowStart.out", "NewSubFlowStart", "StartSubflow", "out").With("input", "x").Expecting("result", "got x").Ends("Success", SimulationOutcome.SubflowEnded);
            yield return Case("activity_tour", "activity_tour", "ToBranch", null).Ends("ToBranch", SimulationOutcome.Transferred).Expecting("tier", "gold")
                .Expecting("CheckOtp.status", "success").Checking(Tour);
            yield return Case("disconnect-contact", "disconnect-contact", "HangUp", null).Ends("HangUp", SimulationOutcome.Disconnected);
            yield return Case("end", "end", "Finish", null).Ends("Finish", SimulationOutcome.Ended);

            // Prompts and caller input: a prompt template that fails (division by zero) takes the error port.
            yield return Case("play-message.default", "play-message", "Greeting", "default").Checking(r => Assert.Equal("You are caller 25", r.FindStep("Greeting")!.Message));
            yield return Case("play-message.error", "play-message", "Greeting", "error").With("divisor", 0);
            yield return Case("play-message.error.playback", "play-message", "Greeting", "error").Arranging(o => o.World.FailingActivities.Add("Greeting"))
                .Checking(r => Assert.Contains("FailingActivities", r.FindStep("Greeting")!.Message));
            yield return Case("play-music.default", "play-music", "Hold", "default").Checking(r => Assert.Equal(TimeSpan.FromSeconds(20), r.FindStep("Hold")!.At));
            yield return Case("play-music.error", "play-music", "Hold", "error").With("divisor", 0);
            yield return Case("play-music.error.playback", "play-music", "Hold", "error").Arranging(o => o.World.FailingActivities.Add("hold"))
                .Expecting("Hold.FailureCode", 1L).Expecting("Hold.FailureDescription", "The music could not be played.");
            yield return Case("ivr-menu.1", "ivr-menu", "MainMenu", "1").Pressing("1").Expecting("MainMenu.OptionEntered", "1");
            yield return Case("ivr-menu.2", "ivr-menu", "MainMenu", "2").Pressing("2").Expecting("MainMenu.OptionEntered", "2");
            yield return Case("ivr-menu.timeout", "ivr-menu", "MainMenu", "timeout");
            yield return Case("ivr-menu.invalid", "ivr-menu", "MainMenu", "invalid").Pressing("9").Expecting("MainMenu.OptionEntered", "9");
            yield return Case("ivr-menu.error", "ivr-menu", "MainMenu", "error").With("divisor", 0).Pressing("1");
            yield return Case("ivr-collectdigits.default", "ivr-collectdigits", "Account", "default").Pressing("12345#").Expecting("Account.DigitsEntered", "12345");
            yield return Case("ivr-collectdigits.timeout", "ivr-collectdigits", "Account", "timeout").Expecting("Account.FailureCode", 1L);
            yield return Case("ivr-collectdigits.invalid", "ivr-collectdigits", "Account", "invalid").Pressing("12").Expecting("Account.FailureCode", 2L);
            yield return Case("ivr-collectdigits.error", "ivr-collectdigits", "Account", "error").With("divisor", 0).Pressing("1234");
            yield return Case("Feedback-V2.default", "Feedback-V2", "Survey", "default").Arranging(o => { o.World.SurveyAnswers = new List<string> { "5", "4" }; })
                .Expecting("Survey.status", "completed")
                .Checking(r =>
                {
                    SimulationEvent survey = r.Events.Single(e => e.Name == "FeedbackSurvey");
                    Assert.Equal("inline:csat-01:q1", survey.Payload!["Survey"]);
                    Assert.Equal(new object?[] { "5", "4" }, (object?[])survey.Payload["Answers"]!);
                    Assert.DoesNotContain(r.AssumedWorld, a => a.Setting == nameof(IvrWorld.SurveyAnswers));
                });
            yield return Case("Feedback-V2.error", "Feedback-V2", "Survey", "error").With("survey", string.Empty);
            yield return Case("Feedback.default", "Feedback", "LegacySurvey", "default").Expecting("LegacySurvey.status", "noAnswer")
                .Checking(r => Assert.Contains(r.AssumedWorld, a => a.Setting == nameof(IvrWorld.SurveyAnswers) && a.ActivityName == "LegacySurvey"));

            // Logic and flow control.
            yield return Case("set-variable.out", "set-variable", "SetBoth", "out").Expecting("count", 41L).Expecting("label", "n=42");
            yield return Case("set-variable.error", "set-variable", "SetBoth", "error").With("start", "forty-one");
            yield return Case("condition-activity.true", "condition-activity", "IsVip", "true");
            yield return Case("condition-activity.false", "condition-activity", "IsVip", "false").With("tier", "silver");
            yield return Case("condition-activity.error", "condition-activity", "IsVip", "error").With("tier", "silver").With("divisor", 0);
            yield return Case("case-statement.0", "case-statement", "ByChoice", "0").With("choice", "1");
            yield return Case("case-statement.1", "case-statement", "ByChoice", "1").With("choice", "2");
            yield return Case("case-statement.2", "case-statement", "ByChoice", "2").With("choice", "3");
            yield return Case("case-statement.default", "case-statement", "ByChoice", "default").With("choice", "0");
            yield return Case("case-statement.error", "case-statement", "ByChoice", "error").With("divisor", 0);
            yield return Case("case-statement-conditions.0", "case-statement-conditions", "ByBalance", "0");
            yield return Case("case-statement-conditions.1", "case-statement-conditions", "ByBalance", "1").With("balance", "500");
            yield return Case("case-statement-conditions.default", "case-statement-conditions", "ByBalance", "default").With("balance", "-3");
            foreach ((string port, long percent, string description) in new[] { ("0", 50L, "MainQueue"), ("1", 30L, "Overflow"), ("2", 20L, "Pilot") })
            {
                yield return Case("percent-allocation." + port, "percent-allocation", "Split", port).Arranging(o => o.World.Seed = PercentSeeds.For(port))
                    .Expecting("Split.percentage", percent).Expecting("Split.description", description);
            }

            yield return Case("percent-allocation.error", "percent-allocation", "ZeroSplit", "error").With("broken", true).Ends("On_zero_error");
            foreach (ActivityCase hours in BusinessHoursCases())
            {
                yield return hours;
            }

            yield return Case("wait-activity.out", "wait-activity", "Pause", "out").Checking(r => Assert.Equal(TimeSpan.FromSeconds(30), r.FindStep("Pause")!.At));
            yield return Case("wait-activity.error", "wait-activity", "Pause", "error").With("pause", "00:00:02");
            yield return Case("hand-off.success", "hand-off", "GoToSales", null).Ends("GoToSales", SimulationOutcome.HandedOff)
                .Checking(r => Assert.Equal("ep-sales-01", r.Destination));
            yield return Case("hand-off.error", "hand-off", "GoToSales", "error").With("target", string.Empty).Expecting("GoToSales.FailureCode", 1L);
            yield return Case("fn-activity.default", "fn-activity", "LookupTier", "default")
                .Arranging(o => o.World.ServiceResponses["tierLookup"] = "{\"customer\":{\"tier\":\"gold\"}}").Expecting("tier", "gold")
                .Checking(r => Assert.Equal("+14085550123", r.Events.Single(e => e.Name == "FunctionCalled").Payload!["Inputs"] is IDictionary<string, object?> inputs ? inputs["ani"] : null));
            yield return Case("fn-activity.default-response", "fn-activity", "LookupTier", "default").Expecting("tier", "none")
                .Checking(r => Assert.Contains(r.AssumedWorld, a => a.Setting == "ServiceResponses[tierLookup]" && a.Value == "{}"));
            yield return Case("fn-activity.error", "fn-activity", "LookupTier", "error").Arranging(o => o.World.ServiceResponses["tierLookup"] = "not json");

            // Integration and utilities.
            yield return Case("http-request-v2.default", "http-request-v2", "GetCustomer", "default")
                .Answering(() => new ScriptedTransport((request, n) => ScriptedTransport.Json(200, "{\"name\":\"Ada\"}")))
                .Expecting("GetCustomer.httpStatusCode", 200L).Expecting("name", "Ada")
                .Checking(r => Assert.Equal("https://crm.example.test/customers?ani=%2B14085550123", r.FindStep("GetCustomer")!.Http!.Url));
            yield return Case("http-request.default", "http-request", "GetCase", "default")
                .Answering(() => new ScriptedTransport((request, n) => ScriptedTransport.Json(200, "{\"status\":\"open\"}")))
                .Arranging(o => o.Connector = new FixedConnector()).Expecting("status", "open")
                .Checking(r => Assert.Equal("https://api.example.test/cases/77", r.FindStep("GetCase")!.Http!.Url));
            foreach ((string format, string profile) in new[]
            {
                ("JSON", "{\"customer\":{\"name\":\"Ada\",\"tier\":\"gold\"}}"),
                ("XML", "<customer tier-level=\"1\"><name>Ada</name><tier>gold</tier></customer>"),
                ("YAML", "# profile\ncustomer:\n  name: Ada\n  tier: \"gold\"\n  tags:\n    - a\n    - b\n"),
                ("TOML", "# profile\n[customer]\nname = \"Ada\"\ntier = 'gold'\nsince = 2019\n"),
            })
            {
                yield return Case("parse-activity.default." + format, "parse-activity", "ParseProfile", "default").With("format", format).With("profile", profile)
                    .Expecting("name", "Ada").Expecting("tier", "gold");
            }

            yield return Case("parse-activity.error", "parse-activity", "ParseProfile", "error").With("profile", "{\"customer\": ");
            yield return Case("parse-activity.error.yaml", "parse-activity", "ParseProfile", "error").With("format", "YAML").With("profile", "customer:\n  name: Ada\n      tier: gold\n");
            yield return Case("bre-request.default", "bre-request", "AreaRules", "default").Arranging(o => o.World.ServiceResponses["AreaCodes"] = "{\"region\":\"west\"}")
                .Expecting("AreaRules.httpStatusCode", 200L).Expecting("region", "west");
            yield return Case("bre-request.default.no-entry", "bre-request", "AreaRules", "default").Expecting("AreaRules.httpStatusCode", 404L).Expecting("region", string.Empty)
                .Checking(r => Assert.Contains(r.AssumedWorld, a => a.Setting == "ServiceResponses[AreaCodes]"));
            // BRE Request has no error port: a missing context raises OnGlobalError.
            yield return Case("bre-request.error", "bre-request", "AreaRules", "error").With("ctx", string.Empty).Ends("Ev_GlobalError", SimulationOutcome.GlobalError)
                .Checking(r => Assert.Contains("'context'", r.GlobalError!.Message));
            yield return Case("cryptographic-hash.out", "cryptographic-hash", "HashAni", "out")
                .Expecting("HashAni.HashOutput", "3b8657fc7234c262618fbfc28c5aacaf954ae089df8806366dafeb7e26a0482a").Expecting("HashAni.status", "success")
                .Checking(r => Assert.DoesNotContain("3b8657fc", r.FindStep("HashAni")!.Message));
            yield return Case("cryptographic-hash.out.sha512", "cryptographic-hash", "HashAni", "out").With("algorithm", "SHA512")
                .Expecting("HashAni.HashOutput", "d36b95d27c0023d0417446995a000783e6a7b2537fd383e4f4ff71c57d554296f1df490536253c91670387381b63fb723bbbdc7fec9f1ae5c9f4d92e394b2abf");
            yield return Case("cryptographic-hash.error", "cryptographic-hash", "HashAni", "error").With("algorithm", "MD5").Expecting("HashAni.status", "failure");
            yield return Case("generate-otp.out", "generate-otp", "MakeOtp", "out").Expecting("MakeOtp.status", "success")
                .Checking(r => Assert.Matches("^[0-9]{6}$", (string)r.Outputs["MakeOtp.OTP"]!));
            yield return Case("generate-otp.error", "generate-otp", "MakeOtp", "error").With("length", "3");
            yield return Case("verify-otp.default", "verify-otp", "CheckOtp", "default").Arranging(o => o.Variables["entered"] = OtpOfSeed(1)).Expecting("CheckOtp.status", "success");
            yield return Case("verify-otp.failure", "verify-otp", "CheckOtp", "failure").With("entered", "abc").Expecting("CheckOtp.status", "failure");
            yield return Case("verify-otp.resend", "verify-otp", "CheckOtp", "resend").Expecting("CheckOtp.status", "resend");
            yield return Case("verify-otp.error", "verify-otp", "CheckOtp", "error").With("entered", "123456").With("reference", "other-transaction");
            yield return Case("screen-pop.default", "screen-pop", "PopCrm", "default").Checking(r =>
            {
                SimulationEvent pop = r.Events.Single(e => e.Name == "ScreenPop");
                Assert.Equal("https://crm.example.test/contact?ani=%2B14085550123&id=i-42", pop.Payload!["Url"]);
                Assert.Equal("CRM for +14085550123", pop.Payload["DesktopLabel"]);
                Assert.Equal("newBrowserTab", pop.Payload["Target"]);
            });
            yield return Case("screen-pop.error", "screen-pop", "PopCrm", "error").With("crm", "crm.example.test");

            foreach (ActivityCase queueing in QueueCases())
            {
                yield return queueing;
            }

            foreach (ActivityCase media in MediaCases())
            {
                yield return media;
            }
        }

        private static IEnumerable<ActivityCase> BusinessHoursCases()
        {
            Action<IvrSimulationOptions> At(int year, int month, int day, int hourUtc, int minuteUtc = 0) => o =>
            {
                o.StartTime = new DateTimeOffset(year, month, day, hourUtc, minuteUtc, 0, TimeSpan.Zero);
                o.World.TimeZone = "America/New_York";
                o.World.BusinessHours = new BusinessHoursSchedule
                {
                    Name = "CustomerService_BusinessHours",
                    WorkingHours = { new WorkingHoursShift { Name = "OpenHours", Days = "Mon-Fri", Start = TimeSpan.FromHours(9), End = TimeSpan.FromHours(17) } },
                    Holidays = { new BusinessHoursPeriod { Name = "Christmas", Start = new DateTime(2026, 12, 25) } },
                    Overrides = { new BusinessHoursPeriod { Name = "LateOpening", Start = new DateTime(2026, 12, 24, 18, 0, 0), End = new DateTime(2026, 12, 24, 20, 0, 0) } },
                };
            };
            yield return Case("business-hours.workingHours", "business-hours", "CheckHours", "workingHours").Arranging(At(2026, 12, 1, 15))
                .Expecting("CheckHours.WorkingHoursShift_Name", "OpenHours").Expecting("CheckHours.Status", "workingHours");
            yield return Case("business-hours.holidays", "business-hours", "CheckHours", "holidays").Arranging(At(2026, 12, 25, 15))
                .Expecting("CheckHours.Holidays_Name", "Christmas").Expecting("CheckHours.WorkingHoursShift_Name", string.Empty);
            // 18:30 in New York on Thursday 24 December is 23:30 UTC: after the shift, inside the override.
            yield return Case("business-hours.override", "business-hours", "CheckHours", "override").Arranging(At(2026, 12, 24, 23, 30))
                .Expecting("CheckHours.Overrides_Name", "LateOpening");
            // 17:30 New York on a Tuesday: after the shift ends (the end is exclusive).
            yield return Case("business-hours.default", "business-hours", "CheckHours", "default").Arranging(At(2026, 12, 1, 22, 30))
                .Expecting("CheckHours.Status", "default");
            yield return Case("business-hours.default.weekend", "business-hours", "CheckHours", "default").Arranging(At(2026, 12, 5, 15));
            yield return Case("business-hours.error", "business-hours", "CheckHours", "error").Arranging(o =>
            {
                At(2026, 12, 1, 15)(o);
                o.World.BusinessHours!.TimeZone = "Mars/Olympus_Mons";
            });
            yield return Case("business-hours.forced", "business-hours", "CheckHours", "holidays").Arranging(o => o.World.BusinessHoursStatus = "Holiday");
            yield return Case("business-hours.assumed-open", "business-hours", "CheckHours", "workingHours").Arranging(o => o.StartTime = Tuesday10NewYork)
                .Checking(r => Assert.Contains(r.AssumedWorld, a => a.Setting == nameof(IvrWorld.BusinessHoursStatus) && a.Value == "workingHours"));
        }

        private static IEnumerable<ActivityCase> QueueCases()
        {
            yield return Case("queue-contact.default", "queue-contact", "ToQueue", "default").Arranging(o => o.AgentAvailableAfter = TimeSpan.FromSeconds(45))
                .Ends("Ev_Answered", SimulationOutcome.AgentAnswered).Expecting("ToQueue.QueueId", "Q_Sales")
                .Checking(r => Assert.Equal(new[] { "NewPhoneContact", "ToQueue", "InQueue", "InQueue", "AgentContactAssigned", "Ev_Answered" }, r.Path));
            yield return Case("queue-contact.world-agent", "queue-contact", "ToQueue", "default").Arranging(o => o.World.AgentAvailableAfter = TimeSpan.FromSeconds(10))
                .Ends("Ev_Answered", SimulationOutcome.AgentAnswered).Checking(r => Assert.Equal(TimeSpan.FromSeconds(10), r.Duration));
            yield return Case("queue-contact.failure", "queue-contact", "ToQueue", "failure").With("queueName", string.Empty).Expecting("ToQueue.FailureCode", 1L);
            yield return Case("queue-contact.failure.refused", "queue-contact", "ToQueue", "failure").Arranging(o => o.World.FailingActivities.Add("ToQueue"))
                .Expecting("ToQueue.FailureCode", 2L);
            yield return Case("queue-to-agent.default", "queue-to-agent", "ToAgent", "default").Ends("Ev_Answered", SimulationOutcome.AgentAnswered)
                .Expecting("ToAgent.AgentId", "ada@example.test").Expecting("ToAgent.AgentState", "Available")
                .Checking(r => Assert.Contains(r.AssumedWorld, a => a.Setting == nameof(IvrWorld.AgentState)));
            yield return Case("queue-to-agent.default.idle", "queue-to-agent", "ToAgent", "default")
                .Arranging(o => { o.World.AgentState = "Idle"; o.AgentAvailableAfter = TimeSpan.FromSeconds(40); })
                .Ends("Ev_Answered", SimulationOutcome.AgentAnswered).Expecting("ToAgent.AgentState", "Idle")
                .Checking(r => Assert.Equal(new[] { "NewPhoneContact", "ToAgent", "Hold", "Hold", "AgentContactAssigned", "Ev_Answered" }, r.Path));
            yield return Case("queue-to-agent.error", "queue-to-agent", "ToAgent", "error").Arranging(o => o.World.AgentState = "NotLoggedIn").Expecting("ToAgent.FailureCode", 1L);
            yield return Case("queue-lookup.default", "queue-lookup", "QueueInfo", "default")
                .Arranging(o => { o.World.EstimatedWaitTime = TimeSpan.FromMinutes(2); o.World.PositionInQueue = 3; o.World.AvailableAgents = 2; o.World.LoggedOnAgents = 5; })
                .Expecting("QueueInfo.EWT", 120000L).Expecting("QueueInfo.PIQ", 3L).Expecting("QueueInfo.CallsQueuedNow", 2L)
                .Expecting("QueueInfo.AvailableAgentsCurrent", 2L).Expecting("QueueInfo.LoggedOnAgentsAll", 5L)
                .Checking(r => Assert.DoesNotContain(r.AssumedWorld, a => a.Setting == nameof(IvrWorld.EstimatedWaitTime)));
            yield return Case("queue-lookup.default.assumed", "queue-lookup", "QueueInfo", "default").Expecting("QueueInfo.EWT", 60000L).Expecting("QueueInfo.PIQ", 1L)
                .Checking(r => Assert.Contains(r.AssumedWorld, a => a.Setting == nameof(IvrWorld.EstimatedWaitTime) && a.ActivityName == "QueueInfo"));
            yield return Case("queue-lookup.insufficientdata", "queue-lookup", "QueueInfo", "insufficientdata").Arranging(o => o.World.InsufficientQueueData = true).Expecting("QueueInfo.EWT", -1L);
            yield return Case("queue-lookup.failure", "queue-lookup", "QueueInfo", "failure").With("queueId", string.Empty).Expecting("QueueInfo.FailureCode", 1L);
            yield return Case("advanced-queue-info.out", "advanced-queue-info", "QueueDetails", "out").Arranging(o => o.World.PositionInQueue = 4)
                .Expecting("QueueDetails.PIQ", 4L).Expecting("QueueDetails.CurrentGroup", 0L).Expecting("QueueDetails.TotalGroups", 1L).Expecting("QueueDetails.status", "success");
            yield return Case("advanced-queue-info.failure", "advanced-queue-info", "QueueDetails", "failure").With("queueId", string.Empty).Expecting("QueueDetails.status", "failure");
            yield return Case("escalate-cdg.out", "escalate-cdg", "NextGroup", "out").Arranging(o => o.World.CallDistributionGroups = 3)
                .Expecting("NextGroup.CurrentGroup", 2L).Expecting("NextGroup.TotalGroups", 3L);
            yield return Case("escalate-cdg.error", "escalate-cdg", "NextGroup", "error").With("queueFirst", false).Expecting("NextGroup.FailureCode", 2L);
            yield return Case("set-contact-priority.out", "set-contact-priority", "Prioritise", "out").Expecting("Prioritise.status", "success")
                .Checking(r => Assert.Equal(3L, r.Events.Single(e => e.Name == "ContactPriority").Payload!["Priority"]));
            yield return Case("set-contact-priority.failure", "set-contact-priority", "Prioritise", "failure").With("level", "12").Expecting("Prioritise.FailureCode", 1L);
            yield return Case("callback.default", "callback", "OfferCallback", "default").Checking(r =>
            {
                CallbackRequest callback = Assert.Single(r.Callbacks);
                Assert.True(callback.Placed);
                Assert.Equal("+14085550123", callback.Number);
                Assert.Equal("+14085550000", callback.Ani);
                Assert.False(r.Raised("CallbackFailed"));
            });
            yield return Case("callback.default.not-placed", "callback", "OfferCallback", "default").With("number", "call me").Ends("Ev_CallbackFailed")
                .Expecting("OfferCallback.FailureCode", 1L).Expecting("OfferCallback.FailureDescription", "'call me' is not a number that can be dialled.")
                .Checking(r => Assert.False(Assert.Single(r.Callbacks).Placed));
            yield return Case("scheduled-callback.default", "scheduled-callback", "Schedule", "default").Arranging(o => o.StartTime = Tuesday10NewYork).Checking(r =>
            {
                CallbackRequest callback = Assert.Single(r.Callbacks);
                Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(-5)), callback.ScheduledStart);
                Assert.Equal(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.FromHours(-5)), callback.ScheduledEnd);
                Assert.Equal("Ada", callback.CustomerName);
                Assert.Equal("Q_Callback", callback.Queue);
            });
            yield return Case("scheduled-callback.failure.window", "scheduled-callback", "Schedule", "failure").Arranging(o => o.StartTime = Tuesday10NewYork).With("to", "10:10:00")
                .Expecting("Schedule.FailureCode", 4L).Checking(r => Assert.Empty(r.Callbacks));
            yield return Case("scheduled-callback.failure.too-far", "scheduled-callback", "Schedule", "failure").Arranging(o => o.StartTime = Tuesday10NewYork).With("day", "2027-01-15")
                .Expecting("Schedule.FailureCode", 4L);
            yield return Case("blind-transfer.success", "blind-transfer", "ToBranch", null).Ends("ToBranch", SimulationOutcome.Transferred)
                .Checking(r => Assert.Equal("+14085550199", r.Destination));
            yield return Case("blind-transfer.failure", "blind-transfer", "ToBranch", "failure").Arranging(o => o.World.TransferResult = TransferResult.Busy);
            yield return Case("blind-transfer.failure.invalid", "blind-transfer", "ToBranch", "failure").With("branchNumber", "branch");
            yield return Case("bridged-transfer.default", "bridged-transfer", "ToExpert", "default").Expecting("ToExpert.FailureCode", 0L)
                .Checking(r =>
                {
                    Assert.Equal(TimeSpan.FromMinutes(1), r.FindStep("ToExpert")!.At);
                    Assert.Empty(Assert.IsAssignableFrom<System.Collections.IDictionary>(r.Outputs["ToExpert.Headers"]));
                });
            yield return Case("bridged-transfer.failure.busy", "bridged-transfer", "ToExpert", "failure").Arranging(o => o.World.TransferResult = TransferResult.Busy).Expecting("ToExpert.FailureCode", 1L);
            yield return Case("bridged-transfer.failure.no-answer", "bridged-transfer", "ToExpert", "failure").Arranging(o => o.World.TransferResult = TransferResult.NoAnswer)
                .Expecting("ToExpert.FailureCode", 2L).Checking(r => Assert.Equal(TimeSpan.FromSeconds(20), r.FindStep("ToExpert")!.At));
            yield return Case("SetCallerID.out", "SetCallerID", "ShowMainNumber", "out").Ends("ShowMainNumber", SimulationOutcome.Ended)
                .Checking(r => Assert.Equal("+18005550100", r.Events.Single(e => e.Name == "CallerId").Payload!["CallerId"]));
            yield return Case("SetCallerID.error", "SetCallerID", "ShowMainNumber", "error").With("callerId", "main line");
            yield return Case("set-announcement.out", "set-announcement", "Announce", "out").Expecting("Announce.status", "success").Checking(r =>
            {
                IReadOnlyDictionary<string, object?> payload = r.Events.Single(e => e.Name == "Announcement").Payload!;
                Assert.Equal("recorded.wav", payload["AudioFile"]);
                Assert.Equal("greeting-sales", payload["AttributeTag"]);
            });
            yield return Case("set-announcement.error", "set-announcement", "Announce", "error").With("audio", string.Empty);
            yield return Case("set-whisperannouncement.out", "set-whisperannouncement", "Whisper", "out")
                .Checking(r => Assert.Equal("Gold customer", r.Events.Single(e => e.Name == "WhisperAnnouncement").Payload!["Prompts"]));
            yield return Case("set-whisperannouncement.error", "set-whisperannouncement", "Whisper", "error").With("whisper", string.Empty);
            yield return Case("send-digits.out", "send-digits", "Extension", "out").Checking(r => Assert.Equal("1234#", r.Events.Single(e => e.Name == "DigitsSent").Payload!["Digits"]));
            yield return Case("send-digits.failure", "send-digits", "Extension", "failure").With("digits", "12x");
        }

        private static IEnumerable<ActivityCase> MediaCases()
        {
            yield return Case("ivr-virtualassistant.ENDED.default", "ivr-virtualassistant", "DialogflowAgent", "ENDED").Expecting("DialogflowAgent.ErrorCode", "no_error")
                .Checking(r =>
                {
                    Assert.Contains("default", r.FindStep("DialogflowAgent")!.Message);
                    Assert.Contains(r.AssumedWorld, a => a.Setting == nameof(IvrWorld.VirtualAgentTurns) && a.Value == "Handled");
                    Assert.Equal(TimeSpan.FromSeconds(30), r.FindStep("DialogflowAgent")!.At);
                });
            yield return Case("ivr-virtualassistant.ESCALATE", "ivr-virtualassistant", "DialogflowAgent", "ESCALATE")
                .Arranging(o => o.World.VirtualAgentTurns.Add(new VirtualAgentTurn { End = VirtualAgentTurnEnd.Escalated, Outputs = { ["LastIntent"] = "talk_to_agent" } }))
                .Expecting("DialogflowAgent.LastIntent", "talk_to_agent").Checking(r => Assert.DoesNotContain(r.AssumedWorld, a => a.Setting == nameof(IvrWorld.VirtualAgentTurns)));
            yield return Case("ivr-virtualassistant.error", "ivr-virtualassistant", "DialogflowAgent", "error")
                .Arranging(o => o.World.VirtualAgentTurns.Add(new VirtualAgentTurn { End = VirtualAgentTurnEnd.Error })).Expecting("DialogflowAgent.ErrorCode", "system_error");
            yield return Case("ivr-virtualassistant.hang-up", "ivr-virtualassistant", "DialogflowAgent", null)
                .Arranging(o => o.World.VirtualAgentTurns.Add(new VirtualAgentTurn { End = VirtualAgentTurnEnd.CallerHungUp, Duration = TimeSpan.FromSeconds(12) }))
                .Ends("DialogflowAgent", SimulationOutcome.CallerHungUp).Checking(r => Assert.Equal(TimeSpan.FromSeconds(12), r.Duration));
            yield return Case("ivr-virtualassistant.other-activity-turn", "ivr-virtualassistant", "DialogflowAgent", "ENDED")
                .Arranging(o => o.World.VirtualAgentTurns.Add(new VirtualAgentTurn { ActivityName = "SomeOtherAgent", End = VirtualAgentTurnEnd.Escalated }));
            yield return Case("ivr-virtualassistantvoice.ENDED", "ivr-virtualassistantvoice", "AiAgent", "ENDED")
                .Arranging(o => o.World.VirtualAgentTurns.Add(new VirtualAgentTurn { ActivityName = "AiAgent", End = VirtualAgentTurnEnd.Handled, Outputs = { ["StateEventName"] = "session_end" } }))
                .Expecting("AiAgent.StateEventName", "session_end");
            yield return Case("ivr-virtualassistantvoice.ESCALATE", "ivr-virtualassistantvoice", "AiAgent", "ESCALATE")
                .Arranging(o => o.World.VirtualAgentTurns.Add(new VirtualAgentTurn { End = VirtualAgentTurnEnd.Escalated, Outputs = { ["MetaData"] = "{\"reason\":\"billing\"}" } }))
                .Expecting("reason", "billing");
            yield return Case("ivr-virtualassistantvoice.error", "ivr-virtualassistantvoice", "AiAgent", "error")
                .Arranging(o => o.World.VirtualAgentTurns.Add(new VirtualAgentTurn { End = VirtualAgentTurnEnd.Error }));
            yield return Case("record.default", "record", "RecordMessage", "default").Checking(r =>
            {
                var file = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(r.Outputs["RecordMessage.audioFileData"]);
                Assert.Equal("FileInfo", file["type"]);
                Assert.Equal("audio/wav", file["contentType"]);
                Assert.EndsWith(".wav", (string)file["name"]!);
                Assert.Equal(TimeSpan.FromSeconds(30), r.FindStep("RecordMessage")!.At);
            });
            yield return Case("record.noInputTimeout", "record", "RecordMessage", "noInputTimeout").Arranging(o => o.World.CallerRecords = false)
                .Checking(r => Assert.Equal(TimeSpan.FromSeconds(4), r.FindStep("RecordMessage")!.At));
            yield return Case("record.undefinedErrors", "record", "RecordMessage", "undefinedErrors").With("maxSeconds", "0").Expecting("RecordMessage.errorCode", "invalid_configuration");
            yield return Case("RecordingControl.default", "RecordingControl", "PauseRecording", "default")
                .Checking(r => Assert.Equal(false, r.Events.Single(e => e.Name == "RecordingControl").Payload!["Recording"]));
            yield return Case("RecordingControl.failure", "RecordingControl", "PauseRecording", "failure").With("record", "maybe").Expecting("PauseRecording.FailureCode", 1L);
            yield return Case("upload-audio.default", "upload-audio", "Upload", "default").Expecting("Upload.status", "success").Checking(r =>
            {
                var file = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(r.Outputs["Greeting.audioFileData"]);
                SimulationEvent uploaded = r.Events.Single(e => e.Name == "AudioUploaded");
                Assert.Equal(file["name"], uploaded.Payload!["FileName"]);
                Assert.Equal("welcome", uploaded.Payload["GreetingPurpose"]);
            });
            yield return Case("upload-audio.error", "upload-audio", "UploadNothing", "error").Arranging(o => o.World.CallerRecords = false);
            yield return Case("upload-audio.error.refused", "upload-audio", "Upload", "error").Arranging(o => o.World.FailingActivities.Add("Upload")).Ends("Ev_GlobalError", SimulationOutcome.GlobalError);
            yield return Case("start-media-stream.default", "start-media-stream", "Stream", "default")
                .Checking(r => Assert.Equal("media-dest-1", r.Events.Single(e => e.Name == "StartMediaStream").Payload!["MediaDestinationId"]));
            yield return Case("start-media-stream.default.tenant", "start-media-stream", "Stream", "default").With("destination", string.Empty)
                .Checking(r => Assert.Equal("(tenant default)", r.Events.Single(e => e.Name == "StartMediaStream").Payload!["MediaDestinationId"]));
            yield return Case("start-media-stream.failure", "start-media-stream", "Stream", "failure").Arranging(o => o.World.FailingActivities.Add("stream"))
                .Expecting("Stream.status", "failure").Checking(r => Assert.DoesNotContain(r.Events, e => e.Name == "StartMediaStream"));
            yield return Case("call-progress-analysis.out", "call-progress-analysis", "Detect", "out")
                .Checking(r => Assert.Equal("LIVE_VOICE", r.Events.Single(e => e.Name == "CallProgressAnalysis").Payload!["CPAResult"]));
            yield return Case("call-progress-analysis.out.amd", "call-progress-analysis", "Detect", "out").Arranging(o => o.World.CallProgressResult = "AMD")
                .Checking(r => Assert.Equal("AMD", r.Events.Single(e => e.Name == "CallProgressAnalysis").Payload!["CPAResult"]));
            yield return Case("call-progress-analysis.failure", "call-progress-analysis", "Detect", "failure").With("maxMs", "0");
            yield return Case("ReceiveMessage.default", "ReceiveMessage", "WaitForReply", "default").Arranging(o => o.World.InboundMessages.Add("{\"text\":\"yes\"}"))
                .Expecting("WaitForReply.status", "success")
                .Checking(r => Assert.Equal("yes", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(r.Outputs["WaitForReply.ChannelPayload"])["text"]));
            yield return Case("ReceiveMessage.timeout", "ReceiveMessage", "WaitForReply", "timeout")
                .Expecting("WaitForReply.ErrorCode", string.Empty).Expecting("WaitForReply.Description", "No message arrived before the timeout.").Checking(r => Assert.Equal(TimeSpan.FromSeconds(60), r.FindStep("WaitForReply")!.At));
            yield return Case("SendCustomMessage.out", "SendCustomMessage", "Reply", "out").Checking(r => Assert.Equal("Hello", r.Events.Single(e => e.Name == "CustomMessageSent").Payload!["Text"]));
            yield return Case("SendCustomMessage.error", "SendCustomMessage", "Reply", "error").With("text", string.Empty).Expecting("Reply.ErrorCode", "empty_message");
        }

        /// <summary>The tour meets every activity a caller can without HTTP, in order, and each leaves its trace.</summary>
        private static void Tour(IvrSimulationResult r)
        {
            Assert.Equal(new[]
            {
                "NewPhoneContact", "CheckHours", "Split", "ParseProfile", "ByTier", "QueueInfo", "QueueDetails", "Prioritise", "PopCrm", "HashAni", "MakeOtp",
                "CheckOtp", "Extension", "Announce", "Whisper", "AiAgent", "Detect", "Stream", "PauseRecording", "RecordMessage", "Upload", "Pause", "Schedule",
                "OfferCallback", "Bridge", "ToBranch",
            }, r.Path);
            Assert.Equal("0", r.FindStep("ByTier")!.Port);
            Assert.Equal(5L, r.Events.Single(e => e.Name == "ContactPriority").Payload!["Priority"]);
            Assert.Equal(new[] { "NewPhoneContact", "ContactPriority", "ScreenPop", "DigitsSent", "Announcement", "WhisperAnnouncement", "CallProgressAnalysis",
                "StartMediaStream", "RecordingControl", "AudioUploaded", "PhoneContactEnded" }, r.Events.Select(e => e.Name));
            Assert.Equal(2, r.Callbacks.Count);
            Assert.Equal("+14085550199", r.Destination);
            Assert.Equal("gold caller", r.Events.Single(e => e.Name == "WhisperAnnouncement").Payload!["Prompts"]);
        }

        /// <summary>The OTP the verify-otp flow generates with this seed (from a run that only generates it).</summary>
        private static string OtpOfSeed(int seed)
        {
            var options = new IvrSimulationOptions { Ani = "+14085550123", InteractionId = "i-42", World = { Seed = seed } };
            IvrSimulationResult result = new IvrSimulator().RunAsync(ActivityFlows.Load("verify-otp"), options).GetAwaiter().GetResult();
            return (string)result.Outputs["MakeOtp.OTP"]!;
        }

        private static ActivityCase Ends(this ActivityCase c, string last, SimulationOutcome? outcome = null)
        {
            c.Last = last;
            if (outcome is { } o)
            {
                c.Outcome = o;
            }

            return c;
        }

        private static ActivityCase Pressing(this ActivityCase c, string digits)
        {
            c.Digits.Add(digits);
            return c;
        }

        private static ActivityCase Arranging(this ActivityCase c, Action<IvrSimulationOptions> arrange)
        {
            Action<IvrSimulationOptions>? before = c.Arrange;
            c.Arrange = o => { before?.Invoke(o); arrange(o); };
            return c;
        }

        private static ActivityCase Answering(this ActivityCase c, Func<IFlowHttpTransport> transport)
        {
            c.Transport = transport;
            return c;
        }

        private static ActivityCase Checking(this ActivityCase c, Action<IvrSimulationResult> check)
        {
            c.Check = check;
            return c;
        }

        /// <summary>A connector that answers with a fixed base URL and token.</summary>
        private sealed class FixedConnector : IConnectorEndpoint
        {
            public Uri BaseUri { get; } = new Uri("https://api.example.test/");

            public System.Threading.Tasks.Task<string> GetAccessTokenAsync(System.Threading.CancellationToken cancellationToken) => System.Threading.Tasks.Task.FromResult("test-token");
        }
    }
}
