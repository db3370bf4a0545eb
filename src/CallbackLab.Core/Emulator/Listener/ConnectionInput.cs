using System;
using System.IO;
using System.Threading.Tasks;

namespace CallbackLab.Core.Emulator.Listener
{
    /// <summary>Buffered reading from a connection: lines with a length limit, and exact byte counts.</summary>
    internal sealed class ConnectionInput
    {
        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        internal ConnectionInput(Stream stream)
        {
            _stream = stream;
        }

        /// <summary>True when buffered bytes are waiting (a pipelined request).</summary>
        internal bool HasBuffered => _end > _start;

        /// <summary>Called after every read that brought bytes (the connection re-arms its idle timer while a body arrives).</summary>
        internal System.Action? OnData { get; set; }

        /// <summary>Waits until a byte is buffered; false when the stream ended.</summary>
        internal async Task<bool> WaitForDataAsync() => HasBuffered || await FillAsync().ConfigureAwait(false);

        /// <summary>
        /// One line without its CRLF (or bare LF); null at the end of the stream before any byte.
        /// More than <paramref name="limit"/> bytes throws <paramref name="tooLong"/>.
        /// </summary>
        internal async Task<byte[]?> ReadLineAsync(int limit, Func<HttpFramingException> tooLong)
        {
            using var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync().ConfigureAwait(false))
                {
                    if (line.Length == 0)
                    {
                        return null;
                    }

                    throw new HttpFramingException(400, "The connection ended in the middle of a line.");
                }

                int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                int take = (newline < 0 ? _end : newline) - _start;
                if (line.Length + take > limit + 1)
                {
                    throw tooLong();
                }

                line.Write(_buffer, _start, take);
                _start += take;
                if (newline >= 0)
                {
                    _start++; // the LF
                    byte[] bytes = line.ToArray();
                    int length = bytes.Length > 0 && bytes[bytes.Length - 1] == '\r' ? bytes.Length - 1 : bytes.Length;
                    if (length > limit)
                    {
                        throw tooLong();
                    }

                    return length == bytes.Length ? bytes : Slice(bytes, length);
                }
            }
        }

        /// <summary>Reads exactly <paramref name="count"/> bytes into <paramref name="target"/>; false when the stream ended first.</summary>
        internal async Task<bool> ReadExactAsync(Stream target, long count)
        {
            while (count > 0)
            {
                if (_start == _end && !await FillAsync().ConfigureAwait(false))
                {
                    return false;
                }

                int take = (int)Math.Min(count, _end - _start);
                target.Write(_buffer, _start, take);
                _start += take;
                count -= take;
            }

            return true;
        }

        private async Task<bool> FillAsync()
        {
            _start = 0;
            _end = 0;
            int read = await _stream.ReadAsync(_buffer, 0, _buffer.Length).ConfigureAwait(false);
            _end = read;
            if (read > 0)
            {
                OnData?.Invoke();
            }

            return read > 0;
        }

        private static byte[] Slice(byte[] bytes, int length)
        {
            var result = new byte[length];
            Buffer.BlockCopy(bytes, 0, result, 0, length);
            return result;
        }
    }
}
