using System;
using System.Globalization;

namespace CallbackLab.Core.Emulator.Room
{
    /// <summary>One attendee of a room: the id the lab text's names carry (<c>Main_Flow_&lt;id&gt;</c>) and the DNIS they dial.</summary>
    public sealed class Attendee
    {
        /// <summary>Creates an attendee.</summary>
        /// <exception cref="ArgumentException">The id is empty or not letters, digits, <c>-</c> and <c>_</c>, or the DNIS is not <c>+</c> and 3 to 15 digits.</exception>
        public Attendee(string id, string dnis)
        {
            if (string.IsNullOrEmpty(id) || id.Length > 40 || !IsName(id))
            {
                throw new ArgumentException($"The attendee id '{id}' must be 1 to 40 letters, digits, '-' or '_' (it becomes part of entity names).", nameof(id));
            }

            if (!IsDnis(dnis))
            {
                throw new ArgumentException($"The DNIS '{dnis}' of attendee '{id}' must be '+' and 3 to 15 digits, e.g. +14695550001.", nameof(dnis));
            }

            Id = id;
            Dnis = dnis;
        }

        /// <summary>The attendee id, e.g. <c>007</c>.</summary>
        public string Id { get; }

        /// <summary>The number the attendee's inbound entry point answers, e.g. <c>+14695550007</c>.</summary>
        public string Dnis { get; }

        /// <summary>The DynVars <c>dn</c>: the DNIS without its first two characters, as the lab's <c>slice(2)</c> query sends it.</summary>
        public string Dn => Dnis.Substring(2);

        /// <summary>The lab's flow name for this attendee.</summary>
        public string FlowName => "Main_Flow_" + Id;

        /// <summary>The lab's outdial entry point name.</summary>
        public string OutdialEntryPointName => "Outdial_" + Id + "_Channel";

        /// <summary>The lab's outdial queue name.</summary>
        public string OutdialQueueName => "Outdial_" + Id + "_Queue";

        /// <summary>The lab's team name (assigned to the outdial queue).</summary>
        public string TeamName => Id + "_Team";

        /// <summary>The inbound entry point that runs the attendee's flow (the lab text does not name it; our name).</summary>
        public string InboundEntryPointName => "Inbound_" + Id + "_Channel";

        /// <summary>Attendee <paramref name="number"/> (1-based) of a numbered room: id <c>001</c>…, DNIS <c>+1469555</c> and the number in four digits.</summary>
        public static Attendee Numbered(int number)
        {
            if (number < 1 || number > 9999)
            {
                throw new ArgumentOutOfRangeException(nameof(number), number, "Attendee numbers run from 1 to 9999.");
            }

            return new Attendee(number.ToString("D3", CultureInfo.InvariantCulture), "+1469555" + number.ToString("D4", CultureInfo.InvariantCulture));
        }

        /// <inheritdoc />
        public override string ToString() => Id + " (" + Dnis + ")";

        private static bool IsName(string id)
        {
            foreach (char c in id)
            {
                if (!(c < 128 && (char.IsLetterOrDigit(c) || c == '-' || c == '_')))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsDnis(string? dnis)
        {
            if (dnis == null || dnis.Length < 4 || dnis.Length > 16 || dnis[0] != '+')
            {
                return false;
            }

            for (int i = 1; i < dnis.Length; i++)
            {
                if (dnis[i] < '0' || dnis[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
