using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CallbackLab.Core.Emulator.Room
{
    /// <summary>
    /// The attendees of a room: numbered (<see cref="Numbered"/>) or read from a CSV with the columns <c>AttendeeId</c> and,
    /// optionally, <c>Dnis</c>. Ids are unique (without regard to case), and no attendee's <c>dn</c> contains another's, since
    /// MockAPI's <c>?dn=</c> filter matches substrings and the lab's query must find exactly one record.
    /// </summary>
    public static class Roster
    {
        /// <summary>Attendees 1 to <paramref name="count"/> (<see cref="Attendee.Numbered"/>).</summary>
        public static IReadOnlyList<Attendee> Numbered(int count)
        {
            if (count < 1 || count > 9999)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "A room has 1 to 9999 attendees.");
            }

            return Enumerable.Range(1, count).Select(Attendee.Numbered).ToList();
        }

        /// <summary>A room from <c>-Attendees</c>/<c>--attendees</c>: a count (<see cref="Numbered"/>) or the path of a roster CSV (<see cref="ReadCsv"/>).</summary>
        /// <exception cref="FormatException">A count out of range, or a roster that is not valid (the message says why).</exception>
        /// <exception cref="FileNotFoundException">There is no such file.</exception>
        public static IReadOnlyList<Attendee> FromArgument(string countOrPath)
        {
            if (countOrPath is null)
            {
                throw new ArgumentNullException(nameof(countOrPath));
            }

            if (int.TryParse(countOrPath, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int count))
            {
                return count >= 1 && count <= 9999 ? Numbered(count) : throw new FormatException($"A room has 1 to 9999 attendees, not {count}.");
            }

            if (!File.Exists(countOrPath))
            {
                throw new FileNotFoundException($"The roster '{countOrPath}' does not exist (give a number of attendees or a CSV with an AttendeeId column).", countOrPath);
            }

            return ReadCsv(countOrPath);
        }

        /// <summary>Reads a roster CSV (header row, comma-separated, values optionally in double quotes). A row without a DNIS gets its row number's (<see cref="Attendee.Numbered"/>).</summary>
        /// <exception cref="FormatException">The file has no AttendeeId column, a row is malformed, or ids or numbers clash; the message names the line.</exception>
        public static IReadOnlyList<Attendee> ReadCsv(string path)
        {
            string[] lines = File.ReadAllLines(path);
            int header = Array.FindIndex(lines, l => l.Trim().Length > 0);
            if (header < 0)
            {
                throw new FormatException($"The roster '{path}' is empty; it needs a header row with an AttendeeId column.");
            }

            string[] columns = Split(lines[header]).Select(c => c.Trim()).ToArray();
            int idColumn = Array.FindIndex(columns, c => string.Equals(c, "AttendeeId", StringComparison.OrdinalIgnoreCase));
            int dnisColumn = Array.FindIndex(columns, c => string.Equals(c, "Dnis", StringComparison.OrdinalIgnoreCase));
            if (idColumn < 0)
            {
                throw new FormatException($"The roster '{path}' has no AttendeeId column (its header is '{lines[header]}').");
            }

            var attendees = new List<Attendee>();
            for (int i = header + 1; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0)
                {
                    continue;
                }

                string[] values = Split(lines[i]);
                string id = idColumn < values.Length ? values[idColumn].Trim() : string.Empty;
                string dnis = dnisColumn >= 0 && dnisColumn < values.Length ? values[dnisColumn].Trim() : string.Empty;
                try
                {
                    attendees.Add(dnis.Length == 0 ? new Attendee(id, Attendee.Numbered(attendees.Count + 1).Dnis) : new Attendee(id, dnis));
                }
                catch (ArgumentException ex)
                {
                    throw new FormatException($"The roster '{path}', line {i + 1}: {ex.Message.Split('(')[0].Trim()}", ex);
                }
            }

            if (attendees.Count == 0)
            {
                throw new FormatException($"The roster '{path}' has a header but no attendees.");
            }

            Check(attendees);
            return attendees;
        }

        /// <summary>Refuses clashing ids and numbers whose <c>dn</c> contains another's.</summary>
        /// <exception cref="FormatException">Two attendees clash; the message names them.</exception>
        public static void Check(IReadOnlyList<Attendee> attendees)
        {
            var ids = new Dictionary<string, Attendee>(StringComparer.OrdinalIgnoreCase);
            foreach (Attendee attendee in attendees)
            {
                if (ids.TryGetValue(attendee.Id, out Attendee? same))
                {
                    throw new FormatException($"The attendee id '{attendee.Id}' appears twice ({same} and {attendee}).");
                }

                ids[attendee.Id] = attendee;
            }

            foreach (Attendee a in attendees)
            {
                foreach (Attendee b in attendees)
                {
                    if (!ReferenceEquals(a, b) && b.Dn.IndexOf(a.Dn, StringComparison.Ordinal) >= 0)
                    {
                        throw new FormatException(
                            $"Attendee {a} and attendee {b} would share DynVars records: '{b.Dn}' contains '{a.Dn}', and MockAPI's ?dn= filter matches substrings.");
                    }
                }
            }
        }

        private static string[] Split(string line)
        {
            var values = new List<string>();
            var current = new System.Text.StringBuilder();
            bool quoted = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        current.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        current.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    values.Add(current.ToString());
                    current.Clear();
                }
                else
                {
                    current.Append(c);
                }
            }

            values.Add(current.ToString());
            return values.ToArray();
        }
    }
}
