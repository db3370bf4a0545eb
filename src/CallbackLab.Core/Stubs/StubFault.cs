namespace CallbackLab.Core.Stubs
{
    /// <summary>A stub that answers with no usable response, as WireMock's <c>fault</c> does.</summary>
    public enum StubFault
    {
        /// <summary>A normal answer.</summary>
        None,

        /// <summary><c>CONNECTION_RESET_BY_PEER</c>: the connection is reset.</summary>
        ConnectionResetByPeer,

        /// <summary><c>EMPTY_RESPONSE</c>: the connection closes without a response.</summary>
        EmptyResponse,

        /// <summary><c>MALFORMED_RESPONSE_CHUNK</c>: a status line, then garbage.</summary>
        MalformedResponseChunk,

        /// <summary><c>RANDOM_DATA_THEN_CLOSE</c>: garbage, then the connection closes.</summary>
        RandomDataThenClose,
    }
}
