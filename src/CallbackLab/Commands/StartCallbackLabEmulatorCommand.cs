using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Net;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Emulator.Room;
using CallbackLab.Core.Stubs;
using CallbackLab.Infrastructure;
using CallbackLab.Models;
using CallbackLab.Resources;
using Newtonsoft.Json;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts the embedded lab emulator (MockAPI DynVars, the WxCC tasks API and OAuth) on 127.0.0.1.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "CallbackLabEmulator", SupportsShouldProcess = true, HelpUri = HelpLinks.CmdletPages + "Start-CallbackLabEmulator.md")]
    [OutputType(typeof(CallbackLabEmulator))]
    public sealed class StartCallbackLabEmulatorCommand : CallbackLabCmdlet
    {
        /// <summary>The TCP port; 0 (the default) picks a free one.</summary>
        [Parameter(Position = 0)]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>A JSON data file: loaded when it exists; every change is appended to its log and synced before it is answered.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("Path")]
        public string? DataPath { get; set; }

        /// <summary>A custom seed file instead of the embedded lab seed.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SeedPath { get; set; }

        /// <summary>
        /// A room: a number of attendees (numbered 001, 002, …) or the path of a roster CSV with the columns AttendeeId and, optionally,
        /// Dnis. Per attendee the lab's entities, a DynVars record and a Main_Flow_&lt;id&gt; not yet built are seeded.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("Roster")]
        public string? Attendees { get; set; }

        /// <summary>Answer 200 [] instead of 404 "Not found" when a filter or page matches nothing.</summary>
        [Parameter]
        public SwitchParameter NotFoundAsEmptyArray { get; set; }

        /// <summary>The most records per resource (MockAPI: 100); 0 means no cap.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int RecordLimit { get; set; } = 100;

        /// <summary>WxCC API requests allowed per token per minute; 0 means no limit.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int RateLimitPerMinute { get; set; } = 300;

        /// <summary>Stub files (stub JSON or WireMock mappings) the emulator answers with, and simulations answer non-lab requests from.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("StubPath")]
        public string[]? Stub { get; set; }

        /// <summary>Seconds a client may take from a request's first byte to the end of its headers before the connection is closed.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int HeaderTimeoutSec { get; set; } = 10;

        /// <summary>Seconds a kept-alive connection may sit idle (or a body or answer stall) before it is closed.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int IdleTimeoutSec { get; set; } = 30;

        /// <summary>The most connections open at once; one more is answered 503.</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int MaxConnections { get; set; } = 256;

        /// <summary>Do not make this emulator the session's default MockAPI and WxCC endpoint.</summary>
        [Parameter]
        public SwitchParameter NoDefault { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            string target = "http://127.0.0.1:" + (Port == 0 ? "<free port>" : Port.ToString(CultureInfo.InvariantCulture)) + "/";
            if (!ShouldProcess(target, EmulatorStrings.StartAction))
            {
                return;
            }

            string? seedPath = SeedPath == null ? null : GetUnresolvedProviderPathFromPSPath(SeedPath);
            string? dataPath = DataPath == null ? null : GetUnresolvedProviderPathFromPSPath(DataPath);
            if (seedPath != null && !File.Exists(seedPath))
            {
                ThrowTerminatingError(
                    new FileNotFoundException(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.SeedNotFound, seedPath), seedPath),
                    ErrorIds.SeedNotFound, ErrorCategory.ObjectNotFound, SeedPath);
            }

            // Stub files are read before the port is taken, so a bad file starts nothing.
            var stubs = new List<Stub>();
            foreach (string path in Stub ?? Array.Empty<string>())
            {
                IReadOnlyList<Stub>? loaded = StubFileLoader.TryLoad(this, path, out ErrorRecord? stubError);
                if (loaded == null)
                {
                    ThrowTerminatingError(stubError!);
                    return;
                }

                stubs.AddRange(loaded);
            }

            IReadOnlyList<Attendee>? attendees = Attendees == null ? null : ReadRoomOrFail(Attendees);
            var options = new LabEmulatorOptions
            {
                Attendees = attendees,
                Port = Port,
                DataPath = dataPath,
                SeedPath = seedPath,
                NotFoundAsEmptyArray = NotFoundAsEmptyArray.IsPresent,
                RecordLimit = RecordLimit == 0 ? (int?)null : RecordLimit,
                RateLimitPerMinute = RateLimitPerMinute,
                HeaderTimeout = TimeSpan.FromSeconds(HeaderTimeoutSec),
                IdleTimeout = TimeSpan.FromSeconds(IdleTimeoutSec),
                MaxConnections = MaxConnections,
            };

            LabEmulator emulator = StartOrFail(options);
            foreach (string warning in emulator.StartWarnings)
            {
                WriteWarning(warning);
            }

            emulator.Stubs.Add(stubs);
            var result = new CallbackLabEmulator(emulator);
            Session.AddEmulator(result, makeDefault: !NoDefault.IsPresent);
            WriteVerbose(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.Started, result.Uri, result.MockApiUri, result.WxccUri, result.TokenUri));
            if (!NoDefault.IsPresent)
            {
                WriteVerbose(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.NowDefault, result.Uri));
            }

            WriteObject(result);
        }

        /// <summary>The room from a count or a roster CSV (a PowerShell path); a bad one is a terminating InvalidRoster error.</summary>
        private IReadOnlyList<Attendee> ReadRoomOrFail(string countOrPath)
        {
            string argument = int.TryParse(countOrPath, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? countOrPath : GetUnresolvedProviderPathFromPSPath(countOrPath);
            try
            {
                return Roster.FromArgument(argument);
            }
            catch (FileNotFoundException ex)
            {
                ThrowTerminatingError(ex, ErrorIds.InvalidRoster, ErrorCategory.ObjectNotFound, Attendees);
            }
            catch (Exception ex) when (ex is FormatException || ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(
                    new InvalidDataException(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.InvalidRoster, countOrPath, ex.Message), ex),
                    ErrorIds.InvalidRoster, ErrorCategory.InvalidData, Attendees);
            }

            throw new InvalidOperationException("Unreachable: ThrowTerminatingError always throws.");
        }

        private LabEmulator StartOrFail(LabEmulatorOptions options)
        {
            try
            {
                return LabEmulator.Start(options);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                ThrowTerminatingError(
                    new InvalidOperationException(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.PortUnavailable, Port, ex.Message), ex),
                    ErrorIds.EmulatorPortUnavailable, ErrorCategory.ResourceUnavailable, Port);
            }
            catch (FormatException ex) when (options.Attendees != null)
            {
                ThrowTerminatingError(
                    new InvalidDataException(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.InvalidRoster, Attendees, ex.Message), ex),
                    ErrorIds.InvalidRoster, ErrorCategory.InvalidData, Attendees);
            }
            catch (Exception ex) when (options.SeedPath != null && (ex is JsonException || ex is FormatException))
            {
                ThrowTerminatingError(
                    new InvalidDataException(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.InvalidSeed, options.SeedPath, ex.Message), ex),
                    ErrorIds.InvalidSeed, ErrorCategory.InvalidData, SeedPath);
            }
            catch (Exception ex) when (options.DataPath != null && (ex is InvalidDataException || ex is IOException || ex is UnauthorizedAccessException))
            {
                ThrowTerminatingError(
                    new InvalidDataException(string.Format(CultureInfo.CurrentCulture, EmulatorStrings.InvalidDataFile, options.DataPath, ex.Message), ex),
                    ErrorIds.InvalidDataFile, ErrorCategory.InvalidData, DataPath);
            }

            throw new InvalidOperationException("Unreachable: ThrowTerminatingError always throws.");
        }
    }
}
