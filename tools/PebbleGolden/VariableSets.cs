using System.Collections.Generic;

namespace PebbleGolden
{
    /// <summary>
    /// The variable sets the cases run against, as JSON text (the oracle maps JSON to Java types: integers to Long,
    /// other numbers to BigDecimal from their literal, objects to LinkedHashMap, arrays to ArrayList).
    /// </summary>
    internal static class VariableSets
    {
        public const string None = "none";
        public const string Lab = "lab";
        public const string Flow = "flow";

        public static IReadOnlyDictionary<string, string> All { get; } = new SortedDictionary<string, string>
        {
            [None] = "{}",
            [Lab] = @"{
  ""NewPhoneContact"": {""DNIS"": ""+14694096861"", ""ANI"": ""+19725551234"", ""ani"": ""+19725551234"", ""InteractionID"": ""a1b2""},
  ""GET_CBID"": {""httpResponseBody"": ""[{\""dn\"":\""4694096861\"",\""id\"":\""1\""}]"", ""httpStatusCode"": 200},
  ""CallBackAPI_HTTPRequest"": {""httpStatusCode"": 201},
  ""ANI"": ""+19725551234"",
  ""count"": 3, ""four"": 4, ""zero"": 0, ""neg"": -7, ""big"": 10000000, ""huge"": 9223372036854775807,
  ""pi"": 3.14, ""dec"": 2.5, ""d"": 2.50, ""x"": 0.10, ""y"": 0.20, ""tenth"": 10.0, ""sci"": 1E+3,
  ""s201"": ""201"", ""n201"": 201, ""flag"": true, ""off"": false, ""nothing"": null,
  ""email"": ""jane.doe@example.com"",
  ""items"": [1, 2, 3], ""names"": [""bob"", ""alice"", ""carol""], ""mixed"": [1, ""a"", true, null, 2.5],
  ""emptyText"": """", ""blank"": ""   "", ""emptyList"": [], ""emptyMap"": {},
  ""map"": {""a"": 1, ""b"": ""two""}, ""numMap"": {""1"": ""one"", ""2"": ""two""},
  ""json"": {""ticket"": {""ticketID"": ""T-9"", ""open"": true, ""tags"": [""x"", ""y""]}, ""n"": 5, ""nil"": null},
  ""jarr"": [{""tacnumber"": ""14085267209""}, {""tacnumber"": ""2""}],
  ""when"": ""2025-02-06T21:09:02+0000"", ""millis"": 1738876142712,
  ""text"": ""Hello World"", ""callbackANI"": ""4694096861"", ""sPosition"": 3, ""numText"": ""42"", ""decText"": ""2.5"",
  ""html"": ""<a href=\""x\"">Tom & Jerry's</a>"", ""de"": ""straße"", ""accents"": ""élan ÇA"", ""tabbed"": ""a\tb\nc"",
  ""unicode"": ""日本 ☃"", ""quote"": ""say \""hi\"" it's""
}",
            [Flow] = @"{
  ""NewPhoneContact"": {""ANI"": ""+19725551234"", ""ani"": ""+19725551234"", ""DNIS"": ""+14694096861"", ""OrgId"": ""org-1"", ""interactionId"": ""int-42""},
  ""GET_CBID"": {""httpResponseBody"": ""[{\""dn\"":\""4694096861\"",\""id\"":\""1\""}]""},
  ""CallBackAPI_Request"": {""httpStatusCode"": 201},
  ""UpdateGlobalVariable"": {""httpStatusCode"": 200},
  ""GetIdentity"": {""httpStatusCode"": 200},
  ""GetPersonDetails"": {""httpStatusCode"": 404},
  ""AgentAnswered"": {""AgentName"": ""Ada""},
  ""BusinessHours"": {""WorkingHoursShift_Name"": ""Weekdays""},
  ""scosborn_ebot"": {""LastIntent"": ""book"", ""TranscriptURL"": ""https://example.test/t/1""},
  ""params"": {""global_variable"": {""id"": ""gv-1"", ""name"": ""Token""}, ""service_app"": {""client_id"": ""cid"", ""client_name"": ""cname"", ""refresh_token"": ""rt""}},
  ""count"": 3, ""sPosition"": 3, ""callbackANI"": ""4694096861"", ""retry_delay"": 5, ""totalCalls"": 4,
  ""error_message"": ""The service is busy"", ""firstName"": ""Jane"", ""lastName"": ""Doe"", ""userName"": ""jdoe"",
  ""ticketID"": ""T-9"", ""ticketStatus"": ""open"", ""CustomerName"": ""None"", ""make"": ""Volvo"", ""rego"": ""ABC123"",
  ""BookingDate1"": ""2025-02-06T10:30:00"", ""DropOff"": ""2025-02-06T10:30:00"", ""mockID"": """", ""rDigit"": ""4"",
  ""access_token"": ""tok"", ""WEBEX_ACCESS_TOKEN"": """", ""webex_access_token"": ""wat"", ""Token"": ""T"",
  ""workspaceId"": ""ws-1"", ""personId"": ""p-1"", ""mobile"": ""+15550001"", ""event"": ""sales"", ""status"": ""ready"",
  ""name"": ""Ada"", ""userID"": ""u-1"", ""outdialcbid"": ""ep-1"", ""customANI"": ""+15550002"", ""callType"": ""voice"",
  ""OK"": 200, ""UNAUTHORIZED"": 401, ""TOO_MANY_REQUESTS"": 429, ""target_user"": ""u-2"", ""Location"": ""Sydney""
}",
        };
    }
}
