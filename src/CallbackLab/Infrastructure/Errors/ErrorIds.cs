namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Every error id the module writes (the first part of an ErrorRecord's FullyQualifiedErrorId). Scripts and tests match
    /// on these, so they never change once shipped; a new error gets a new constant here, never a literal at the call site.
    /// </summary>
    internal static class ErrorIds
    {
        // Connections and WxCC
        internal const string WxccNotConnected = "WxccNotConnected";
        internal const string RegionAndUri = "RegionAndUri";
        internal const string EmptyCredential = "EmptyCredential";
        internal const string UnencryptedAuthenticationRefused = "UnencryptedAuthenticationRefused";
        internal const string WxccAuthenticationError = "WxccAuthenticationError";
        internal const string WxccApiError = "WxccApiError";
        internal const string InvalidCallbackTask = "InvalidCallbackTask";
        internal const string TaskWindowInverted = "TaskWindowInverted";

        // Flow Store, entry points and EXECUTE_FLOW
        internal const string WxccOrgIdRequired = "WxccOrgIdRequired";
        internal const string WxccFlowExists = "WxccFlowExists";
        internal const string WxccFlowNotFound = "WxccFlowNotFound";
        internal const string WxccEntryPointNotFound = "WxccEntryPointNotFound";
        internal const string FlowNotExported = "FlowNotExported";
        internal const string InvalidFlowTest = "InvalidFlowTest";
        internal const string ExportFileTaken = "ExportFileTaken";
        internal const string ExportPathNotFileSystem = "ExportPathNotFileSystem";
        internal const string ExportWriteFailed = "ExportWriteFailed";

        // MockAPI and DynVars
        internal const string MockApiError = "MockApiError";
        internal const string MockApiRecordLimitReached = "MockApiRecordLimitReached";
        internal const string NoFieldsToSet = "NoFieldsToSet";
        internal const string InvalidPropertyName = "InvalidPropertyName";

        // Flow files and flows
        internal const string FlowFileNotFound = "FlowFileNotFound";
        internal const string FlowFileUnreadable = "FlowFileUnreadable";
        internal const string FlowPathNotFileSystem = "FlowPathNotFileSystem";
        internal const string FlowPathIsFolder = "FlowPathIsFolder";
        internal const string InvalidFlowExport = "InvalidFlowExport";
        internal const string FlowArgumentNotAFlow = "FlowArgumentNotAFlow";
        internal const string SubflowPathNotFound = "SubflowPathNotFound";

        // Simulation
        internal const string InvalidNetworkParameters = "InvalidNetworkParameters";
        internal const string InvalidFlowVariables = "InvalidFlowVariables";
        internal const string InvalidWorldSetting = "InvalidWorldSetting";
        internal const string UnknownActivityType = "UnknownActivityType";
        internal const string StepLimitExceeded = "StepLimitExceeded";
        internal const string BrokenFlowLink = "BrokenFlowLink";
        internal const string SubflowNotFound = "SubflowNotFound";
        internal const string EventFlowFailed = "EventFlowFailed";

        // Expressions and JSON
        internal const string FlowExpressionParseError = "FlowExpressionParseError";
        internal const string FlowExpressionEvaluationError = "FlowExpressionEvaluationError";
        internal const string InvalidJson = "InvalidJson";
        internal const string InvalidJsonPath = "InvalidJsonPath";

        // Emulator, stubs and faults
        internal const string NoEmulator = "NoEmulator";
        internal const string EmulatorNotFound = "EmulatorNotFound";
        internal const string EmulatorStopped = "EmulatorStopped";
        internal const string EmulatorPortUnavailable = "EmulatorPortUnavailable";
        internal const string SeedNotFound = "SeedNotFound";
        internal const string InvalidSeed = "InvalidSeed";
        internal const string InvalidDataFile = "InvalidDataFile";
        internal const string InvalidFaultRule = "InvalidFaultRule";
        internal const string InvalidStub = "InvalidStub";
        internal const string InvalidStubFile = "InvalidStubFile";
        internal const string StubFileNotFound = "StubFileNotFound";
        internal const string StubNotFound = "StubNotFound";
        internal const string StubSelectionRequired = "StubSelectionRequired";
        internal const string StubSourceRequired = "StubSourceRequired";
        internal const string RunNotFound = "RunNotFound";
        internal const string InvalidRoster = "InvalidRoster";

        // Reports
        internal const string NoSimulationResults = "NoSimulationResults";
        internal const string ReportFolderNotFound = "ReportFolderNotFound";
        internal const string ReportWriteFailed = "ReportWriteFailed";
    }
}
