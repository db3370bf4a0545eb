using System;
using System.Threading;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// What the simulator reads from one activity on every run, read once (the export does not change while flows run):
    /// each property the handlers ask for, sorted into literal text, a variable name or a template, and the
    /// <c>Label.output</c> names. Runs in parallel share it: entries are only ever added, by replacing the whole array.
    /// </summary>
    internal sealed class ActivityCache
    {
        private readonly FlowActivity _activity;
        private ActivityProperty[] _properties = Array.Empty<ActivityProperty>();
        private OutputLabel[] _outputs = Array.Empty<OutputLabel>();
        private object? _handlerState;

        private ActivityCache(FlowActivity activity)
        {
            _activity = activity;
        }

        /// <summary>The cache of <paramref name="activity"/>, created on first use.</summary>
        internal static ActivityCache Of(FlowActivity activity)
        {
            if (activity.SimulatorCache is ActivityCache cache)
            {
                return cache;
            }

            Interlocked.CompareExchange(ref activity.SimulatorCache, new ActivityCache(activity), null);
            return (ActivityCache)activity.SimulatorCache!;
        }

        /// <summary>The property <paramref name="name"/> as read from the export.</summary>
        internal ActivityProperty Property(string name)
        {
            ActivityProperty[] known = Volatile.Read(ref _properties);
            foreach (ActivityProperty property in known)
            {
                if (ReferenceEquals(property.Name, name))
                {
                    return property;
                }
            }

            foreach (ActivityProperty property in known)
            {
                if (string.Equals(property.Name, name, StringComparison.Ordinal))
                {
                    return property;
                }
            }

            ActivityProperty read = ActivityProperty.Read(_activity, name);
            Volatile.Write(ref _properties, Append(known, read));
            return read;
        }

        /// <summary>The variable name of output <paramref name="output"/>: <c>Label.output</c>.</summary>
        internal string OutputName(string output)
        {
            OutputLabel[] known = Volatile.Read(ref _outputs);
            foreach (OutputLabel name in known)
            {
                if (ReferenceEquals(name.Output, output) || string.Equals(name.Output, output, StringComparison.Ordinal))
                {
                    return name.Full;
                }
            }

            var added = new OutputLabel(output, _activity.Name + "." + output);
            Volatile.Write(ref _outputs, Append(known, added));
            return added.Full;
        }

        /// <summary>What a handler worked out once for this activity (its own type); built by <paramref name="build"/> on first use.</summary>
        internal T HandlerState<T>(Func<FlowActivity, T> build)
            where T : class
        {
            if (Volatile.Read(ref _handlerState) is T state)
            {
                return state;
            }

            T built = build(_activity);
            Volatile.Write(ref _handlerState, built);
            return built;
        }

        private static TItem[] Append<TItem>(TItem[] items, TItem item)
        {
            var longer = new TItem[items.Length + 1];
            Array.Copy(items, longer, items.Length);
            longer[items.Length] = item;
            return longer;
        }

        private sealed class OutputLabel
        {
            internal OutputLabel(string output, string full)
            {
                Output = output;
                Full = full;
            }

            internal string Output { get; }

            internal string Full { get; }
        }
    }
}
