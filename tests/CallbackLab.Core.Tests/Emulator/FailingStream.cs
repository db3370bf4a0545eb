using System.IO;

namespace CallbackLab.Core.Tests.Emulator
{
    /// <summary>A file stream whose writes fail while <see cref="FailureSwitch.Failing"/> is set, as on a full disk.</summary>
    internal sealed class FailingStream : FileStream
    {
        private readonly FailureSwitch _switch;

        internal FailingStream(string path, FailureSwitch failureSwitch)
            : base(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read)
        {
            _switch = failureSwitch;
        }

        public override void Write(byte[] array, int offset, int count)
        {
            if (_switch.Failing)
            {
                // Half the bytes reach the file before the failure: the log must cut them off again.
                base.Write(array, offset, count / 2);
                base.Flush(true);
                throw new IOException("No space left on device (simulated).");
            }

            base.Write(array, offset, count);
        }

        public override void SetLength(long value)
        {
            if (_switch.FailTruncate)
            {
                throw new IOException("Input/output error (simulated).");
            }

            base.SetLength(value);
        }

        internal sealed class FailureSwitch
        {
            internal bool Failing { get; set; }

            /// <summary>Cutting the file back fails too: the log cannot be restored.</summary>
            internal bool FailTruncate { get; set; }
        }
    }
}
