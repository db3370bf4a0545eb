using System;

namespace CallbackLab.Core.Stubs
{
    /// <summary>A stub or WireMock mapping could not be read: the message names the JSON path of the offending part.</summary>
    [Serializable]
    public sealed class StubFormatException : Exception
    {
        /// <summary>Creates the exception for the part at <paramref name="jsonPath"/>.</summary>
        public StubFormatException(string jsonPath, string message, Exception? innerException = null)
            : base(string.IsNullOrEmpty(jsonPath) ? message : jsonPath + ": " + message, innerException)
        {
            JsonPath = jsonPath;
        }

        /// <summary>Where in the document the problem is, e.g. <c>mappings[2].request.headers.Accept</c>.</summary>
        public string JsonPath { get; }
    }
}
