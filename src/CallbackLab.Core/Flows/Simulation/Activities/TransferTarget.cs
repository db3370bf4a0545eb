using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>The number a transfer dials (<c>transfertodn</c>, literal or variable) and whether it can be dialled.</summary>
    internal static class TransferTarget
    {
        internal static string Number(SimulationContext context, FlowActivity activity) =>
            ActivityIo.RenderValueOrVariable(context, activity, "transfertodn").Trim();

        /// <summary>
        /// True for an optional <c>+</c> and 3 to 36 of <c>0-9</c> (and <c>* #</c> when <paramref name="withKeys"/>), spaces and
        /// dashes left out (<c>+1 408-555-0199</c>); written out rather than a regex because every transfer and callback asks.
        /// </summary>
        internal static bool IsDialable(string number, bool withKeys = true)
        {
            int dialled = 0;
            bool plusAllowed = true;
            foreach (char c in number)
            {
                if (c == ' ' || c == '-')
                {
                    continue;
                }

                if (c == '+' && plusAllowed)
                {
                    plusAllowed = false;
                    continue;
                }

                if ((c < '0' || c > '9') && !(withKeys && (c == '*' || c == '#')))
                {
                    return false;
                }

                plusAllowed = false;
                dialled++;
            }

            return dialled >= 3 && dialled <= 36;
        }
    }
}
