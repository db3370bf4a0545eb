using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CallbackLab.Core.Flows.Model;

namespace CallbackLab.Core.Flows.Subflows
{
    /// <summary>
    /// The subflows a simulation may hand off to. A reference resolves by id first (the export's <c>flowId</c> or version
    /// <c>id</c> against the caller's <c>subflowId</c> / <c>subflowVersionId</c>), then by name without regard to case: real
    /// callers carry ids that differ from the subflow export's own (activity reference §2), while the names agree.
    /// </summary>
    public sealed class SubflowLibrary
    {
        /// <summary>A library with no subflows: every handoff fails with <see cref="SubflowNotFoundException"/>.</summary>
        public static readonly SubflowLibrary Empty = new SubflowLibrary(Array.Empty<WxccFlow>());

        /// <summary>Creates a library of <paramref name="subflows"/> (main flows given here are kept too: a handoff may name any export).</summary>
        public SubflowLibrary(IEnumerable<WxccFlow> subflows)
        {
            if (subflows is null) throw new ArgumentNullException(nameof(subflows));
            Flows = subflows.ToList();
        }

        /// <summary>The flows in the library, in the order given.</summary>
        public IReadOnlyList<WxccFlow> Flows { get; }

        /// <summary>
        /// Reads every export in <paramref name="paths"/>: a file is read as it is, a folder gives its <c>*.json</c> files (not
        /// its sub-folders), in name order.
        /// </summary>
        /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
        /// <exception cref="FlowFormatException">A file is not a flow export.</exception>
        public static SubflowLibrary Load(IEnumerable<string> paths)
        {
            if (paths is null) throw new ArgumentNullException(nameof(paths));
            var flows = new List<WxccFlow>();
            foreach (string path in paths)
            {
                foreach (string file in Files(path))
                {
                    flows.Add(WxccFlowReader.Load(file));
                }
            }

            return new SubflowLibrary(flows);
        }

        /// <summary>The files a library path stands for: the file itself, or a folder's <c>*.json</c> files in name order.</summary>
        /// <exception cref="FileNotFoundException">The path is neither a file nor a folder.</exception>
        public static IReadOnlyList<string> Files(string path)
        {
            if (File.Exists(path))
            {
                return new[] { path };
            }

            if (Directory.Exists(path))
            {
                return Directory.GetFiles(path, "*.json").OrderBy(f => f, StringComparer.OrdinalIgnoreCase).ToList();
            }

            throw new FileNotFoundException("The subflow path '" + path + "' is neither a file nor a folder.", path);
        }

        /// <summary>The subflow <paramref name="reference"/> names; null when the library has none.</summary>
        public WxccFlow? Find(SubflowReference reference)
        {
            if (reference is null) throw new ArgumentNullException(nameof(reference));
            foreach (string? id in new[] { reference.VersionId, reference.SubflowId })
            {
                if (id == null)
                {
                    continue;
                }

                WxccFlow? byId = Flows.FirstOrDefault(f => string.Equals(f.FlowId, id, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));
                if (byId != null)
                {
                    return byId;
                }
            }

            return reference.Name == null ? null : Flows.FirstOrDefault(f => string.Equals(f.Name, reference.Name, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The subflow <paramref name="reference"/> names.</summary>
        /// <exception cref="SubflowNotFoundException">The library has none; the message says what was looked for and what the library holds.</exception>
        public WxccFlow Resolve(SubflowReference reference)
        {
            return Find(reference) ?? throw new SubflowNotFoundException(reference, NotFoundMessage(reference));
        }

        /// <summary>Why <paramref name="reference"/> resolves to nothing, naming what was looked for and what the library holds.</summary>
        public string NotFoundMessage(SubflowReference reference)
        {
            string holds = Flows.Count == 0
                ? "the subflow library is empty"
                : "the subflow library holds " + string.Join(", ", Flows.Select(f => "'" + f.Name + "'" + (f.FlowId == null ? string.Empty : " (id " + f.FlowId + ")")));
            return "No subflow matches " + reference.Describe() + ": " + holds + ".";
        }
    }
}
