using System.Collections.Generic;

namespace CallbackLab.Core.Expressions.Runtime
{
    /// <summary>
    /// A Java array (what <c>split</c> returns): indexable and iterable like a list, but a different class to Java,
    /// which matters to casts (<c>reverse</c> needs a List) and to printing (Java prints an array with an identity hash).
    /// </summary>
    internal sealed class JavaArray : List<object?>
    {
        public JavaArray(IEnumerable<object?> items, string javaClassName)
            : base(items)
        {
            JavaClassName = javaClassName;
        }

        /// <summary>The JVM name of the array class (<c>[Ljava.lang.String;</c>).</summary>
        public string JavaClassName { get; }
    }
}
