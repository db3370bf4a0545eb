using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CallbackLab.Core.Emulator
{
    /// <summary>
    /// The emulator's ids for WxCC records, derived from what names the record so tests and seeds can predict them: a flow's id
    /// from its name, a version's from its flow and number, an entry point's or queue's from its name. Flow Store ids look like
    /// the real ones (24 hex digits), entry point and queue ids are GUIDs.
    /// </summary>
    public static class WxccIds
    {
        /// <summary>The id a flow of this name gets (names are compared without case): 24 hex digits.</summary>
        public static string FlowId(string name) => Hex("flow:" + (name ?? throw new ArgumentNullException(nameof(name))).ToUpperInvariant(), 24);

        /// <summary>The id of version <paramref name="version"/> (1, 2, …) of a flow: 24 hex digits.</summary>
        public static string VersionId(string flowId, int version) =>
            Hex("version:" + flowId + ":" + version.ToString(CultureInfo.InvariantCulture), 24);

        /// <summary>The id of a flow's draft (one per flow; the draft's content changes, its id does not): 24 hex digits.</summary>
        public static string DraftId(string flowId) => Hex("draft:" + flowId, 24);

        /// <summary>The id an entry point of this name gets: a GUID.</summary>
        public static string EntryPointId(string name) => Guid("entry-point:" + (name ?? throw new ArgumentNullException(nameof(name))).ToUpperInvariant());

        /// <summary>The id a queue of this name gets: a GUID.</summary>
        public static string QueueId(string name) => Guid("queue:" + (name ?? throw new ArgumentNullException(nameof(name))).ToUpperInvariant());

        private static string Hex(string key, int digits)
        {
            byte[] hash = Hash(key);
            var builder = new StringBuilder(digits);
            for (int i = 0; builder.Length < digits; i++)
            {
                builder.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }

        /// <summary>A name-based GUID (RFC 4122 layout, version 5 bits) from the hash of <paramref name="key"/>.</summary>
        private static string Guid(string key)
        {
            byte[] bytes = new byte[16];
            Array.Copy(Hash(key), bytes, 16);
            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            string hex = BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();
            return hex.Substring(0, 8) + "-" + hex.Substring(8, 4) + "-" + hex.Substring(12, 4) + "-" + hex.Substring(16, 4) + "-" + hex.Substring(20);
        }

        private static byte[] Hash(string key)
        {
            using SHA256 sha = SHA256.Create();
            return sha.ComputeHash(Encoding.UTF8.GetBytes("CallbackLab:" + key));
        }
    }
}
