using System;
using System.IO;

namespace CallbackLab.Core.Emulator.Storage
{
    /// <summary>A change could not be made durable, so it was not applied (nothing changed), or writes are refused since an earlier failure.</summary>
    internal sealed class DataWriteException : IOException
    {
        internal DataWriteException(string message, bool writesStopped, Exception? innerException = null)
            : base(message, innerException)
        {
            WritesStopped = writesStopped;
        }

        /// <summary>True when the emulator no longer accepts writes (the log could not be restored after a failed write).</summary>
        internal bool WritesStopped { get; }
    }
}
