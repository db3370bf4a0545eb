namespace CallbackLab.Core.Flows.Simulation
{
    /// <summary>What kind of error failed an activity or stopped a run (<see cref="SimulationError.Kind"/>).</summary>
    public enum SimulationErrorKind
    {
        /// <summary>An activity was misconfigured or could not run (a property of an unexpected shape, a missing variable name).</summary>
        Activity,

        /// <summary>An expression did not parse or render (Pebble's message).</summary>
        Expression,

        /// <summary>A value did not convert to the variable's type.</summary>
        Conversion,

        /// <summary>An HTTP Request could not be sent or got no usable answer.</summary>
        Http,

        /// <summary>A callback could not be scheduled.</summary>
        Callback,

        /// <summary>Parse could not read its input as the content type it names.</summary>
        Parse,

        /// <summary>A virtual agent turn ended in error.</summary>
        VirtualAgent,

        /// <summary>A Subflow activity named a subflow the library does not hold.</summary>
        SubflowNotFound,

        /// <summary>The run stopped at an activity type the simulator cannot run.</summary>
        UnknownActivity,

        /// <summary>The run stopped at a link to an activity the flow does not have (or a flow without a start).</summary>
        BrokenLink,

        /// <summary>The run stopped at the step limit (a loop without end, or subflows nested too deep).</summary>
        StepLimit,
    }
}
