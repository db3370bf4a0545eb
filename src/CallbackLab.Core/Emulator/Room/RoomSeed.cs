using System;
using System.Collections.Generic;
using System.Linq;
using CallbackLab.Core.Emulator.FlowStore;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Emulator.Room
{
    /// <summary>
    /// The lab's pre-configured entities for each attendee of a room: the outdial queue <c>Outdial_&lt;id&gt;_Queue</c>, the outdial
    /// entry point <c>Outdial_&lt;id&gt;_Channel</c> using it, the flow <c>Main_Flow_&lt;id&gt;</c> as Build step 1 finds it
    /// (<see cref="StartingFlow"/>, published once, tagged Live and Latest), an inbound entry point <c>Inbound_&lt;id&gt;_Channel</c>
    /// running that flow's Latest version, and a DynVars record (<c>dn</c>, <c>outboundcallbackep</c>, <c>tacnumber</c>, <c>attendeeId</c>).
    /// Without a roster the room is the lab itself: attendee <c>Lab</c>, whose DynVars record is the seed's lab record.
    /// </summary>
    internal static class RoomSeed
    {
        /// <summary>The DynVars field naming the attendee a record belongs to (graders find an attendee's DNIS by it).</summary>
        internal const string AttendeeIdField = "attendeeId";

        /// <summary>The lab's own attendee when the emulator starts without a roster.</summary>
        internal static readonly Attendee LabAttendee = new Attendee("Lab", "+1" + LabSeed.LabDn);

        /// <summary>The seed JSON with the attendees' DynVars records added, and the WxCC records by collection.</summary>
        /// <exception cref="FormatException">An attendee's dn clashes with a seed record's (one contains the other).</exception>
        internal static (string SeedJson, Dictionary<string, IReadOnlyList<JObject>> Wxcc) Build(string seedJson, IReadOnlyList<Attendee>? attendees, DateTimeOffset now)
        {
            Dictionary<string, JArray> resources = LabState.ParseSeed(seedJson);
            var wxcc = WxccRecords.Names.ToDictionary(n => n, _ => (IReadOnlyList<JObject>)new List<JObject>(), StringComparer.Ordinal);
            var flows = (List<JObject>)wxcc[WxccRecords.Flows];
            var entryPoints = (List<JObject>)wxcc[WxccRecords.EntryPoints];
            var queues = (List<JObject>)wxcc[WxccRecords.Queues];
            if (attendees == null)
            {
                AddEntities(LabAttendee, LabSeed.LabOutboundEntryPointId, flows, entryPoints, queues, now);
                return (seedJson, wxcc);
            }

            Roster.Check(attendees);
            if (!resources.TryGetValue(LabSeed.DynVarsResource, out JArray? dynVars))
            {
                dynVars = new JArray();
                resources[LabSeed.DynVarsResource] = dynVars;
            }

            List<string> seededDns = dynVars.Select(r => (string?)(r["dn"] as JValue)).Where(d => !string.IsNullOrEmpty(d)).Select(d => d!).ToList();
            foreach (Attendee attendee in attendees)
            {
                if (seededDns.FirstOrDefault(d => d.Contains(attendee.Dn) || attendee.Dn.Contains(d)) is string clash)
                {
                    throw new FormatException($"Attendee {attendee}: its dn '{attendee.Dn}' and the seed record dn '{clash}' would match each other's ?dn= query (MockAPI filters by substring).");
                }

                string outdialId = WxccIds.EntryPointId(attendee.OutdialEntryPointName);
                AddEntities(attendee, outdialId, flows, entryPoints, queues, now);
                dynVars.Add(new JObject
                {
                    ["dn"] = attendee.Dn,
                    ["outboundcallbackep"] = outdialId,
                    ["tacnumber"] = LabSeed.LabTacNumber,
                    [AttendeeIdField] = attendee.Id,
                });
            }

            var merged = new JObject();
            foreach (KeyValuePair<string, JArray> pair in resources)
            {
                merged[pair.Key] = pair.Value;
            }

            return (merged.ToString(Newtonsoft.Json.Formatting.None), wxcc);
        }

        private static void AddEntities(Attendee attendee, string outdialId, List<JObject> flows, List<JObject> entryPoints, List<JObject> queues, DateTimeOffset now)
        {
            string queueId = WxccIds.QueueId(attendee.OutdialQueueName);
            long time = now.ToUnixTimeMilliseconds();
            queues.Add(new JObject
            {
                ["id"] = queueId,
                ["name"] = attendee.OutdialQueueName,
                ["description"] = $"Outdial queue of attendee {attendee.Id}; team {attendee.TeamName} is assigned to it.",
                ["queueType"] = "OUTBOUND",
                ["channelType"] = "TELEPHONY",
                ["active"] = true,
                ["version"] = 0,
                ["createdTime"] = time,
                ["lastUpdatedTime"] = time,
            });
            StoredFlow flow = StoredFlow.Create(attendee.FlowName, "FLOW", StartingFlow.Build(attendee.FlowName), now)
                .Published("Mission 3's flow, before the Callback on Global Error lab", new[] { "Live" }, now);
            flows.Add(flow.Document);
            entryPoints.Add(EntryPoint(outdialId, attendee.OutdialEntryPointName, "OUTBOUND", $"Outdial entry point of attendee {attendee.Id}", time, queueId, null));
            entryPoints.Add(EntryPoint(WxccIds.EntryPointId(attendee.InboundEntryPointName), attendee.InboundEntryPointName, "INBOUND",
                $"Inbound entry point of attendee {attendee.Id}, dialled on {attendee.Dnis}", time, null, flow.Id));
        }

        /// <summary>An <c>EntryPointDTO</c> with every field the OAS requires, so a GET, change and PUT round trip passes validation.</summary>
        private static JObject EntryPoint(string id, string name, string type, string description, long time, string? outdialQueueId, string? flowId)
        {
            var entryPoint = new JObject
            {
                ["id"] = id,
                ["name"] = name,
                ["description"] = description,
                ["entryPointType"] = type,
                ["channelType"] = "TELEPHONY",
                ["socialChannelType"] = "MESSENGER",
                ["active"] = true,
                ["assetId"] = string.Empty,
                ["controlFlowScriptUrl"] = string.Empty,
                ["imiOrgType"] = "MIXED_MODE",
                ["maximumActiveContacts"] = 100,
                ["overflowNumber"] = string.Empty,
                ["serviceLevelThreshold"] = 20,
                ["timezone"] = "America/New_York",
                ["flowOverrideSettings"] = new JArray(),
                ["version"] = 0,
                ["createdTime"] = time,
                ["lastUpdatedTime"] = time,
            };
            if (flowId != null)
            {
                entryPoint["flowId"] = flowId;
                entryPoint["flowTagId"] = StoredFlow.LatestTag;
            }

            if (outdialQueueId != null)
            {
                entryPoint["outdialQueueId"] = outdialQueueId;
            }

            return entryPoint;
        }
    }
}
