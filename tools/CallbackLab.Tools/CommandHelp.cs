using System.Collections.Generic;

namespace CallbackLab.Tools
{
    /// <summary>One cmdlet's help as read from its platyPS markdown page.</summary>
    public sealed class CommandHelp
    {
        public string Name { get; set; } = string.Empty;
        public string Synopsis { get; set; } = string.Empty;
        public string Description { get; set; } = string.Empty;
        public List<HelpExample> Examples { get; } = new List<HelpExample>();
        public List<HelpParameter> Parameters { get; } = new List<HelpParameter>();
        public List<HelpTypeEntry> Inputs { get; } = new List<HelpTypeEntry>();
        public List<HelpTypeEntry> Outputs { get; } = new List<HelpTypeEntry>();
        public string Notes { get; set; } = string.Empty;
        public List<string> RelatedLinks { get; } = new List<string>();
    }

    public sealed class HelpExample
    {
        public string Title { get; set; } = string.Empty;
        public string Code { get; set; } = string.Empty;
        public string Remarks { get; set; } = string.Empty;
    }

    public sealed class HelpParameter
    {
        public string Name { get; set; } = string.Empty;
        public string Description { get; set; } = string.Empty;
        public string Type { get; set; } = "String";
        public List<string> ParameterSets { get; } = new List<string>();
        public List<string> Aliases { get; } = new List<string>();
        public bool Required { get; set; }
        public string Position { get; set; } = "Named";
        public string DefaultValue { get; set; } = "None";
        public string PipelineInput { get; set; } = "False";
        public bool Globbing { get; set; }

        public bool IsSwitch => Type == "SwitchParameter";
    }

    public sealed class HelpTypeEntry
    {
        public string TypeName { get; set; } = string.Empty;
        public string Description { get; set; } = string.Empty;
    }
}
