using System.Collections.Generic;
using CallbackLab.Core.Http;

namespace CallbackLab.Core.Tests.Http
{
    internal sealed class RecordingLog : IApiLog
    {
        public List<string> VerboseMessages { get; } = new List<string>();

        public List<string> DebugMessages { get; } = new List<string>();

        public string All => string.Join("\n", VerboseMessages) + "\n" + string.Join("\n", DebugMessages);

        public void Verbose(string message) => VerboseMessages.Add(message);

        public void Debug(string message) => DebugMessages.Add(message);
    }
}
