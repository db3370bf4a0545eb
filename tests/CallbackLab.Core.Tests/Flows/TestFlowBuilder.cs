using System.Collections.Generic;
using CallbackLab.Core.Flows.Model;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Flows
{
    /// <summary>Builds small flows in the export format: activities are named and linked by label (the id is the label).</summary>
    internal sealed class TestFlowBuilder
    {
        private readonly JObject _activities = new JObject();
        private readonly JArray _links = new JArray();
        private readonly JObject _eventActivities = new JObject();
        private readonly JArray _eventLinks = new JArray();
        private readonly JArray _variables = new JArray();
        private string _name = "test";
        private string? _flowId;

        /// <summary>A subflow named <paramref name="name"/> (flowType SUBFLOW), started by StartSubflow (NewSubFlowStart).</summary>
        internal static TestFlowBuilder Subflow(string name, string? flowId = null)
        {
            var builder = new TestFlowBuilder { _name = name, _flowId = flowId };
            builder._activities.Remove("NewPhoneContact");
            builder._activities["StartSubflow"] = new JObject
            {
                ["id"] = "StartSubflow",
                ["name"] = "StartSubflow",
                ["group"] = "start-subflow",
                ["properties"] = new JObject { ["activityName"] = "NewSubFlowStart", ["activityId"] = "start-subflow" },
            };
            return builder;
        }

        /// <summary>Declares a variable with a source (GLOBAL, SUBFLOW_INPUT, SUBFLOW_OUTPUT).</summary>
        internal TestFlowBuilder Variable(string name, string type, string? value, string source)
        {
            _variables.Add(new JObject { ["name"] = name, ["type"] = type, ["value"] = value, ["source"] = source });
            return this;
        }

        internal TestFlowBuilder()
        {
            _activities["NewPhoneContact"] = new JObject
            {
                ["id"] = "NewPhoneContact",
                ["name"] = "NewPhoneContact",
                ["group"] = "start",
                ["properties"] = new JObject { ["activityName"] = "NewPhoneContact" },
            };
        }

        internal TestFlowBuilder Variable(string name, string type, string? value)
        {
            _variables.Add(new JObject { ["name"] = name, ["type"] = type, ["value"] = value });
            return this;
        }

        internal TestFlowBuilder Activity(string name, string type, object? properties = null, bool inEventFlow = false)
        {
            JObject props = properties == null ? new JObject() : JObject.FromObject(properties);
            props["activityName"] = type;
            (inEventFlow ? _eventActivities : _activities)[name] = new JObject
            {
                ["id"] = name,
                ["name"] = name,
                ["group"] = "action",
                ["properties"] = props,
            };
            return this;
        }

        internal TestFlowBuilder Link(string from, string port, string to, bool inEventFlow = false)
        {
            (inEventFlow ? _eventLinks : _links).Add(new JObject
            {
                ["id"] = from + "-" + port,
                ["sourceActivityId"] = from,
                ["targetActivityId"] = to,
                ["conditionExpr"] = port,
            });
            return this;
        }

        /// <summary>Adds an event trigger named after the event (e.g. OnGlobalError) and links it to <paramref name="to"/>.</summary>
        internal TestFlowBuilder On(string eventName, string? to)
        {
            _eventActivities[eventName] = new JObject
            {
                ["id"] = eventName,
                ["name"] = eventName,
                ["group"] = "event",
                ["properties"] = new JObject { ["activityId"] = "event", ["event"] = eventName },
            };
            if (to != null)
            {
                Link(eventName, "out", to, inEventFlow: true);
            }

            return this;
        }

        internal WxccFlow Build()
        {
            var root = new JObject
            {
                ["name"] = _name,
                ["flowId"] = _flowId,
                ["variables"] = _variables,
                ["process"] = new JObject { ["activities"] = _activities, ["links"] = _links },
                ["eventFlows"] = new JObject
                {
                    ["eventsMap"] = new JObject
                    {
                        ["GLOBAL_EVENTS"] = new JObject { ["process"] = new JObject { ["activities"] = _eventActivities, ["links"] = _eventLinks } },
                    },
                },
            };
            return WxccFlowReader.Parse(root.ToString());
        }

        internal static Dictionary<string, object?> Props(params (string Key, object? Value)[] entries)
        {
            var result = new Dictionary<string, object?>();
            foreach ((string key, object? value) in entries)
            {
                result[key] = value;
            }

            return result;
        }
    }
}
