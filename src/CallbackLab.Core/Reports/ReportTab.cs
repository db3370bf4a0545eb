namespace CallbackLab.Core.Reports
{
    /// <summary>
    /// One tab of a run's page: a canvas with the steps drawn on it. The main flow and each event flow have one tab; each
    /// run of a subflow has its own (a subflow called twice gives two tabs on the same canvas, each with its own path).
    /// </summary>
    public sealed class ReportTab
    {
        internal ReportTab(string key, string canvasKey, string title)
        {
            Key = key;
            CanvasKey = canvasKey;
            Title = title;
        }

        /// <summary>Unique within the run: the canvas key, with <c>#n</c> for the n-th run of a subflow (<c>main:Sub#2</c>).</summary>
        public string Key { get; }

        /// <summary>The <see cref="FlowCanvas.Key"/> of the canvas the tab draws.</summary>
        public string CanvasKey { get; }

        /// <summary>The tab's title.</summary>
        public string Title { get; }

        /// <inheritdoc />
        public override string ToString() => Key;
    }
}
