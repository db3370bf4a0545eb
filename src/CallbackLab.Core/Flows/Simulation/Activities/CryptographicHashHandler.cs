using System;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Simulation.Activities
{
    /// <summary>
    /// Cryptographic Hash: hashes the rendered <c>input</c> (UTF-8) with <c>algorithm</c> SHA256 or SHA512, with
    /// <c>salt</c> appended when <c>applySalt</c> is on (<c>saltEncoding</c> Base64, Hex or UTF-8); sets <c>HashOutput</c>
    /// (lower-case hex: the real encoding is undocumented) and <c>status</c>; leaves by <c>out</c>. Another algorithm, or a
    /// salt that does not decode, is an error.
    /// </summary>
    internal sealed class CryptographicHashHandler : IActivityHandler
    {
        // One hasher per thread: creating one per call costs more than hashing a phone number.
        [ThreadStatic]
        [SuppressMessage("Style", "IDE1006", Justification = "Thread-static fields take t_, as in dotnet/runtime and PowerShell.")]
        private static SHA256? t_sha256;

        [ThreadStatic]
        [SuppressMessage("Style", "IDE1006", Justification = "Thread-static fields take t_, as in dotnet/runtime and PowerShell.")]
        private static SHA512? t_sha512;

        public Task<ActivityOutcome> RunAsync(SimulationContext context, FlowActivity activity)
        {
            string algorithm = Algorithm(activity.GetString("algorithm") == null ? "SHA256" : ActivityIo.Render(context, activity, "algorithm"));
            byte[] data = Encoding.UTF8.GetBytes(ActivityIo.Render(context, activity, "input"));
            if (ActivityIo.Flag(context, activity, "applySalt", false))
            {
                byte[] salt;
                try
                {
                    salt = Decode(ActivityIo.Render(context, activity, "salt"), activity.GetString("saltEncoding") ?? "UTF8");
                }
                catch (FormatException ex)
                {
                    return Fail(context, activity, "the salt does not decode: " + ex.Message);
                }

                byte[] salted = new byte[data.Length + salt.Length];
                Buffer.BlockCopy(data, 0, salted, 0, data.Length);
                Buffer.BlockCopy(salt, 0, salted, data.Length, salt.Length);
                data = salted;
            }

            byte[] digest;
            switch (algorithm)
            {
                case "SHA256":
                    digest = (t_sha256 ??= SHA256.Create()).ComputeHash(data);
                    break;
                case "SHA512":
                    digest = (t_sha512 ??= SHA512.Create()).ComputeHash(data);
                    break;
                default:
                    return Fail(context, activity, "'" + algorithm + "' is not SHA256 or SHA512");
            }

            ActivityIo.Output(context, activity, "HashOutput", LowerHex(digest));
            ActivityIo.Output(context, activity, "status", "success");
            // The digest is secure output: the trace names the algorithm, not the value.
            return Completed.From(ActivityOutcome.Next(ActivityIo.SuccessPort(context, activity, ActivityPorts.Out, ActivityPorts.Default), algorithm + " digest computed"));
        }

        /// <summary>The algorithm's canonical name (<c>sha-256</c> reads as <c>SHA256</c>); the export's usual spelling costs nothing.</summary>
        private static string Algorithm(string text) =>
            text == "SHA256" || text == "SHA512" ? text : text.Trim().ToUpperInvariant().Replace("-", string.Empty);

        /// <summary>Lower-case hex without a formatted string per byte.</summary>
        private static string LowerHex(byte[] digest)
        {
            const string Digits = "0123456789abcdef";
            var hex = new char[digest.Length * 2];
            for (int i = 0; i < digest.Length; i++)
            {
                hex[2 * i] = Digits[digest[i] >> 4];
                hex[(2 * i) + 1] = Digits[digest[i] & 0xF];
            }

            return new string(hex);
        }

        private static byte[] Decode(string salt, string encoding)
        {
            switch (encoding.Trim().ToUpperInvariant().Replace("-", string.Empty))
            {
                case "BASE64":
                    return Convert.FromBase64String(salt);
                case "HEX":
                    if (salt.Length % 2 != 0)
                    {
                        throw new FormatException("odd number of hex digits");
                    }

                    var bytes = new byte[salt.Length / 2];
                    for (int i = 0; i < bytes.Length; i++)
                    {
                        bytes[i] = byte.Parse(salt.Substring(2 * i, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
                    }

                    return bytes;
                default:
                    return Encoding.UTF8.GetBytes(salt);
            }
        }

        private static Task<ActivityOutcome> Fail(SimulationContext context, FlowActivity activity, string why)
        {
            ActivityIo.Output(context, activity, "status", "failure");
            return Completed.From(ActivityOutcome.Error(SimulationErrorKind.Activity, "Cryptographic Hash '" + activity.Name + "': " + why + "."));
        }
    }
}
