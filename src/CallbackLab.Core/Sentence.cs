namespace CallbackLab.Core
{
    /// <summary>Joins message fragments without doubled punctuation (server descriptions often end in a full stop already).</summary>
    internal static class Sentence
    {
        /// <summary><paramref name="text"/> ending in exactly one full stop (or its own "!"/"?").</summary>
        public static string End(string text)
        {
            string trimmed = text.TrimEnd();
            if (trimmed.Length == 0)
            {
                return trimmed;
            }

            char last = trimmed[trimmed.Length - 1];
            return last == '.' || last == '!' || last == '?' ? trimmed : trimmed + ".";
        }
    }
}
