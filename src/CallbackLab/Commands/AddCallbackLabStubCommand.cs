using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using CallbackLab.Core.Stubs;
using CallbackLab.Infrastructure;
using CallbackLab.Models;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Adds HTTP stubs to an emulator: from stub or WireMock mapping files, from mapping JSON, or from parameters.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "CallbackLabStub", SupportsShouldProcess = true, DefaultParameterSetName = DefaultSet, HelpUri = HelpLinks.CmdletPages + "Add-CallbackLabStub.md")]
    [OutputType(typeof(Stub))]
    public sealed class AddCallbackLabStubCommand : EmulatorTargetCmdlet
    {
        /// <summary>Stub files: a WireMock mapping, an array of mappings or a mappings file ({"mappings":[…]}).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        /// <summary>Mapping JSON text (one mapping, an array, or {"mappings":[…]}).</summary>
        [Parameter]
        [Alias("Json")]
        [ValidateNotNullOrEmpty]
        public string? Mapping { get; set; }

        /// <summary>The URL to answer: absolute or a path; with * a glob (https://*.mock.pstmn.io/**); with a query, exact path and query.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? Url { get; set; }

        /// <summary>A regular expression on the path, or on the absolute URL when it starts with a scheme (instead of -Url).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UrlPattern { get; set; }

        /// <summary>The method to answer; any when omitted.</summary>
        [Parameter]
        [ValidateSet("ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD")]
        public string? Method { get; set; }

        /// <summary>Query parameters that must equal the given values.</summary>
        [Parameter]
        public Hashtable? Query { get; set; }

        /// <summary>Request headers that must equal the given values.</summary>
        [Parameter]
        public Hashtable? Header { get; set; }

        /// <summary>JSONPath expressions on the request body and the value each must equal, e.g. @{ '$.customer.tier' = 'gold' }.</summary>
        [Parameter]
        public Hashtable? BodyJsonPath { get; set; }

        /// <summary>The status to answer; several answer in turn (500,200: first call 500, then 200 from then on).</summary>
        [Parameter(Position = 1)]
        [ValidateRange(100, 599)]
        [Alias("Status")]
        public int[]? StatusCode { get; set; }

        /// <summary>The response body.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? Body { get; set; }

        /// <summary>Response headers.</summary>
        [Parameter]
        public Hashtable? ResponseHeader { get; set; }

        /// <summary>Render {{request.…}} values in the body and headers (WireMock's response-template).</summary>
        [Parameter]
        public SwitchParameter Template { get; set; }

        /// <summary>How long the answer takes. Virtual time in a simulation (at or over the activity's timeout it is a timeout); real time over HTTP.</summary>
        [Parameter]
        [ValidateRange(0, 600000)]
        public int? DelayMilliseconds { get; set; }

        /// <summary>The priority: 1 is the highest, 5 the default.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Priority { get; set; }

        /// <summary>The stub's name (shown by Get-CallbackLabStub and in unmatched-request reasons).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Write the added stubs.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            int sources = (Path != null ? 1 : 0) + (Mapping != null ? 1 : 0) + (Url != null || UrlPattern != null ? 1 : 0);
            if (sources != 1)
            {
                WriteError(new ArgumentException(StubStrings.StubSourceRequired), ErrorIds.StubSourceRequired, ErrorCategory.InvalidArgument, null);
                return;
            }

            CallbackLabEmulator? target = ResolveTarget();
            if (target == null)
            {
                return;
            }

            if (Path != null)
            {
                foreach (string path in Path)
                {
                    if (StubFileLoader.TryLoad(this, path, out ErrorRecord? error) is { } stubs)
                    {
                        AddAll(target, stubs);
                        WriteVerbose(string.Format(CultureInfo.CurrentCulture, StubStrings.StubsLoaded, stubs.Count, path));
                    }
                    else
                    {
                        WriteError(error!);
                    }
                }

                return;
            }

            IReadOnlyList<Stub> built;
            try
            {
                built = Mapping != null ? StubReader.Read(Mapping) : new[] { StubReader.ReadMapping(FromParameters().Build()) };
            }
            catch (StubFormatException ex)
            {
                WriteError(new ArgumentException(string.Format(CultureInfo.CurrentCulture, StubStrings.InvalidStub, ex.Message), ex),
                    ErrorIds.InvalidStub, ErrorCategory.InvalidArgument, (object?)Mapping ?? Url ?? UrlPattern);
                return;
            }

            AddAll(target, built);
        }

        private void AddAll(CallbackLabEmulator target, IReadOnlyList<Stub> stubs)
        {
            foreach (Stub stub in stubs)
            {
                if (!ShouldProcess(target.Uri.ToString(), string.Format(CultureInfo.CurrentCulture, StubStrings.AddStubAction, stub.Name)))
                {
                    continue;
                }

                target.Emulator.Stubs.Add(stub);
                if (PassThru.IsPresent)
                {
                    WriteObject(stub);
                }
            }
        }

        private StubMappingBuilder FromParameters()
        {
            var builder = new StubMappingBuilder
            {
                Name = Name,
                Method = Method,
                Url = Url,
                UrlPattern = UrlPattern,
                Body = Body,
                Templated = Template.IsPresent,
                DelayMilliseconds = DelayMilliseconds,
                Priority = Priority,
            };
            Copy(Query, builder.Query);
            Copy(Header, builder.Headers);
            Copy(BodyJsonPath, builder.BodyJsonPath);
            Copy(ResponseHeader, builder.ResponseHeaders);
            foreach (int status in StatusCode ?? Array.Empty<int>())
            {
                builder.StatusCodes.Add(status);
            }

            return builder;
        }

        private static void Copy(Hashtable? source, IDictionary<string, string> target)
        {
            if (source == null)
            {
                return;
            }

            foreach (DictionaryEntry entry in source)
            {
                object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                target[entry.Key.ToString()!] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }
    }
}
