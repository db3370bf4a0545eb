using System;
using System.Collections.Generic;
using CallbackLab.Core.Expressions;
using Newtonsoft.Json.Linq;

namespace CallbackLab.Core.Tests.Expressions
{
    /// <summary>The variables every conformance case sees: the lab's contact fields, activity outputs and a spread of value shapes.</summary>
    internal static class LabVariables
    {
        public static readonly DateTimeOffset Now = new DateTimeOffset(2025, 2, 6, 21, 9, 2, 712, TimeSpan.Zero);

        public static ExpressionOptions Options(bool strict = false) => new ExpressionOptions { StrictVariables = strict, Clock = () => Now };

        public static DictionaryVariableResolver Create() => new DictionaryVariableResolver(new Dictionary<string, object?>
        {
            ["NewPhoneContact"] = new Dictionary<string, object?>
            {
                ["DNIS"] = "+14694096861",
                ["ANI"] = "+19725551234",
                ["ani"] = "+19725551234",
                ["InteractionID"] = "a1b2",
            },
            ["GET_CBID.httpResponseBody"] = "[{\"dn\":\"4694096861\",\"id\":\"1\"}]",
            ["GET_CBID.httpStatusCode"] = 200,
            ["CallBackAPI_HTTPRequest.httpStatusCode"] = 201,
            ["ANI"] = "+19725551234",
            ["count"] = 3,
            ["four"] = 4L,
            ["zero"] = 0,
            ["big"] = 10000000L,
            ["pi"] = 3.14,
            ["dec"] = 2.5m,
            ["s201"] = "201",
            ["n201"] = 201,
            ["flag"] = true,
            ["off"] = false,
            ["nothing"] = null,
            ["email"] = "jane.doe@example.com",
            ["items"] = new List<object?> { 1, 2, 3 },
            ["names"] = new[] { "bob", "alice", "carol" },
            ["emptyText"] = string.Empty,
            ["blank"] = "   ",
            ["emptyList"] = new List<object?>(),
            ["map"] = new Dictionary<string, object?> { ["a"] = 1, ["b"] = "two" },
            ["json"] = JObject.Parse("{\"ticket\":{\"ticketID\":\"T-9\",\"open\":true,\"tags\":[\"x\",\"y\"]},\"n\":5,\"nil\":null}"),
            ["jarr"] = JArray.Parse("[{\"tacnumber\":\"14085267209\"},{\"tacnumber\":\"2\"}]"),
            ["when"] = Now,
            ["text"] = "Hello World",
            ["callbackANI"] = "4694096861",
            ["sPosition"] = 3,
            ["numText"] = "42",
            ["html"] = "<a href=\"x\">Tom & Jerry's</a>",
        });
    }
}
