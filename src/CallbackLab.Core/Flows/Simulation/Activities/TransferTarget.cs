using System.Text.RegularExpressions;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>The number a transfer dials (<c>transfertodn</c>, literal or variable) and whether it can be dialled.</summary>
    internal static class TransferTarget
    {
        private static readonly Regex s_dialable = new Regex(@"^\+?[0-9*#]{3,36}$", RegexOptions.CultureInvariant);

        internal static string Number(SimulationContext context, FlowActivity activity) =>
            ActivityIo.RenderValueOrVariable(context, activity, "transfertodn").Trim();

        internal static bool IsDialable(string number) => s_dialable.IsMatch(number.Replace(" ", string.Empty).Replace("-", string.Empty));
    }
}
