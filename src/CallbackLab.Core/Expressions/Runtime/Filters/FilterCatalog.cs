using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace CallbackLab.Core.Expressions.Runtime.Filters
{
    /// <summary>
    /// Collects filters by category (<c>WithStringFilters()</c>, <c>WithCollectionFilters()</c>...) into one read-only
    /// table; <see cref="Default"/> holds Pebble's core filters plus Flow Designer's additions.
    /// </summary>
    internal sealed class FilterCatalog
    {
        private readonly Dictionary<string, CallableDefinition<FilterFunction>> _filters =
            new Dictionary<string, CallableDefinition<FilterFunction>>(StringComparer.Ordinal);

        /// <summary>Every filter the engine knows, built once.</summary>
        public static IReadOnlyDictionary<string, CallableDefinition<FilterFunction>> Default { get; } = new FilterCatalog()
            .WithStringFilters()
            .WithCollectionFilters()
            .WithNumberFilters()
            .WithEncodingFilters()
            .WithDateFilters()
            .WithFlowDesignerFilters()
            .Build();

        /// <summary>Adds a filter with Pebble's declared argument names (null: any positional arguments).</summary>
        public FilterCatalog Add(string name, string[]? argumentNames, FilterFunction filter, bool flowDesignerAddition = false)
        {
            _filters.Add(name, new CallableDefinition<FilterFunction>(name, argumentNames, filter, flowDesignerAddition));
            return this;
        }

        public IReadOnlyDictionary<string, CallableDefinition<FilterFunction>> Build() =>
            new ReadOnlyDictionary<string, CallableDefinition<FilterFunction>>(new Dictionary<string, CallableDefinition<FilterFunction>>(_filters, StringComparer.Ordinal));
    }
}
