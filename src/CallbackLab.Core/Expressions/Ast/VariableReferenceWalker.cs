using System;
using System.Collections.Generic;

namespace CallbackLab.Core.Expressions.Ast
{
    /// <summary>
    /// Walks a parsed template and lists the dotted variable names it reads (<c>NewPhoneContact.DNIS</c>), in source order,
    /// once each, leaving out names the template defines itself (<c>set</c>, <c>for</c>, <c>loop</c>): what flow validation
    /// checks against the flow's variables.
    /// </summary>
    internal static class VariableReferenceWalker
    {
        public static string[] Collect(IEnumerable<TemplateNode> nodes)
        {
            var read = new List<string>();
            var declared = new HashSet<string>(StringComparer.Ordinal) { "loop" };
            foreach (TemplateNode node in nodes) Walk(node, read, declared);

            var references = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in read)
            {
                int dot = name.IndexOf('.');
                string root = dot < 0 ? name : name.Substring(0, dot);
                if (!declared.Contains(root) && seen.Add(name)) references.Add(name);
            }

            return references.ToArray();
        }

        private static void Walk(TemplateNode node, List<string> read, HashSet<string> declared)
        {
            if (node.DeclaredName != null) declared.Add(node.DeclaredName);
            foreach (ExpressionNode expression in node.Expressions) Walk(expression, read);
            foreach (TemplateNode[] body in node.Bodies)
            {
                foreach (TemplateNode child in body) Walk(child, read, declared);
            }
        }

        private static void Walk(ExpressionNode expression, List<string> read)
        {
            if (expression is VariableNode variable)
            {
                read.Add(variable.FullName);
                return;
            }

            foreach (ExpressionNode child in expression.Children) Walk(child, read);
        }
    }
}
