using System.Diagnostics.CodeAnalysis;

namespace CallbackLab.Core.Expressions
{
    /// <summary>The flow variable types of Flow Designer exports (<c>srcVariableType</c>, variable <c>type</c>).</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "The members are Flow Designer's own variable type names (String, Integer, Decimal, Boolean, DateTime, JSON).")]
    public enum FlowVariableType
    {
        /// <summary>STRING.</summary>
        String,

        /// <summary>INTEGER (a 64-bit integer here).</summary>
        Integer,

        /// <summary>DECIMAL (a double, as Java prints it).</summary>
        Decimal,

        /// <summary>BOOLEAN.</summary>
        Boolean,

        /// <summary>DATETIME.</summary>
        DateTime,

        /// <summary>JSON (a Newtonsoft <c>JToken</c>).</summary>
        Json,
    }
}
