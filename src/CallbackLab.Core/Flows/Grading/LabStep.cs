namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>One build step of the lab text: its number and title as the lab text words them.</summary>
    public sealed class LabStep
    {
        internal LabStep(int index, string number, string title)
        {
            Index = index;
            Number = number;
            Title = title;
        }

        /// <summary>The step's place in the lab, 1 to 9 (the lab text numbers two steps "8", so the number alone is not unique).</summary>
        public int Index { get; }

        /// <summary>The number the lab text gives the step, e.g. <c>8</c>.</summary>
        public string Number { get; }

        /// <summary>The step's first sentence, as the lab text words it (markup removed).</summary>
        public string Title { get; }

        /// <inheritdoc />
        public override string ToString() => Number + ". " + Title;
    }
}
