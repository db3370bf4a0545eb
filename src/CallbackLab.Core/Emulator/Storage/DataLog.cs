using System;
using System.IO;
using System.Text;

namespace CallbackLab.Core.Emulator.Storage
{
    /// <summary>
    /// The append-only log beside the data file: one change per line, each synced to disk before the change is acknowledged.
    /// A write that fails is cut off again, so the log never holds a change that was not acknowledged; when even that fails,
    /// the log refuses every further write and says why.
    /// </summary>
    internal sealed class DataLog : IDisposable
    {
        private static readonly UTF8Encoding s_utf8 = new UTF8Encoding(false);
        private readonly Func<string, Stream> _open;
        private Stream _stream;

        internal DataLog(string path, Func<string, Stream> open)
        {
            Path = path;
            _open = open;
            _stream = OpenAtEnd();
        }

        internal string Path { get; }

        /// <summary>Bytes in the log.</summary>
        internal long Length => _stream.Length;

        /// <summary>Why writes are refused; null while the log is healthy.</summary>
        internal string? Broken { get; private set; }

        /// <summary>The default way to open the log file: shared for reading, never buffered past a sync.</summary>
        internal static Stream OpenFile(string path) =>
            new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);

        /// <summary>Appends one line and syncs it to disk.</summary>
        /// <exception cref="DataWriteException">The line is not durable; the log is as it was (or, if it could not be restored, broken).</exception>
        internal void Append(string line)
        {
            if (Broken != null)
            {
                throw new DataWriteException(Broken, writesStopped: true);
            }

            byte[] bytes = s_utf8.GetBytes(line + "\n");
            long before = _stream.Length;
            try
            {
                _stream.Position = before;
                _stream.Write(bytes, 0, bytes.Length);
                Sync(_stream);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                Restore(before, ex);
                throw new DataWriteException("The change was not saved (" + ex.Message + "); nothing was changed.", writesStopped: false, ex);
            }
        }

        /// <summary>Empties the log (after a snapshot holds everything in it).</summary>
        internal void Clear()
        {
            _stream.SetLength(0);
            Sync(_stream);
        }

        /// <summary>Closes the log and renames it to <paramref name="newPath"/>, then starts an empty log at <see cref="Path"/>.</summary>
        internal void RotateTo(string newPath)
        {
            _stream.Dispose();
            try
            {
                File.Move(Path, newPath);
            }
            finally
            {
                _stream = OpenAtEnd();
            }
        }

        public void Dispose() => _stream.Dispose();

        private Stream OpenAtEnd()
        {
            Stream stream = _open(Path);
            stream.Position = stream.Length;
            return stream;
        }

        private void Restore(long length, Exception cause)
        {
            try
            {
                _stream.SetLength(length);
                Sync(_stream);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                Broken = "The emulator stopped accepting writes: a write to " + Path + " failed (" + cause.Message +
                         ") and the log could not be restored (" + ex.Message + "). Restart it once the disk is writable.";
            }
        }

        private static void Sync(Stream stream)
        {
            if (stream is FileStream file)
            {
                file.Flush(flushToDisk: true);
            }
            else
            {
                stream.Flush();
            }
        }
    }
}
