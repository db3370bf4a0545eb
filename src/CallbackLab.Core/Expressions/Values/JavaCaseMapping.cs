using System.Collections.Generic;
using System.Text;

namespace CallbackLab.Core.Expressions.Values
{
    /// <summary>
    /// Java's <c>String.toUpperCase</c>/<c>toLowerCase</c> (locale en-US): full case mapping, where one char can become
    /// several (ß → SS, ﬁ → FI, İ → i̇), and the final-sigma rule; .NET's invariant mapping is char to char.
    /// </summary>
    internal static class JavaCaseMapping
    {
        private static readonly Dictionary<char, string> s_upperExpansions = new Dictionary<char, string>
        {
            ['\u00DF'] = "SS",
            ['\u0149'] = "\u02BCN",
            ['\u01F0'] = "J\u030C",
            ['\u0390'] = "\u0399\u0308\u0301",
            ['\u03B0'] = "\u03A5\u0308\u0301",
            ['\u0587'] = "\u0535\u0552",
            ['\u1E96'] = "H\u0331",
            ['\u1E97'] = "T\u0308",
            ['\u1E98'] = "W\u030A",
            ['\u1E99'] = "Y\u030A",
            ['\u1E9A'] = "A\u02BE",
            ['\uFB00'] = "FF",
            ['\uFB01'] = "FI",
            ['\uFB02'] = "FL",
            ['\uFB03'] = "FFI",
            ['\uFB04'] = "FFL",
            ['\uFB05'] = "ST",
            ['\uFB06'] = "ST",
            ['\uFB13'] = "\u0544\u0546",
            ['\uFB14'] = "\u0544\u0535",
            ['\uFB15'] = "\u0544\u053B",
            ['\uFB16'] = "\u054E\u0546",
            ['\uFB17'] = "\u0544\u053D",
        };

        public static string ToUpper(string text)
        {
            bool expands = false;
            foreach (char c in text)
            {
                if (c >= '\u00DF' && s_upperExpansions.ContainsKey(c)) { expands = true; break; }
            }

            if (!expands) return text.ToUpperInvariant();
            var sb = new StringBuilder(text.Length + 4);
            foreach (char c in text)
            {
                if (s_upperExpansions.TryGetValue(c, out string? expansion)) sb.Append(expansion);
                else sb.Append(char.ToUpperInvariant(c));
            }

            return sb.ToString();
        }

        public static string ToLower(string text)
        {
            if (text.IndexOf('\u0130') < 0 && text.IndexOf('\u03A3') < 0) return text.ToLowerInvariant();
            var sb = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\u0130') sb.Append("i\u0307");
                else if (c == '\u03A3') sb.Append(IsFinalSigma(text, i) ? '\u03C2' : '\u03C3');
                else sb.Append(char.ToLowerInvariant(c));
            }

            return sb.ToString();
        }

        /// <summary>Unicode's Final_Sigma: a letter before it and none after it.</summary>
        private static bool IsFinalSigma(string text, int index)
        {
            bool letterBefore = index > 0 && char.IsLetter(text[index - 1]);
            bool letterAfter = index + 1 < text.Length && char.IsLetter(text[index + 1]);
            return letterBefore && !letterAfter;
        }

        /// <summary>Java's <c>Character.toTitleCase</c>: the upper case, except the Latin digraphs, which have their own title forms.</summary>
        public static char ToTitle(char c)
        {
            switch (c)
            {
                case '\u01C4': case '\u01C5': case '\u01C6': return '\u01C5';
                case '\u01C7': case '\u01C8': case '\u01C9': return '\u01C8';
                case '\u01CA': case '\u01CB': case '\u01CC': return '\u01CB';
                case '\u01F1': case '\u01F2': case '\u01F3': return '\u01F2';
                default: return char.ToUpperInvariant(c);
            }
        }
    }
}
