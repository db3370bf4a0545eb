namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>How much a grading finding counts.</summary>
    public enum LabFindingSeverity
    {
        /// <summary>A difference from the lab that Flow Designer runs the same way (or a slip of the lab text): the step still passes.</summary>
        Note,

        /// <summary>The step is not done as the lab says: the flow fails at this step.</summary>
        Failure,
    }
}
