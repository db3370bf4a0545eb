using System;
using System.IO;
using CallbackLab.Core.Flows.Simulation.Activities;
using CallbackLab.Core.Flows.Simulation.World;

namespace CallbackLab.Core.Tests.Flows.Activities
{
    /// <summary>docs/activities.md names every activity type of the catalog and every world setting.</summary>
    public sealed class ActivityDocsTests
    {
        private static string Page()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "CallbackLab.sln")))
            {
                dir = dir.Parent;
            }

            return File.ReadAllText(Path.Combine(dir!.FullName, "docs", "activities.md"));
        }

        [Fact]
        public void ThePageHasARowForEveryTypeAndEverySetting()
        {
            string page = Page();
            foreach (ActivityDescription description in ActivityCatalog.All)
            {
                Assert.True(page.Contains("| `" + description.Type + "` |", StringComparison.Ordinal), description.Type + " has no row in docs/activities.md");
            }

            foreach (System.Reflection.PropertyInfo setting in typeof(IvrWorld).GetProperties())
            {
                Assert.True(page.Contains("`" + setting.Name + "`", StringComparison.Ordinal), setting.Name + " is not documented in docs/activities.md");
            }
        }
    }
}
