using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace CallbackLab.Core.Emulator.Storage
{
    /// <summary>
    /// Reads a data log at start. Every complete line is a change that was acknowledged. A last line without its line end
    /// (or NUL bytes a crash left) is a write that was cut off, never acknowledged: it is ignored and reported.
    /// </summary>
    internal static class DataLogReader
    {
        /// <exception cref="InvalidDataException">A complete line is not a change: the log was damaged, not cut off.</exception>
        internal static IReadOnlyList<StoreChange> Read(string path, List<string> warnings)
        {
            var changes = new List<StoreChange>();
            if (!File.Exists(path))
            {
                return changes;
            }

            byte[] bytes = File.ReadAllBytes(path);
            int end = bytes.Length;
            while (end > 0 && bytes[end - 1] == 0)
            {
                end--;
            }

            int start = 0;
            int lineNumber = 0;
            var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
            while (start < end)
            {
                int newline = Array.IndexOf(bytes, (byte)'\n', start, end - start);
                lineNumber++;
                if (newline < 0)
                {
                    warnings.Add(string.Format(
                        CultureInfo.InvariantCulture,
                        "The data log {0} ended in a torn write ({1} bytes at line {2}), which was ignored: the change it held was never acknowledged.",
                        path, end - start, lineNumber));
                    break;
                }

                StoreChange? change = null;
                try
                {
                    change = StoreChange.Parse(strict.GetString(bytes, start, newline - start));
                }
                catch (DecoderFallbackException)
                {
                    // reported below as a damaged line
                }

                if (change == null)
                {
                    throw new InvalidDataException(string.Format(
                        CultureInfo.InvariantCulture, "Line {0} of the data log {1} is not a change the emulator wrote.", lineNumber, path));
                }

                changes.Add(change);
                start = newline + 1;
            }

            return changes;
        }
    }
}
