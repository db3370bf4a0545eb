using System;

namespace CallbackLab.Core.Flows.Model
{
    /// <summary>A flow export is not valid JSON or lacks what a flow needs; says what is wrong and where.</summary>
    [Serializable]
    public sealed class FlowFormatException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public FlowFormatException(string message, string? source, string location, int lineNumber, int linePosition, Exception? innerException = null)
            : base(message, innerException)
        {
            FlowSource = source;
            Location = location;
            LineNumber = lineNumber;
            LinePosition = linePosition;
        }

        /// <summary>The file (or resource) that was read; null for text.</summary>
        public string? FlowSource { get; }

        /// <summary>The JSON path of the offending element, e.g. <c>process.activities['a1'].properties.activityName</c>.</summary>
        public string Location { get; }

        /// <summary>The 1-based line of the offending element; 0 when unknown.</summary>
        public int LineNumber { get; }

        /// <summary>The 1-based column of the offending element; 0 when unknown.</summary>
        public int LinePosition { get; }
    }
}
