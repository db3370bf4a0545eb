using System.Collections.Generic;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Feedback (<c>Feedback-V2</c>, legacy <c>Feedback</c>): runs the survey with the world's scripted answers (all that are
    /// left; none: the caller answers nothing, recorded as assumed) and records a FeedbackSurvey event with the survey and the
    /// answers; sets <c>status</c> (<c>completed</c> or <c>noAnswer</c>); leaves by <c>default</c>. A V2 survey with no
    /// <c>surveyMethod</c> is an error.
    /// </summary>
    internal sealed class FeedbackHandler : IActivityHandler
    {
        private readonly bool _version2;

        internal FeedbackHandler(bool version2)
        {
            _version2 = version2;
        }

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string survey = ActivityIo.Render(context, activity, activity.GetString("surveyMethod") != null ? "surveyMethod" : "dispatch").Trim();
            if (_version2 && survey.Length == 0)
            {
                ActivityIo.Output(context, activity, "status", "failure");
                return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Feedback '" + activity.Name + "' names no survey (surveyMethod)."));
            }

            var answers = new List<object?>();
            while (context.World.TryTakeAnswer(out string answer))
            {
                answers.Add(answer);
                context.Advance(MenuHandler.KeyPress + MenuHandler.DefaultEntryTimeout);
            }

            if (answers.Count == 0)
            {
                context.World.Assume(nameof(IvrWorld.SurveyAnswers), "(none)", activity.Name, "the caller answers no survey question");
            }

            string status = answers.Count == 0 ? "noAnswer" : "completed";
            var payload = ActivityIo.Payload();
            payload["Survey"] = survey;
            payload["Language"] = ActivityIo.Render(context, activity, "language");
            payload["Answers"] = answers.ToArray();
            context.RaiseEvent(activity, "FeedbackSurvey", payload);
            ActivityIo.Output(context, activity, "status", status);
            return Completed.From(ActivityOutcome.Next(ActivityPorts.Default, "survey " + survey + ": " + (answers.Count == 0 ? "no answers" : string.Join(", ", answers))));
        }
    }
}
