using System;

namespace CallbackLab.Core.MockApi
{
    /// <summary>A lookup in the DynVars resource, with MockAPI's filter, sort and page parameters.</summary>
    public sealed class DynVarsQuery
    {
        /// <summary>Filters on <c>dn</c>. MockAPI matches substrings: <c>469</c> finds every dn containing 469.</summary>
        public string? Dn { get; set; }

        /// <summary>Keeps only records whose <c>dn</c> equals <see cref="Dn"/> (MockAPI itself matches substrings).</summary>
        public bool Exact { get; set; }

        /// <summary>The field to sort by (<c>sortBy</c>).</summary>
        public string? SortBy { get; set; }

        /// <summary>Sorts descending (<c>order=desc</c>).</summary>
        public bool Descending { get; set; }

        /// <summary>The 1-based page (<c>page</c>).</summary>
        public int? Page { get; set; }

        /// <summary>Records per page (<c>limit</c>).</summary>
        public int? Limit { get; set; }

        /// <summary>
        /// The <c>dn</c> a flow looks up for a dialled number: Flow Designer's <c>DNIS | slice(2)</c>, which drops the
        /// first two characters (<c>+14694096861</c> becomes <c>4694096861</c>).
        /// </summary>
        public static string DnFromDnis(string dnis)
        {
            if (dnis is null)
            {
                throw new ArgumentNullException(nameof(dnis));
            }

            return dnis.Length <= 2 ? string.Empty : dnis.Substring(2);
        }

        /// <summary>A copy of this query for another page.</summary>
        public DynVarsQuery ForPage(int page, int limit)
        {
            var copy = (DynVarsQuery)MemberwiseClone();
            copy.Page = page;
            copy.Limit = limit;
            return copy;
        }
    }
}
