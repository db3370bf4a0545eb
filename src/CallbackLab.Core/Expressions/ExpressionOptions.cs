using System;

namespace CallbackLab.Core.Expressions
{
    /// <summary>Evaluation settings: strictness, the clock behind <c>now()</c>, and the limits that keep any input from exhausting the process.</summary>
    public sealed class ExpressionOptions
    {
        /// <summary>
        /// A new instance with the defaults: lenient variables (Pebble's <c>strictVariables = false</c>), the system clock,
        /// default limits. New each time, so changing it cannot change anyone else's rendering.
        /// </summary>
        public static ExpressionOptions Default => new ExpressionOptions();

        /// <summary>The defaults, shared by renders that pass no options; never handed out, so never changed.</summary>
        internal static ExpressionOptions Shared { get; } = new ExpressionOptions();

        /// <summary>When true, an undefined variable or attribute is an evaluation error instead of an empty value.</summary>
        public bool StrictVariables { get; set; }

        /// <summary>
        /// When true (the default), Flow Designer's additions to Pebble exist: the <c>now()</c> function and the <c>epoch</c>
        /// filter. False gives plain Pebble 4.1.2, where they are unknown (the golden suite runs this way).
        /// </summary>
        public bool FlowDesignerAdditions { get; set; } = true;

        /// <summary>The clock behind <c>now()</c>; replace it for reproducible output.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>Largest list that <c>range</c>, <c>..</c>, list <c>+</c> or <c>merge</c> may build (default 100,000 items).</summary>
        public int MaxRangeSize { get; set; } = 100_000;

        /// <summary>Longest string a concatenation, filter or the whole rendered output may produce (default 1,000,000 characters).</summary>
        public int MaxStringLength { get; set; } = 1_000_000;

        /// <summary>Most loop iterations one render may run in total (default 100,000).</summary>
        public int MaxLoopIterations { get; set; } = 100_000;

        /// <summary>Timeout of each regular expression run by <c>split</c> (default one second).</summary>
        public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromSeconds(1);
    }
}
