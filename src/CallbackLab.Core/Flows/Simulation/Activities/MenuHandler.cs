using System;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Menu: plays its prompts, takes the caller's next input. An option's digit leaves by that digit, another input by
    /// <c>invalid</c>, no input by <c>timeout</c> after <c>entryTimeout</c> seconds (3 by default). Sets <c>Menu.OptionEntered</c>.
    /// </summary>
    internal sealed class MenuHandler : IActivityHandler
    {
        internal static readonly TimeSpan DefaultEntryTimeout = TimeSpan.FromSeconds(3);

        /// <summary>The virtual time a caller takes to press a key after the prompt.</summary>
        internal static readonly TimeSpan KeyPress = TimeSpan.FromSeconds(1);

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            if (!Prompts.PromptForInput(context, activity, DefaultEntryTimeout, out string input))
            {
                return Completed.From(ActivityOutcome.Next(ActivityPorts.Timeout, "no input"));
            }

            context.Advance(KeyPress);
            context.Variables.Set(activity.Name + ".OptionEntered", input);
            string port = IsOption(activity, input) ? input : ActivityPorts.Invalid;
            return Completed.From(ActivityOutcome.Next(port, "pressed " + input));
        }

        private static bool IsOption(FlowActivity activity, string input)
        {
            if (activity.Json["menuLinks"] is JArray options)
            {
                foreach (JToken option in options)
                {
                    if (string.Equals((string?)option, input, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            // No option list in the export: any wired digit port counts.
            return input != ActivityPorts.Timeout && input != ActivityPorts.Invalid && input != ActivityPorts.Error;
        }
    }
}
