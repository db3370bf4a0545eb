using System;

namespace CallbackLab.Core.JsonPath
{
    /// <summary>A JSONPath expression could not be parsed or evaluated.</summary>
    [Serializable]
    public sealed class JsonPathException : Exception
    {
        /// <summary>Creates the exception for <paramref name="path"/>.</summary>
        public JsonPathException(string path, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Path = path;
        }

        /// <summary>The offending path, as the user wrote it.</summary>
        public string Path { get; }
    }
}
