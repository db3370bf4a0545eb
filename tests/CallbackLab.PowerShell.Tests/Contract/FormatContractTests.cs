using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CallbackLab.PowerShell.Tests.Harness;

namespace CallbackLab.PowerShell.Tests.Contract
{
    /// <summary>Every output type has a default table view, and every view names properties its type really has.</summary>
    public sealed class FormatContractTests
    {
        private static readonly HashSet<Type> s_plain = new HashSet<Type>
        {
            typeof(bool), typeof(string), typeof(long), typeof(double), typeof(object[]), typeof(PSObject), typeof(void),
            typeof(System.IO.FileInfo), // PowerShell's own FileSystem view formats it (Export-IvrSimulationReport -PassThru)
        };

        private static IEnumerable<XElement> Views() =>
            Directory.GetFiles(Path.Combine(RepoPaths.ModuleFolder), "*.format.ps1xml")
                .SelectMany(f => XDocument.Load(f).Descendants("View"));

        [Fact]
        public void EveryFormatFileIsListedInTheManifestAndShipped()
        {
            string manifest = File.ReadAllText(RepoPaths.SourceManifest);
            var listed = Regex.Matches(Regex.Match(manifest, @"FormatsToProcess\s*=\s*@\((?<l>[^)]*)\)").Groups["l"].Value, "'([^']+)'")
                .Select(m => m.Groups[1].Value).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var shipped = Directory.GetFiles(RepoPaths.ModuleFolder, "*.format.ps1xml").Select(f => Path.GetFileName(f)!)
                .OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.NotEmpty(listed);
            Assert.Equal(listed, shipped);
        }

        [Fact]
        public void EveryCmdletOutputTypeHasATableViewAndViewsNameRealProperties()
        {
            using var ps = new ModuleRunspace();
            var assembly = (Assembly)ps.Run("(Get-Module CallbackLab).ImplementingAssembly").Values.Single()!;
            var outputTypes = assembly.GetTypes()
                .SelectMany(t => t.GetCustomAttributes(typeof(OutputTypeAttribute), false).Cast<OutputTypeAttribute>())
                .SelectMany(a => a.Type.Select(p => p.Type))
                .Where(t => t != null && !s_plain.Contains(t))
                .Distinct()
                .ToList();
            Assert.NotEmpty(outputTypes);

            var views = Views().ToList();
            var problems = new List<string>();
            foreach (Type type in outputTypes)
            {
                bool hasTable = views.Any(v => v.Element("ViewSelectedBy")?.Elements("TypeName").Any(n => n.Value == type.FullName) == true
                                               && v.Element("TableControl") != null);
                if (!hasTable) problems.Add($"{type.FullName}: no table view");
            }

            foreach (XElement view in views)
            {
                foreach (string typeName in view.Element("ViewSelectedBy")?.Elements("TypeName").Select(n => n.Value) ?? Enumerable.Empty<string>())
                {
                    Type? type = assembly.GetType(typeName) ?? outputTypes.FirstOrDefault(t => t.FullName == typeName)
                        ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t != null);
                    if (type == null)
                    {
                        problems.Add($"view '{view.Element("Name")?.Value}': type {typeName} does not exist");
                        continue;
                    }

                    foreach (string property in view.Descendants("PropertyName").Select(p => p.Value))
                    {
                        if (type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance) == null)
                            problems.Add($"view '{view.Element("Name")?.Value}': {typeName} has no property {property}");
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
