using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using CallbackLab.Core.Flows.Http;
using CallbackLab.Core.Flows.Model;
using CallbackLab.Core.Flows.Simulation;
using CallbackLab.Core.Stubs;
using CallbackLab.Core.Wxcc;
using CallbackLab.Resources;

namespace CallbackLab.Infrastructure
{
    /// <summary>
    /// Where Invoke-IvrSimulation's HTTP requests go: the MockAPI base and the connector as given; everything else to the
    /// session emulator's stubs (none without an emulator). Only with -AllowNetwork, and only to -NetworkHost hosts, does an
    /// unmatched request really leave the machine; -RecordStubs keeps those exchanges as a stub file.
    /// </summary>
    internal sealed class SimulationNetwork
    {
        private readonly StubEngine _stubs;
        private readonly NetworkAllowance? _allowance;
        private readonly StubRecorder? _recorder;
        private readonly string? _recordPath;

        private SimulationNetwork(StubEngine stubs, NetworkAllowance? allowance, string? recordPath)
        {
            _stubs = stubs;
            _allowance = allowance;
            _recordPath = recordPath;
            _recorder = recordPath == null ? null : new StubRecorder();
        }

        /// <summary>
        /// The network of one Invoke-IvrSimulation call. Its stubs are those of the emulator that issued <paramref name="connection"/>
        /// (-Connection $emulator), else of the session's default emulator.
        /// </summary>
        /// <exception cref="ArgumentException">-AllowNetwork without hosts, a bad host, or -RecordStubs without -AllowNetwork.</exception>
        internal static SimulationNetwork Create(CallbackLabSession session, WxccConnection? connection, bool allowNetwork, string[]? hosts, string? recordPath)
        {
            if (recordPath != null && !allowNetwork)
            {
                throw new ArgumentException(StubStrings.RecordStubsNeedsNetwork);
            }

            NetworkAllowance? allowance = null;
            if (allowNetwork)
            {
                if (hosts == null || hosts.Length == 0)
                {
                    throw new ArgumentException(StubStrings.NetworkHostRequired);
                }

                try
                {
                    allowance = new NetworkAllowance(hosts);
                }
                catch (ArgumentException ex)
                {
                    throw new ArgumentException(string.Format(CultureInfo.CurrentCulture, StubStrings.InvalidNetworkHost, ex.Message), ex);
                }
            }

            StubEngine stubs = (session.Emulators.ByConnection(connection) ?? session.DefaultEmulator)?.Emulator.Stubs ?? new StubEngine();
            return new SimulationNetwork(stubs, allowance, recordPath);
        }

        /// <summary>
        /// True when the caller may run. With -AllowNetwork, a run may send real requests, so ShouldProcess is asked (as for
        /// connector requests to a tenant); declined, nothing is sent for this caller. Call on the pipeline thread.
        /// </summary>
        internal bool Allows(Cmdlet cmdlet, WxccFlow flow, IvrSimulationOptions options)
        {
            if (_allowance == null)
            {
                return true;
            }

            return cmdlet.ShouldProcess(
                string.Format(CultureInfo.CurrentCulture, StubStrings.NetworkTarget, flow.Name, options.Ani, options.Dnis, _allowance),
                StubStrings.NetworkAction);
        }

        /// <summary>A simulator whose requests take this network (one per caller: the pass-through bases are the caller's).</summary>
        internal IvrSimulator SimulatorFor(IvrSimulationOptions options) =>
            new IvrSimulator(StubRoutingTransport.ForSimulation(options, _stubs, null, _allowance, _recorder));

        /// <summary>One warning per request that was not sent because no stub matched it, with the parameter that would send it.</summary>
        internal void WarnUnmatched(Cmdlet cmdlet, IvrSimulationResult result)
        {
            foreach (SimulationStep step in result.Steps)
            {
                if (step.Http?.Unmatched is UnmatchedRequest unmatched)
                {
                    string advice = string.Format(CultureInfo.CurrentCulture,
                        _allowance == null ? StubStrings.UnmatchedNetworkOffAction : StubStrings.UnmatchedHostNotAllowedAction, unmatched.Host);
                    cmdlet.WriteWarning(string.Format(CultureInfo.CurrentCulture, StubStrings.UnmatchedRequestWarning, step.Index, step.ActivityName, unmatched.Message)
                        + " " + advice);
                }
            }
        }

        /// <summary>Writes the recorded exchanges as a stub file (-RecordStubs), after ShouldProcess.</summary>
        internal void SaveRecording(PSCmdlet cmdlet)
        {
            if (_recorder == null || _recordPath == null)
            {
                return;
            }

            string path = cmdlet.GetUnresolvedProviderPathFromPSPath(_recordPath);
            if (!cmdlet.ShouldProcess(string.Format(CultureInfo.CurrentCulture, StubStrings.RecordStubsTarget, _recorder.ExchangeCount),
                string.Format(CultureInfo.CurrentCulture, StubStrings.RecordStubsAction, path)))
            {
                return;
            }

            var stubs = _recorder.ToStubs();
            string temporary = path + ".tmp";
            File.WriteAllText(temporary, StubWriter.ToJson(stubs));
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(temporary, path);
            cmdlet.WriteVerbose(string.Format(CultureInfo.CurrentCulture, StubStrings.RecordedStubs, stubs.Count, _recorder.ExchangeCount, path));
        }
    }
}
