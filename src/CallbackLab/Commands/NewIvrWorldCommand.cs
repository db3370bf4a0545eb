using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using CallbackLab.Core.Flows.Simulation.World;
using CallbackLab.Infrastructure;
using CallbackLab.Resources;

namespace CallbackLab.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates the world a simulated call runs in (clock, business hours, queue statistics, agents, virtual-agent turns, survey answers, seed) for Invoke-IvrSimulation -World.</para>
    /// </summary>
    // Settings are typed as object so an empty CSV cell means "not set" (PowerShell would bind "" to an [int] as 0); the
    // binder converts each value to the world's type with a message naming the setting.
    [Cmdlet(VerbsCommon.New, "IvrWorld", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.None, HelpUri = HelpLinks.CmdletPages + "New-IvrWorld.md")]
    [OutputType(typeof(IvrWorld))]
    public sealed class NewIvrWorldCommand : CallbackLabCmdlet
    {
        /// <summary>World settings by name (any IvrWorld property), e.g. @{ EstimatedWaitTime = '00:03:00'; Seed = 7 }.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [Alias("Settings")]
        public IDictionary? Property { get; set; }

        /// <summary>The wall-clock time the call starts, with its offset.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? StartTime { get; set; }

        /// <summary>The time zone business hours are read in (IANA or Windows id).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? TimeZone { get; set; }

        /// <summary>Forces the Business Hours port: workingHours, holidays, override or default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? BusinessHoursStatus { get; set; }

        /// <summary>The business-hours schedule (a BusinessHoursSchedule or a hashtable of its properties).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public BusinessHoursSchedule? BusinessHours { get; set; }

        /// <summary>Get Queue Info's estimated wait time.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Ewt")]
        public object? EstimatedWaitTime { get; set; }

        /// <summary>Get Queue Info's position in queue.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Piq")]
        public object? PositionInQueue { get; set; }

        /// <summary>Agents logged on to the queue.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? LoggedOnAgents { get; set; }

        /// <summary>Agents available in the queue.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? AvailableAgents { get; set; }

        /// <summary>How long after queueing an agent answers.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? AgentAvailableAfter { get; set; }

        /// <summary>The state Queue To Agent finds its agent in: Available, Idle or NotLoggedIn.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? AgentState { get; set; }

        /// <summary>How each virtual-agent turn ends, in order: Handled, Escalated, Error, CallerHungUp (or hashtables with Outputs).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("VirtualAgentTurns")]
        public object[]? VirtualAgentTurn { get; set; }

        /// <summary>The caller's survey answers, in order.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("SurveyAnswers")]
        public string[]? SurveyAnswer { get; set; }

        /// <summary>Seeds Percent Allocation and Generate OTP so runs repeat.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Seed { get; set; }

        /// <summary>How a transfer's far end answers: Completed, Returned, Busy, NoAnswer, Invalid.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? TransferResult { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var world = new IvrWorld();
            try
            {
                if (Property != null)
                {
                    foreach (DictionaryEntry entry in Property)
                    {
                        IvrWorldBinder.Set(world, entry.Key.ToString()!, entry.Value);
                    }
                }

                foreach ((string name, object? value) in Settings())
                {
                    if (value != null)
                    {
                        IvrWorldBinder.Set(world, name, value);
                    }
                }
            }
            catch (ArgumentException ex)
            {
                WriteError(ex, ErrorIds.InvalidWorldSetting, ErrorCategory.InvalidArgument, Property ?? (object)MyInvocation.BoundParameters);
                return;
            }

            finally
            {
                Forget();
            }

            if (ShouldProcess(FlowStrings.NewWorldTarget, FlowStrings.NewWorldAction))
            {
                WriteObject(world);
            }
        }

        private IEnumerable<(string Name, object? Value)> Settings()
        {
            yield return (nameof(IvrWorld.StartTime), StartTime);
            yield return (nameof(IvrWorld.TimeZone), TimeZone);
            yield return (nameof(IvrWorld.BusinessHoursStatus), BusinessHoursStatus);
            yield return (nameof(IvrWorld.BusinessHours), BusinessHours);
            yield return (nameof(IvrWorld.EstimatedWaitTime), EstimatedWaitTime);
            yield return (nameof(IvrWorld.PositionInQueue), PositionInQueue);
            yield return (nameof(IvrWorld.LoggedOnAgents), LoggedOnAgents);
            yield return (nameof(IvrWorld.AvailableAgents), AvailableAgents);
            yield return (nameof(IvrWorld.AgentAvailableAfter), AgentAvailableAfter);
            yield return (nameof(IvrWorld.AgentState), AgentState);
            yield return (nameof(IvrWorld.VirtualAgentTurns), VirtualAgentTurn);
            yield return (nameof(IvrWorld.SurveyAnswers), SurveyAnswer);
            yield return (nameof(IvrWorld.Seed), Seed);
            yield return (nameof(IvrWorld.TransferResult), TransferResult);
        }

        /// <summary>
        /// Clears what this pipeline row bound: PowerShell keeps a by-property-name value on the cmdlet for the next row when that
        /// row lacks the column, so one CSV row's settings would leak into the next world.
        /// </summary>
        private void Forget()
        {
            Property = null;
            StartTime = TimeZone = BusinessHoursStatus = AgentState = null;
            BusinessHours = null;
            EstimatedWaitTime = PositionInQueue = LoggedOnAgents = AvailableAgents = AgentAvailableAfter = Seed = TransferResult = null;
            VirtualAgentTurn = null;
            SurveyAnswer = null;
        }
    }
}
