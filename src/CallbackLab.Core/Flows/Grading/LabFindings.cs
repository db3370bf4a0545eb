using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace CallbackLab.Core.Flows.Grading
{
    /// <summary>A grade's findings; its text is every finding on one line, so a CSV of grades keeps them readable.</summary>
    public sealed class LabFindings : ReadOnlyCollection<LabFinding>
    {
        /// <summary>Wraps <paramref name="findings"/>.</summary>
        public LabFindings(IList<LabFinding> findings)
            : base(findings)
        {
        }

        /// <summary>The findings that fail their step.</summary>
        public IEnumerable<LabFinding> Failures => this.Where(f => f.Severity == LabFindingSeverity.Failure);

        /// <summary>The notes (differences that do not fail a step).</summary>
        public IEnumerable<LabFinding> Notes => this.Where(f => f.Severity == LabFindingSeverity.Note);

        /// <inheritdoc />
        public override string ToString() => string.Join(" | ", this.Select(f => f.ToString()));
    }
}
