using System.Reflection;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Infrastructure
{
    /// <summary>A shallow copy of a world, so one caller's -Seed never changes the object the user passed in.</summary>
    internal static class IvrWorldCopy
    {
        public static IvrWorld Of(IvrWorld world)
        {
            var copy = new IvrWorld();
            foreach (PropertyInfo property in typeof(IvrWorld).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.CanRead && property.CanWrite && property.GetIndexParameters().Length == 0)
                {
                    property.SetValue(copy, property.GetValue(world));
                }
            }

            return copy;
        }
    }
}
