using System.Collections.Generic;

namespace CallbackLab.Core.Emulator
{
    /// <summary>
    /// Where a MockAPI path points: a collection or one record of a resource, possibly nested under a parent record
    /// (<c>/users/1/tasks</c> lists the <c>tasks</c> whose <c>userId</c> is "1").
    /// </summary>
    internal sealed class MockApiRoute
    {
        private MockApiRoute(string key, string? id, string? parentKey, string? parentId, string? parentField)
        {
            Key = key;
            Id = id;
            ParentKey = parentKey;
            ParentId = parentId;
            ParentField = parentField;
        }

        /// <summary>The resource path, e.g. <c>flowdesigner/Lab/DynVars</c>.</summary>
        internal string Key { get; }

        /// <summary>The record id; null for the collection.</summary>
        internal string? Id { get; }

        internal string? ParentKey { get; }

        internal string? ParentId { get; }

        /// <summary>The field of a child record naming its parent: the parent resource's name in the singular + <c>Id</c>.</summary>
        internal string? ParentField { get; }

        /// <summary>
        /// Resolves <paramref name="segments"/> against the resources that exist. Order: the whole path is a resource (collection);
        /// all but the last segment is a resource (record); <c>…/parent/parentId/child[/childId]</c> with both resources existing (nested);
        /// otherwise, a POST creates a new resource at the whole path (as defining a resource in MockAPI's UI), and anything else is unknown.
        /// </summary>
        internal static MockApiRoute? Resolve(IReadOnlyList<string> segments, IReadOnlyDictionary<string, MockResource> resources, bool createOnPost)
        {
            int n = segments.Count;
            if (n == 0)
            {
                return null;
            }

            string full = Join(segments, 0, n);
            if (resources.ContainsKey(full))
            {
                return new MockApiRoute(full, null, null, null, null);
            }

            if (n >= 2)
            {
                string parent = Join(segments, 0, n - 1);
                if (resources.ContainsKey(parent))
                {
                    return new MockApiRoute(parent, segments[n - 1], null, null, null);
                }
            }

            // Nested collection: prefix… / parent / parentId / child
            MockApiRoute? nested = Nested(segments, n - 3, null, resources);
            if (nested != null)
            {
                return nested;
            }

            // Nested record: prefix… / parent / parentId / child / childId
            nested = Nested(segments, n - 4, segments[n - 1], resources);
            if (nested != null)
            {
                return nested;
            }

            return createOnPost ? new MockApiRoute(full, null, null, null, null) : null;
        }

        private static MockApiRoute? Nested(IReadOnlyList<string> segments, int parentIndex, string? childId, IReadOnlyDictionary<string, MockResource> resources)
        {
            if (parentIndex < 0)
            {
                return null;
            }

            string prefix = Join(segments, 0, parentIndex);
            string parentName = segments[parentIndex];
            string parentKey = prefix.Length == 0 ? parentName : prefix + "/" + parentName;
            string childName = segments[parentIndex + 2];
            string childKey = prefix.Length == 0 ? childName : prefix + "/" + childName;
            if (!resources.ContainsKey(parentKey) || !resources.ContainsKey(childKey))
            {
                return null;
            }

            return new MockApiRoute(childKey, childId, parentKey, segments[parentIndex + 1], Singular(parentName) + "Id");
        }

        private static string Singular(string name)
        {
            if (name.EndsWith("ies", System.StringComparison.Ordinal) && name.Length > 3)
            {
                return name.Substring(0, name.Length - 3) + "y";
            }

            return name.EndsWith("s", System.StringComparison.Ordinal) && name.Length > 1 ? name.Substring(0, name.Length - 1) : name;
        }

        private static string Join(IReadOnlyList<string> segments, int start, int count)
        {
            var parts = new string[count];
            for (int i = 0; i < count; i++)
            {
                parts[i] = segments[start + i];
            }

            return string.Join("/", parts);
        }
    }
}
